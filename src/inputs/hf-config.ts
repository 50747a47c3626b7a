// Hugging Face config.json → Architecture (+ MoE shape) and exact parameter counts.
// Pure: takes the already-parsed JSON and the file name used in error messages.
//
// Field names and per-family defaults follow the transformers configuration classes
// (LlamaConfig, MistralConfig, MixtralConfig, Qwen2Config, Qwen2MoeConfig, Qwen3Config,
// Qwen3MoeConfig, Gemma2Config, Phi3Config). Sizes (hidden_size, num_hidden_layers, …) are never
// defaulted: transformers' class defaults describe one particular checkpoint, and silently
// borrowing them would price a different model than the user's.

import { usage } from "../errors.js";
import { shown } from "../util/shown.js";
import { quoted } from "../i18n/message.js";
import { countParams, type Architecture } from "../model/architecture.js";
import { own } from "../util/own.js";
import { LIMITS } from "../job/values/quantity.js";

/** Mixture-of-experts MLP shape of one sparse decoder layer. */
export interface MoeShape {
  /** routed experts per layer (num_local_experts / num_experts) */
  experts: number;
  /** routed experts each token visits (num_experts_per_tok) */
  expertsPerToken: number;
  /** intermediate size of one routed expert (Mixtral: intermediate_size; Qwen: moe_intermediate_size) */
  expertFfn: number;
  /** always-active shared experts (Qwen2-MoE: 1; Mixtral, Qwen3-MoE: 0) */
  sharedExperts: number;
  /** intermediate size of one shared expert (0 when there is none) */
  sharedExpertFfn: number;
  /** true when a hidden → 1 sigmoid gate scales the shared expert (Qwen2-MoE's shared_expert_gate) */
  sharedExpertGate?: boolean;
  /**
   * decoder layers that use the sparse block; the others run a dense MLP of arch.ffn
   * (Qwen's mlp_only_layers / decoder_sparse_step). Default: every layer.
   */
  moeLayers?: number;
}

/** What a config.json says about a model, with its total and per-token (active) parameter counts. */
export interface HfModel {
  /**
   * The shape in llm-cost's terms. For a dense model countParams(arch) is the count (plus
   * extraPerLayer × layers). For an MoE model arch holds the attention, norms and vocabulary with
   * ffn = intermediate_size as written (the dense-layer width); its MLP count is NOT the model's:
   * use totalParams / activeParams or moeParams.
   */
  arch: Architecture;
  /** the config's model_type, e.g. "llama", "qwen2_moe" */
  family: string;
  moe?: MoeShape;
  /** per-layer parameters the Architecture type has no field for (Qwen3's q/k RMSNorm: 2 × head_dim) */
  extraPerLayer: number;
  /** every parameter (Chinchilla convention: embeddings and LM head included) */
  totalParams: number;
  /** parameters one token passes through: all of a dense model; only the routed top-k experts of an MoE one */
  activeParams: number;
  /** what was assumed or is worth knowing, one sentence each */
  notes: string[];
}

/** The model_type values this module understands. */
export const SUPPORTED_MODEL_TYPES = [
  "llama",
  "mistral",
  "mixtral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "gemma2",
  "phi3",
] as const;
type ModelType = (typeof SUPPORTED_MODEL_TYPES)[number];

/** Total and active parameter counts of an MoE model (see MoeShape); extraPerLayer as in HfModel. */
export function moeParams(arch: Architecture, moe: MoeShape, extraPerLayer = 0): { total: number; active: number } {
  const base = countParams(arch);
  const mlpOf = (ffn: number): number => countParams({ ...arch, ffn }).mlpPerLayer;
  const moeLayers = moe.moeLayers ?? arch.layers;
  const denseLayers = arch.layers - moeLayers;
  // The router is a bias-free hidden → experts linear layer; it runs for every token, so it is active.
  const router = arch.hidden * moe.experts;
  const shared = moe.sharedExperts * mlpOf(moe.sharedExpertFfn) + (moe.sharedExpertGate ? arch.hidden : 0);
  const expert = mlpOf(moe.expertFfn);
  const common = base.attentionPerLayer + base.normsPerLayer + extraPerLayer;
  const fixed = base.embedding + base.head + base.finalNorm + base.positionEmbeddings;
  const dense = denseLayers * (common + base.mlpPerLayer);
  const sparseCommon = moeLayers * (common + router + shared);
  return {
    total: fixed + dense + sparseCommon + moeLayers * moe.experts * expert,
    active: fixed + dense + sparseCommon + moeLayers * moe.expertsPerToken * expert,
  };
}

