/**
 * Model names in training configs → presets. Kept out of ./trainer-config.ts, which needs zod and
 * is loaded only for --from, because resolveEstimate (in every command's start-up) calls it.
 */
const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9.]/g, "");
const basename = (name: string): string => name.split("/").pop() ?? name;
// Checkpoint-name suffixes that do not change the architecture.
const SUFFIX = /[-_.](instruct|chat|hf|base|it|fp16|bf16|fp32)$/i;

/** Spellings of a torchtune builder: underscores between digits are either a decimal point or a separator. */
function torchtuneSpellings(builder: string): string[] {
  const name = builder.replace(/^(q?lora|full)_/, "");
  const parts = name.split(/(?<=\d)_(?=\d)/);
  let out = [parts[0] ?? ""];
  for (const part of parts.slice(1)) out = out.flatMap((s) => [`${s}.${part}`, `${s}_${part}`]);
  return out;
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
  if (/^torchtune\./.test(name)) candidates.push(...torchtuneSpellings(name.split(".").pop() ?? name));
  else {
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
