import { Chalk, type ChalkInstance } from "chalk";
import type { Io } from "./io.js";

/**
 * Colour only for a human at a terminal: off when piped, when NO_COLOR is set (no-color.org), with
 * --no-color, and for machine formats; FORCE_COLOR turns it on for a pipe (e.g. `| less -R`).
 */
export function paintFor(io: Io, wantColor: boolean): ChalkInstance {
  const forced = io.env["FORCE_COLOR"] !== undefined && io.env["FORCE_COLOR"] !== "0";
  const noColor = io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "";
  const level = wantColor && !noColor && (io.stdoutIsTTY || forced) ? 1 : 0;
  return new Chalk({ level });
}