/**
 * The largest value each config.json size may have: the same bounds as a model in
 * llm-cost.config.json (src/catalog/model-schema.ts), far past any published model (about 100
 * layers, width 25k, vocabularies of 256k, 256 experts). Fields not listed are bounded at 10^8.
 */
const MAX_LAYERS = 1e4;
const MAX_FIELD: Record<string, number> = {
  num_hidden_layers: MAX_LAYERS,
  hidden_size: 1e6,
  num_attention_heads: 1e5,
  num_key_value_heads: 1e5,
  head_dim: 1e5,
  intermediate_size: 1e7,
  moe_intermediate_size: 1e7,
  shared_expert_intermediate_size: 1e7,
  vocab_size: 1e8,
  num_local_experts: 1e5,
  num_experts: 1e5,
  num_experts_per_tok: 1e5,
  decoder_sparse_step: 1e4,
};

/** Reads config fields, failing with one line that names the file and the field. */
class Fields {
  constructor(
    private readonly cfg: Record<string, unknown>,
    private readonly file: string,
  ) {}

  /** The file's own value for `key`, never one inherited from Object.prototype. */
  private get(key: string): unknown {
    return Object.hasOwn(this.cfg, key) ? this.cfg[key] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined && this.get(key) !== null;
  }

  fail(key: string, message: string): never {
    throw usage("file.invalidAt", { file: quoted(this.file), path: key, detail: message });
  }

  int(key: string, min = 1): number {
    const value = this.get(key);
    const what = min === 0 ? "a non-negative integer" : "a positive integer";
    if (value === undefined || value === null) this.fail(key, `required (${what})`);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) this.fail(key, `expected ${what}`);
    // Every size is bounded before any arithmetic (see MAX_FIELD): a figure past it is a typo or an
    // attack, and would make the counts overflow or a per-layer loop run for minutes.
    const max = own(MAX_FIELD, key) ?? 1e8;
    if (value > max) this.fail(key, `${value} is too large: at most ${max.toLocaleString("en-US")}`);
    return value;
  }

  optInt(key: string, min = 1): number | undefined {
    return this.has(key) ? this.int(key, min) : undefined;
  }

  optBool(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.get(key);
    if (typeof value !== "boolean") this.fail(key, "expected true or false");
    return value;
  }

  optIntList(key: string): number[] | undefined {
    if (!this.has(key)) return undefined;
    const value = this.get(key);
    if (
      !Array.isArray(value) ||
      value.length > MAX_LAYERS ||
      !value.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0)
    ) {
      this.fail(key, "expected a list of layer indices");
    }
    return value as number[];
  }
}

/** Per-family facts that config.json does not spell out. */
interface FamilyRules {
  /** transformers' default when tie_word_embeddings is absent */
  tied: boolean;
  normsPerLayer: number;
  /** where attention biases come from: fixed by the architecture, or read from a config flag */
  attnBias:
    | { fixed: Architecture["attnBias"] }
    | { flag: string; whenTrue: Architecture["attnBias"]; default: boolean };
  /** llama's mlp_bias flag; no other supported family has MLP biases */
  mlpBiasFlag?: string;
  /** q_norm and k_norm RMSNorms over head_dim in every attention layer (Qwen3) */
  qkNorm: boolean;
  /** used when head_dim is absent instead of hidden/heads (Gemma2Config defaults head_dim to 256) */
  headDimDefault?: number;
  note?: string;
}

