import { spawn } from "node:child_process";
import { BIN } from "./cli.js";
import type { Outcome } from "./output-oracle.js";

/** Children still running: a test removes the directory they work in only once they have all exited. */
const running = new Set<Promise<Outcome>>();

/**
 * Runs the built binary asynchronously (so that several run at once), with a clean colour
 * environment and an English locale. NUL bytes cannot be passed to a process and must be removed first.
 */
export function spawnCli(argv: readonly string[], cwd: string): Promise<Outcome> {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...env } = process.env;
  const done = new Promise<Outcome>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...env, LANG: "en_US.UTF-8" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code, signal) => resolve({ argv, code: code ?? (signal ? -1 : null), stdout, stderr }));
  });
  running.add(done);
  void done.then(() => running.delete(done));
  return done;
}

/** Resolves once every child spawnCli started has exited (also those of a test that timed out). */
export async function childrenExited(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

/** Runs `items` through `work`, `parallel` at a time. */
export async function inBatches<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += parallel)
    out.push(...(await Promise.all(items.slice(i, i + parallel).map((item, k) => work(item, i + k)))));
  return out;
}
