// Start-up benchmark: how long the CLI takes next to a bare `node -e 0` on the same machine.
// Absolute milliseconds depend on the machine; the ratio mostly does not, so the ratio is what is
// reported and checked. With the Node loop each ratio is the median over runs of (command time /
// `node -e 0` time), the two timed back to back, so load on a shared machine hits both sides of a
// pair. hyperfine times each command in its own block, so there the ratio is of the medians.
//
//   npm run bench                 20 paired runs, fails if a ratio is above --max (1.5)
//   npm run bench -- --smoke      3 runs, no check (CI: proves the commands and this script work)
//   npm run bench -- --runs 50 --max 1.3 --no-hyperfine
//
// Uses hyperfine when it is on PATH (`apt-get install hyperfine`), else a Node loop over
// child_process.spawnSync. A command that fails (e.g. `plan` before it exists) is skipped with a note.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    runs: { type: "string" },
    max: { type: "string", default: "1.5" },
    "no-hyperfine": { type: "boolean", default: false },
  },
});
const runs = Number(opts.runs ?? (opts.smoke ? 3 : 20));
const maxRatio = Number(opts.max);
if (!(Number.isInteger(runs) && runs >= 1) || !(maxRatio > 0)) {
  console.error("bench: --runs must be a whole number >= 1 and --max a number > 0");
  process.exit(2);
}

const bin = fileURLToPath(new URL("../bin/llm-cost.js", import.meta.url));
const node = process.execPath;
const baseline = { name: "node -e 0", args: ["-e", "0"] };
const commands = [
  {
    name: "estimate --params 7B --tokens 15B --gpus 2xH100",
    args: [bin, "estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"],
  },
  // plan ranks every GPU in the catalog against the deadline: the heaviest common command.
  {
    name: "plan --params 7B --tokens 15B --strategy dapt --deadline 7d",
    args: [bin, "plan", "--params", "7B", "--tokens", "15B", "--strategy", "dapt", "--deadline", "7d"],
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs one command once, output discarded; returns milliseconds, or throws with its exit and stderr. */
function timeOnce(args) {
  const start = process.hrtime.bigint();
  // stdout is piped and dropped, not "ignore": Node puts a read-write /dev/null on an ignored stdout,
  // which llm-cost cannot tell from a closed one (`>&-`) and refuses (exit 2).
  const result = spawnSync(node, args, {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    const why = result.error?.message ?? result.stderr.trim().split("\n")[0] ?? "";
    throw new Error(`exit ${result.status ?? result.signal}${why ? `: ${why}` : ""}`);
  }
  return ms;
}

function hasHyperfine() {
  if (opts["no-hyperfine"]) return false;
  return spawnSync("hyperfine", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Per-run times (ms) for the baseline and each command, from hyperfine. */
function timeWithHyperfine(list) {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-bench-"));
  const out = join(dir, "times.json");
  const quote = (s) => (/^[\w./:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const line = (args) => [node, ...args].map(quote).join(" ");
  try {
    // -N: no intermediate shell, so the shell's own start-up is not in the numbers.
    const result = spawnSync(
      "hyperfine",
      [
        "-N",
        "--style",
        "none",
        "--warmup",
        "2",
        "--runs",
        String(runs),
        "--export-json",
        out,
        line(baseline.args),
        ...list.map((c) => line(c.args)),
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (result.status !== 0) throw new Error(`hyperfine exited ${result.status}`);
    return JSON.parse(readFileSync(out, "utf8")).results.map((r) => r.times.map((s) => s * 1000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-run times (ms) for the baseline and each command, interleaved round by round. */
function timeWithNode(list) {
  const all = [baseline, ...list];
  for (let i = 0; i < 2; i++) for (const c of all) timeOnce(c.args); // warm the file cache
  const times = all.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, c] of all.entries()) times[j].push(timeOnce(c.args));
  }
  return times;
}

// Probe each command once: one that fails is reported and left out, so the bench keeps working
// while a command is missing or broken.
const live = [];
for (const command of commands) {
  try {
    timeOnce(command.args);
    live.push(command);
  } catch (error) {
    console.log(`  skipped: llm-cost ${command.name} (${error.message})`);
  }
}

const paired = !hasHyperfine();
const [base, ...times] = paired ? timeWithNode(live) : timeWithHyperfine(live);
console.log(
  paired
    ? `start-up, ${runs} paired runs (node child_process loop); ratio = median over pairs of command / node -e 0`
    : `start-up, ${runs} runs each (hyperfine); ratio = median command / median node -e 0`,
);
console.log(`  ${"node -e 0".padEnd(64)} ${median(base).toFixed(1).padStart(7)} ms`);
let over = 0;
live.forEach((command, j) => {
  const ratio = paired ? median(times[j].map((t, i) => t / base[i])) : median(times[j]) / median(base);
  const flag = opts.smoke ? "" : ratio <= maxRatio ? `  ok (<= ${maxRatio}x)` : `  OVER ${maxRatio}x`;
  if (ratio > maxRatio) over++;
  console.log(
    `  ${`llm-cost ${command.name}`.padEnd(64)} ${median(times[j]).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${flag}`,
  );
});
if (!opts.smoke && over > 0) {
  console.error(`bench: ${over} command(s) start slower than ${maxRatio}x node -e 0`);
  process.exit(1);
}
