/**
 * Model names in training configs → presets. Kept out of ./trainer-config.ts, which needs zod and
 * is loaded only for --from, because resolveEstimate (in every command's start-up) calls it.
 */
const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9.]/g, "");
const basename = (name: string): string => name.split("/").pop() ?? name;
// Checkpoint-name suffixes that do not change the architecture.
const SUFFIX = /[-_.](instruct|chat|hf|base|it|fp16|bf16|fp32)$/i;

/**
 * Whether a normalized preset name is a spelling of a torchtune builder, where each underscore
 * between digits is either a decimal point or a separator (llama3_1_8b: llama3.1-8b). Matched as
 * one pattern with an optional point per such underscore: listing the spellings doubles them with
 * each one (16 underscores took 3.6 s, 17 overflowed the stack).
 */
function torchtunePattern(builder: string): RegExp | undefined {
  const name = builder.replace(/^(q?lora|full)_/, "");
  // No builder name is this long; a longer one names no preset.
  if (name.length > 200) return undefined;
  const parts = name.split(/(?<=\d)_(?=\d)/).map((part) => normalize(part).replace(/\./g, "\\."));
  // After normalize a separator vanishes and a point stays: each joint is an optional point. A
  // part after a joint starts with a digit, never a point, so the match never backtracks.
  return new RegExp(`^${parts.join("\\.?")}$`);
}

/**
 * The preset id a hub id ("meta-llama/Llama-3.1-8B", "NousResearch/Meta-Llama-3-8B") or torchtune
 * component ("torchtune.models.llama3_1.lora_llama3_1_8b") names, matching ids and aliases without
 * regard to case or dashes; undefined when none matches.
 */
export function mapHubModelToPreset(
  modelName: string,
  presets: ReadonlyArray<{ id: string; aliases: readonly string[] }>,
): string | undefined {
  const name = modelName.trim();
  const candidates: string[] = [];
  if (/^torchtune\./.test(name)) {
    const pattern = torchtunePattern(name.split(".").pop() ?? name);
    if (pattern === undefined) return undefined;
    const matches = (text: string): boolean => pattern.test(normalize(text));
    // As below: an id or alias first, then the repository name of a hub alias.
    const exact = presets.find((p) => matches(p.id) || p.aliases.some(matches));
    return (exact ?? presets.find((p) => p.aliases.some((a) => a.includes("/") && matches(basename(a)))))?.id;
  } else {
    // The full id first, then the repository name (a mirror or fine-tune under another owner),
    // then that name without suffixes such as -Instruct or -fp16.
    candidates.push(name, basename(name));
    let stripped = basename(name);
    while (SUFFIX.test(stripped)) {
      stripped = stripped.replace(SUFFIX, "");
      candidates.push(stripped);
    }
  }
  for (const candidate of candidates.map(normalize)) {
    const exact = presets.find(
      (p) => normalize(p.id) === candidate || p.aliases.some((a) => normalize(a) === candidate),
    );
    if (exact) return exact.id;
    const byRepoName = presets.find((p) =>
      p.aliases.some((a) => a.includes("/") && normalize(basename(a)) === candidate),
    );
    if (byRepoName) return byRepoName.id;
  }
  return undefined;
}
