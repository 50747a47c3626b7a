import { loadCatalog } from "../../src/catalog/load.js";
import { OPTIONS } from "../../src/job/options.js";

/**
 * What may stay in Latin letters in Korean output: product and model names, units, identifiers
 * (strategy, GPU, provider, model and scenario ids, flag names and their values, the config file's
 * keys a message tells the user to write), and quoted sources (a document's title is cited as written). Everything else in Latin letters is English a Korean
 * reader should not meet.
 */
const NAMES = `NVIDIA AMD Intel Google AWS GCP Azure Lambda RunPod CoreWeave Vast Together Nebius Crusoe DigitalOcean
Vultr TensorWave Elice NAVER kakao VESSL GPUaaS Hugging Face Meta Llama LLaMA Mistral Mixtral Qwen Gemma Phi DeepSeek GRIN
TinyLlama Falcon OLMo Megatron NeMo PaLM Chinchilla Hopper Ampere Ada Blackwell Volta CDNA Gaudi Instinct Tensor Core
FlashAttention LoRA QLoRA DAPT TAPT SFT GPU GPUs CPU MFU FLOPs FLOPS TFLOPS ZeRO FSDP AdamW Adafactor SGD bf16 fp8 fp32
NVLink PCIe InfiniBand RoCE SXM SXM5 SXM4 NVL PCIE HBM HBM3 HBM3e Ethernet Gb axolotl LLaMA-Factory torchtune
trainer_state W&B KRW USD VAT PUE CO2 GB GiB MB KB TB PB kWh MWh GWh kg TDP ms min TP mb llm-cost json csv tsv html
markdown config Korthikanti MegaScale Touvron Hoffmann OpenAI Anthropic Seoul KBS Yonhap CUDA Megatron-LM ID
fx krwPerUsd date source usdPerGpuHour providerName gpu`.split(/\s+/);

/** llm-cost's own commands: a sentence that points to one ("llm-cost validate로 확인") names it as typed. */
const COMMANDS = "estimate compare plan check validate models gpus prices scenarios completion".split(" ");

/** Every name the catalog holds: GPU names and aliases, provider names, model ids, sources. */
function catalogNames(): string[] {
  const c = loadCatalog();
  return [
    ...c.gpus.flatMap((g) => [g.id, g.name, ...g.aliases, ...g.sources]),
    ...c.prices.flatMap((p) => [p.provider, p.providerName, p.source, p.region, p.instance ?? "", p.notes ?? ""]),
    ...c.models.flatMap((m) => [m.id, m.name, ...m.aliases]),
    ...c.strategies.flatMap((s) => [s.id, s.name]),
    c.fx.default.source,
    c.fx.default.kind,
    ...c.energy.grids.flatMap((g) => [g.id, g.note, g.source]),
    c.energy.pue.note,
    c.energy.pue.source,
  ];
}

/** The English words of `text`: Latin-letter words not allowed above, after quoted sources are removed. */
export function englishWords(text: string, extraAllowed: readonly string[] = []): string[] {
  let rest = text;
  // Whole phrases first (a source or a GPU's full name), longest first so a part never hides the whole.
  const phrases = [...catalogNames(), ...extraAllowed].filter((p) => p.length > 3).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) rest = rest.split(phrase).join(" ");
  // Flags and their values, URLs, file names and ids with digits or dashes.
  rest = rest
    .replace(/--[a-z][\w-]*(\s+[\w.,-]+)?/g, " ")
    // A file's path with its folders (presets/published-runs.json) is a name as much as the file's.
    .replace(/\b[\w./-]+\.(com|org|net|ai|io|kr|json|md|html|yaml|csv)\b\S*/g, " ")
    .replace(/\b\S*\d\S*\b/g, " ");
  const allowed = new Set(
    [...NAMES, ...COMMANDS, ...OPTIONS.flatMap((o) => o.values ?? [])].map((w) => w.toLowerCase()),
  );
  return [...new Set((rest.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => !allowed.has(w.toLowerCase())))];
}