const RULES: Record<ModelType, FamilyRules> = {
  // LlamaConfig: attention_bias covers q, k, v and o; mlp_bias covers gate, up and down.
  llama: {
    tied: false,
    normsPerLayer: 2,
    attnBias: { flag: "attention_bias", whenTrue: "all", default: false },
    mlpBiasFlag: "mlp_bias",
    qkNorm: false,
  },
  mistral: { tied: false, normsPerLayer: 2, attnBias: { fixed: "none" }, qkNorm: false },
  mixtral: { tied: false, normsPerLayer: 2, attnBias: { fixed: "none" }, qkNorm: false },
  // Qwen2 always has q/k/v biases (no config flag), never an output-projection bias.
  qwen2: { tied: false, normsPerLayer: 2, attnBias: { fixed: "qkv" }, qkNorm: false },
  // Qwen2MoeConfig.qkv_bias (newer transformers) defaults to true, matching the released checkpoints.
  qwen2_moe: {
    tied: false,
    normsPerLayer: 2,
    attnBias: { flag: "qkv_bias", whenTrue: "qkv", default: true },
    qkNorm: false,
  },
  qwen3: {
    tied: false,
    normsPerLayer: 2,
    attnBias: { flag: "attention_bias", whenTrue: "all", default: false },
    qkNorm: true,
  },
  qwen3_moe: {
    tied: false,
    normsPerLayer: 2,
    attnBias: { flag: "attention_bias", whenTrue: "all", default: false },
    qkNorm: true,
  },
  gemma2: {
    tied: true,
    normsPerLayer: 4,
    attnBias: { flag: "attention_bias", whenTrue: "all", default: false },
    qkNorm: false,
    headDimDefault: 256,
    note: "gemma2: 4 RMSNorms per layer (pre/post attention, pre/post MLP); logit soft-capping and sliding-window layers add no parameters",
  },
  phi3: {
    tied: false,
    normsPerLayer: 2,
    attnBias: { fixed: "none" },
    qkNorm: false,
    note: "phi3: qkv_proj and gate_up_proj are fused, with the same parameters as separate q/k/v and gate/up matrices",
  },
};

/** One line listing the supported model_type values, for error messages. */
function supportedList(): string {
  return SUPPORTED_MODEL_TYPES.join(", ");
}

/**
 * Reads a parsed Hugging Face config.json. Throws a UsageError naming `file` and the field for a
 * missing or malformed field, and listing the supported families for an unknown model_type.
 */
