import { PLAIN, type Paint } from "../output/paint.js";
import type { Io } from "./io.js";

/**
 * Colour only for a human at a terminal: off when piped, when NO_COLOR is set (no-color.org), with
 * --no-color, and for machine formats; FORCE_COLOR turns it on for a pipe (e.g. `| less -R`).
 * chalk is imported only when there is colour to paint: loading it (and the tty module it
 * inspects) would cost about 0.03x of `node -e 0` on every run whose output is piped.
 */
export async function paintFor(io: Io, wantColor: boolean): Promise<Paint> {
  const forced = io.env["FORCE_COLOR"] !== undefined && io.env["FORCE_COLOR"] !== "0";
  const noColor = io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "";
  if (!(wantColor && !noColor && (io.stdoutIsTTY || forced))) return PLAIN;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
