// Runs one documented command line, as the docs show it: `llm-cost ARGS [| head -n N] [| grep [-E] RE]`.
// The pipes are applied here, in JavaScript, so that the command runs in this process (no shell, no
// child process) and a reader can still paste the line into a shell and get the same text.

/** Splits a command line into words: spaces separate, single or double quotes group. */
export function words(line) {
  const out = [];
  let word = "";
  let quote = "";
  let started = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = "";
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === " ") {
      if (started || word) out.push(word);
      word = "";
      started = false;
    } else word += ch;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (started || word) out.push(word);
  return out;
}

/** Splits at the pipes that are outside quotes. */
function stages(line) {
  const out = [];
  let quote = "";
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "|") {
      out.push(line.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(line.slice(from).trim());
  return out;
}

/** Applies one `head -n N` or `grep [-E] PATTERN` stage to the text. */
function filter(text, stage) {
  const [tool, ...args] = words(stage);
  const lines = text.replace(/\n$/, "").split("\n");
  if (tool === "head" && args[0] === "-n" && /^\d+$/.test(args[1] ?? "") && args.length === 2)
    return `${lines.slice(0, Number(args[1])).join("\n")}\n`;
  if (tool === "grep" && (args.length === 1 || (args.length === 2 && args[0] === "-E"))) {
    const re = new RegExp(args[args.length - 1]);
    const kept = lines.filter((l) => re.test(l));
    return kept.length ? `${kept.join("\n")}\n` : "";
  }
  throw new Error(`unsupported pipe stage in a documented command: ${stage} (head -n N or grep [-E] RE)`);
}

/**
 * Runs `line` (without the leading "llm-cost ") through `run(argv, io)` in `cwd` with an English
 * locale, no colour and the real presets/, and returns what a terminal would show: stdout, then
 * stderr (warnings), then the pipe stages applied to stdout.
 */
export async function runMarked(line, run, cwd) {
  const [command, ...pipes] = stages(line);
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { LANG: "en_US.UTF-8" },
    stdoutIsTTY: false,
    cwd,
  };
  const code = await run(words(command), io);
  let text = stdout;
  for (const stage of pipes) text = filter(text, stage);
  if (pipes.length === 0) text += stderr;
  return { code, text };
}