export function architectureFromHfConfig(config: unknown, file: string): HfModel {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw usage("file.notHfConfig", { file: quoted(file) });
  }
  const cfg = config as Record<string, unknown>;
  const f: Fields = new Fields(cfg, file);
  const modelType = cfg["model_type"];
  if (modelType === undefined || modelType === null) f.fail("model_type", `required (one of ${supportedList()})`);
  if (typeof modelType !== "string") f.fail("model_type", `expected a string (one of ${supportedList()})`);
  if (!(SUPPORTED_MODEL_TYPES as readonly string[]).includes(modelType)) {
    f.fail("model_type", `"${shown(modelType, 40)}" is not supported (supported: ${supportedList()})`);
  }
  const family = modelType as ModelType;
  const rules = RULES[family];
  const notes: string[] = [];

  const layers = f.int("num_hidden_layers");
  const hidden = f.int("hidden_size");
  const heads = f.int("num_attention_heads");
  const vocab = f.int("vocab_size");

  let kvHeads = f.optInt("num_key_value_heads");
  if (kvHeads === undefined) {
    kvHeads = heads;
    notes.push(`num_key_value_heads absent: assumed ${heads} (= num_attention_heads, multi-head attention)`);
  }
  if (heads % kvHeads !== 0) f.fail("num_key_value_heads", `must divide num_attention_heads (${heads})`);

  let headDim = f.optInt("head_dim");
  if (headDim === undefined) {
    if (rules.headDimDefault !== undefined) {
      headDim = rules.headDimDefault;
      notes.push(`head_dim absent: ${family} default ${headDim}`);
    } else if (hidden % heads === 0) {
      headDim = hidden / heads;
    } else {
      f.fail("head_dim", `required (hidden_size ${hidden} is not divisible by num_attention_heads ${heads})`);
    }
  }

  let tiedEmbeddings = f.optBool("tie_word_embeddings");
  if (tiedEmbeddings === undefined) {
    tiedEmbeddings = rules.tied;
    notes.push(`tie_word_embeddings absent: ${family} default ${rules.tied}`);
  }

  let attnBias: Architecture["attnBias"];
  if ("fixed" in rules.attnBias) attnBias = rules.attnBias.fixed;
  else attnBias = (f.optBool(rules.attnBias.flag) ?? rules.attnBias.default) ? rules.attnBias.whenTrue : "none";
  const mlpBias = rules.mlpBiasFlag ? (f.optBool(rules.mlpBiasFlag) ?? false) : false;

  // MoE families: which layers are sparse, and the expert shapes.
  let moe: MoeShape | undefined;
  let ffn: number;
  if (family === "mixtral") {
    ffn = f.int("intermediate_size");
    moe = {
      experts: f.int("num_local_experts"),
      expertsPerToken: f.int("num_experts_per_tok"),
      expertFfn: ffn,
      sharedExperts: 0,
      sharedExpertFfn: 0,
    };
  } else if (family === "qwen2_moe" || family === "qwen3_moe") {
    const experts = f.int("num_experts");
    const step = f.optInt("decoder_sparse_step") ?? 1;
    const mlpOnly = new Set(f.optIntList("mlp_only_layers") ?? []);
    // transformers' rule: layer i is sparse unless listed in mlp_only_layers, and only every
    // decoder_sparse_step-th layer ((i + 1) % step == 0) is. Counted in closed form: the step's
    // multiples, less the listed layers that are among them.
    let moeLayers = Math.floor(layers / step);
    for (const i of mlpOnly) if (i < layers && (i + 1) % step === 0) moeLayers--;
    const expertFfn = f.int("moe_intermediate_size");
    // intermediate_size only matters for dense layers; checkpoints with none may still carry it.
    ffn = moeLayers < layers ? f.int("intermediate_size") : (f.optInt("intermediate_size") ?? expertFfn);
    moe = { experts, expertsPerToken: f.int("num_experts_per_tok"), expertFfn, sharedExperts: 0, sharedExpertFfn: 0 };
    if (moeLayers < layers) {
      moe.moeLayers = moeLayers;
      notes.push(
        `${layers - moeLayers} of ${layers} layers are dense (mlp_only_layers / decoder_sparse_step), MLP width ${ffn}`,
      );
    }
    if (family === "qwen2_moe") {
      const sharedFfn = f.int("shared_expert_intermediate_size", 0);
      if (sharedFfn > 0) {
        moe.sharedExperts = 1;
        moe.sharedExpertFfn = sharedFfn;
        moe.sharedExpertGate = true;
      }
    }
  } else {
    ffn = f.int("intermediate_size");
  }
  if (moe && moe.expertsPerToken > moe.experts) {
    f.fail("num_experts_per_tok", `${moe.expertsPerToken} is more than the ${moe.experts} experts`);
  }

  const arch: Architecture = {
    layers,
    hidden,
    heads,
    kvHeads,
    headDim,
    ffn,
    mlp: "gated",
    vocab,
    tiedEmbeddings,
    norm: "rmsnorm",
    normsPerLayer: rules.normsPerLayer,
    attnBias,
    mlpBias,
    positionEmbeddings: 0,
  };
  const extraPerLayer = rules.qkNorm ? 2 * headDim : 0;
  if (rules.qkNorm) notes.push(`${family}: q_norm and k_norm add 2 × head_dim = ${extraPerLayer} parameters per layer`);
  if (rules.note) notes.push(rules.note);

  let totalParams: number;
  let activeParams: number;
  if (moe) {
    ({ total: totalParams, active: activeParams } = moeParams(arch, moe, extraPerLayer));
    const shared =
      moe.sharedExperts > 0 ? ` plus ${moe.sharedExperts} shared expert (width ${moe.sharedExpertFfn})` : "";
    notes.push(
      `${family}: ${moe.experts} experts of width ${moe.expertFfn}, ${moe.expertsPerToken} per token${shared}; router ${hidden} × ${moe.experts} per sparse layer`,
    );
  } else {
    totalParams = countParams(arch).total + layers * extraPerLayer;
    activeParams = totalParams;
  }
  if (!(totalParams <= LIMITS.params))
    throw usage("file.tooManyParams", {
      file: quoted(file),
      params: totalParams.toExponential(2),
      max: LIMITS.params.toExponential(),
    });
  const result: HfModel = { arch, family, extraPerLayer, totalParams, activeParams, notes };
  if (moe) result.moe = moe;
  return result;
}
