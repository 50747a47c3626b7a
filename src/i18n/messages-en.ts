/**
 * The English message catalogue: every error, warning and note llm-cost says, by code. Arguments
 * arrive rendered (names, numbers, nested messages; see ./render.ts). ./messages-ko.ts must have
 * the same codes (the type checker holds it to that).
 */
type Args = Readonly<Record<string, string | undefined>>;

const hinted = (text: string, hint: string | undefined): string => (hint ? `${text} (${hint})` : text);
/** A subject rendered as a file and key ("llm-cost.config.json: gpus") rather than a flag or an argument. */
const fromFile = (subject: string | undefined): boolean => subject?.includes(": ") === true;

export const EN = {
  // --- The frames: a value that is wrong, a value that is missing, two values that conflict.
  /** A flag's value: `invalid --gpus "2xH10": reason (hint)`; a file's: `FILE: key "value": reason`. */
  "input.invalid": (a: Args) =>
    hinted(
      fromFile(a.subject)
        ? `${a.subject}: "${a.value}": ${a.reason}`
        : `invalid ${a.subject} "${a.value}": ${a.reason}`,
      a.hint,
    ),
  "input.missing": (a: Args) => `missing ${a.subject}: ${a.reason}`,
  "input.conflict": (a: Args) => `${a.first} and ${a.second} both ${a.what}: use one of them`,
  "input.needs": (a: Args) => `${a.subject} needs ${a.needed} (${a.example})`,
  "input.unknownOption": (a: Args) =>
    hinted(`unknown option '${a.option}'`, a.elsewhere ? `it belongs to llm-cost ${a.elsewhere}` : a.hint),
  "input.unknownCommand": (a: Args) => hinted(`unknown command '${a.command}'`, a.hint),
  "input.missingCommand": (a: Args) => `missing command: expected ${a.commands} (see llm-cost --help)`,
  "input.missingArgument": (a: Args) =>
    `missing ${a.argument} for llm-cost ${a.command} (see llm-cost ${a.command} --help)`,
  "input.tooManyArguments": (a: Args) =>
    `too many arguments for llm-cost ${a.command} (see llm-cost ${a.command} --help)`,
  "input.optionNeedsValue": (a: Args) => `option '${a.option}' needs a value (see llm-cost ${a.command} --help)`,
  "input.helpUnknown": (a: Args) => `unknown command '${a.command}' for help (see llm-cost --help)`,

  // --- Hints after a value.
  "hint.didYouMean": (a: Args) => `did you mean ${a.guess}?`,
  "hint.unitMissing": (a: Args) => `a number alone has no unit: did you mean ${a.guess}?`,
  "hint.dollarFirst": (a: Args) => `the $ goes first: did you mean ${a.guess}?`,
  "hint.bothCurrencies": () => "it names both won and dollars",
  "hint.gibOrGb": (a: Args) => `did you mean ${a.decimal} (decimal) or ${a.binary} (binary)?`,
  "hint.wonOrDollars": (a: Args) => `a number alone has no currency: did you mean ${a.won} or $${a.dollars}?`,
  "hint.wonNoSuffix": () => "won takes no k/M/B suffix (M could be misread as 만): write 억/만 or all the digits",
  "hint.mOrMonths": (a: Args) => `m could be minutes or months: did you mean ${a.guess}?`,
  "hint.koCannotRead": (a: Args) => `cannot read "${a.rest}"`,
  "hint.koTwoNumbers": () => "two numbers in a row",
  "hint.koTooLargeAfter": (a: Args) => `${a.piece} is too large after ${a.group}`,
  "hint.koSmallOrder": (a: Args) => `${a.piece} is out of order: units go 천, 백, 십 within a group, each once`,
  "hint.koBigTwice": (a: Args) => `${a.piece} appears twice; units go 조, 억, 만 from large to small, each once`,
  "hint.koBigOrder": (a: Args) =>
    `${a.piece} comes after ${a.before}; units go 조, 억, 만 from large to small, each once`,
  "hint.koFold": (a: Args) => `${a.value} is 1${a.before} or more; fold it into the ${a.before} part`,
  "hint.koTrailing": (a: Args) => `did you mean ${a.guess}? a trailing plain number needs 원`,
  "hint.koBelowTenThousand": (a: Args) => `${a.rest} after ${a.before} must be below 10,000`,
  "hint.perNodeOrFp8": () => "was it measured per node, or in fp8?",
  "hint.scenarioNeedsGpus": () => "it names no GPUs: give --gpus, e.g. --gpus 8xH100",

  // --- Why a value is refused.
  "reason.oneOf": (a: Args) => `expected one of ${a.choices}`,
  "reason.commaList": (a: Args) => `expected a comma list of ${a.choices} (or all)`,
  "reason.unknownInList": (a: Args) => `unknown "${a.item}"; expected a comma list of ${a.choices} (or all)`,
  "reason.count": () =>
    "expected a positive count such as 7B, 6.7b, 175M, 1.5T, 15k, 7e9, 7000000000, 7_000_000_000, 70억 or 1.5조",
  "reason.tooLargeCount": (a: Args) => `too large: at most ${a.max}`,
  "reason.atLeastOne": () => "must be at least 1",
  "reason.wholeCount": () => "expected a whole number (a count), e.g. 7B or 1500",
  "reason.positive": (a: Args) => `expected ${a.what} greater than zero`,
  "reason.atMost": (a: Args) => `expected ${a.what}: at most ${a.max}`,
  "reason.atLeast": (a: Args) => `expected ${a.what}: at least ${a.min}`,
  "reason.fraction": () => "expected a fraction from 0.001 to 1, e.g. 0.4 or 40%",
  "reason.wholeNumber": (a: Args) => `expected ${a.what} (a whole number from ${a.min} to ${a.max})`,
  "reason.tooLong": (a: Args) => `longer than ${a.max} characters`,
  "reason.gpuForms": () => "expected COUNTxGPU such as 2xH100, 8xA100-40GB or H100 (one GPU)",
  "reason.gpuCountMax": (a: Args) => `the GPU count must be at most ${a.max}`,
  "reason.gpuCountMin": () => "the GPU count must be at least 1",
  "reason.unknownGpu": (a: Args) => `unknown GPU "${a.name}"; known: ${a.known}`,
  "reason.unknownGpuLong": (a: Args) => `unknown GPU "${a.name}"; see llm-cost gpus`,
  "reason.gpuTypesOnly": () => "names GPU types only (the plan chooses the count), e.g. --gpus H100,A100",
  "reason.unknownModel": () =>
    "unknown model; run with a preset id such as llama-2-7b (llm-cost models lists them), give --model-config config.json, or --params",
  "reason.hubModelNotPreset": () => "not a preset: give the model's config.json with --model-config (or --params)",
  "reason.unknownProvider": (a: Args) => `expected one of ${a.choices}`,
  "reason.providerLacksGpu": (a: Args) =>
    `${a.provider} has no current ${a.kind} price for ${a.gpu}; providers with one: ${a.others}`,
  "reason.providerLacksGpuNone": (a: Args) =>
    `${a.provider} has no current ${a.kind} price for ${a.gpu}, and no provider has one; use --price USD`,
  "reason.noFp8": (a: Args) => `${a.gpu} has no fp8 tensor cores; use bf16`,
  "reason.vocabBelowModel": (a: Args) => `must be at least the model's own vocabulary (${a.vocab})`,
  "reason.vocabWhole": () => "expected a whole number of tokens, e.g. 14k or 14336",
  "reason.activeAboveTotal": (a: Args) => `at most --params (${a.params}): a token passes through part of the model`,
  "reason.grid": (a: Args) => `expected grams of CO2 per kWh (e.g. 417.3) or one of ${a.choices}`,
  "reason.pueBelowOne": () => "PUE is at least 1 (all power reaching the GPUs), e.g. 1.1",
  "reason.corpusForms": () =>
    "expected a size such as 61GB, 61 GB, 1.5TB, 500MB or 61GiB (GB = 10^9 bytes, GiB = 2^30 bytes)",
  "reason.sizeTooLarge": () => "the size is too large",
  "reason.sizePositive": () => "the size must be greater than zero",
  "reason.corpusLang": (a: Args) => `expected a language: ${a.choices}`,
  "reason.tokensForms": () =>
    'expected a token count such as 15B, 134.8B, 7e9, 7_000_000_000, 150억 or 1.5조, or "chinchilla" (20 tokens per parameter)',
  "reason.loraTargets": (a: Args) => `expected a comma list of ${a.choices}, or attn, mlp, all`,
  "reason.loraTargetsEmpty": () => "expected at least one target",
  "reason.moneyForms": () =>
    "expected an amount such as 3억, 2.5억, 5000만, 2억5000만, 2억 5000만, 2억5천만, 1조, ₩300,000,000, 300000000원, 300,000,000 KRW, $40k, $1.2M, 40000usd or 40,000 USD",
  "reason.moneyTooLarge": () => "the amount is too large: at most 10^18 won",
  "reason.moneyTooSmall": () => "the amount is too small: at least 0.01",
  "reason.moneyPositive": () => "the amount must be greater than zero",
  "reason.durationForms": () =>
    "expected a duration such as 90d, 90 days, 12w, 36h, 3mo, 2y, 2 years, 90일, 12주, 36시간, 3개월 or 2년",
  "reason.durationTooLarge": () => "the duration is too large: at most 1,000,000 days",
  "reason.durationPositive": () => "the duration must be greater than zero",
  "reason.noPrice": (a: Args) => `no current ${a.kind} price is known for ${a.gpu}`,
  "reason.tokensPerSecAbovePeak": (a: Args) =>
    `at ${a.flopsPerToken} FLOPs per token that is ${a.times}x the GPU's dense peak; at most ${a.max} tokens/s per GPU`,
  "reason.scenario": (a: Args) => `expected a scenario name (${a.choices}) or a JSON file`,
  "reason.shell": () => "expected bash or zsh",
  "reason.formatAgainstOut": (a: Args) =>
    `--out ${a.file} is ${a.inferred}; drop --format or give a file ending in .${a.extension}`,
  "reason.formatNotHere": (a: Args) => `llm-cost ${a.command} writes ${a.choices}`,
  "reason.outEmpty": () => "give a file name",
  "reason.outFolder": () => "names a folder; give a file name",
  "reason.outNoFolder": (a: Args) => `the folder ${a.folder} does not exist`,
  "reason.outIsDirectory": () => "is a directory; give a file name",
  "reason.outNotFile": () => "not a regular file (a device, pipe or socket); give a file name",
  "reason.outExists": () => "the file exists; add --force to replace it",
  "reason.outUnwritable": (a: Args) => `cannot be written (${a.code})`,
  "reason.topRange": () => "expected a whole number from 1 to 100, e.g. 5",
  "reason.label": () => "expected a label of at most 100 printable characters",

  // --- What a value is, inside reasons ("expected a price in USD per GPU-hour greater than zero").
  "what.price": () => "a price in USD per GPU-hour",
  "what.fx": () => "won per US dollar, e.g. 1439",
  "what.bytesPerToken": () => "bytes per token, e.g. 4.07",
  "what.tokensPerSec": () => "measured training tokens per second per GPU",
  "what.epochs": () => "a number of passes over the data, e.g. 3",
  "what.pue": () => "a power usage effectiveness from 1 to 3, e.g. 1.1",
  "what.grid": () => "grams of CO2 per kWh, e.g. 417.3",
  "what.seqLen": () => "a sequence length in tokens, e.g. 4096",
  "what.microBatch": () => "sequences per GPU per step, e.g. 1, or auto",
  "what.tensorParallel": () => "a tensor-parallel degree such as 1, 2, 4 or 8, or auto",
  "what.loraRank": () => "a LoRA rank, e.g. 16",

  // --- What is missing, and examples.
  "missing.params": () =>
    "give the model size (e.g. --params 7B), a preset (e.g. --model llama-2-7b) or --model-config config.json",
  "missing.tokens": () =>
    "give the training tokens (e.g. --tokens 15B, --tokens chinchilla), --corpus 61GB or --examples 50k",
  "missing.gpus": () => "give the GPUs, e.g. --gpus 2xH100",
  "missing.tokensPerExample": () => "give the average tokens per example, prompt and answer included, e.g. 1024",
  "missing.strategyPlan": (a: Args) => `plan prices one job; give one of ${a.choices}`,
  "missing.claim": () => "give --claimed-days (e.g. 730 or 2y) and/or --claimed-cost (e.g. 2.5억 or $40k)",
  "missing.scenarios": () =>
    "give scenario names (see llm-cost scenarios), JSON files, or the job's flags (--params, --tokens, --gpus)",

  // --- What two conflicting inputs both do.
  "what.model": () => "give the model",
  "what.vocabulary": () => "set the vocabulary",
  "what.tokenCount": () => "give the token count",
  "what.speed": () => "set the speed",
  "what.aPrice": () => "set a price",
  "what.bytesPerTokenBoth": () => "set the bytes per token",

  // --- Rules between inputs.
  "rule.vocabWithConfig": () => "--vocab and --add-vocab work with --model; edit vocab_size in the config.json instead",
  "rule.vocabNeedsModel": () =>
    "--vocab and --add-vocab need --model (the vocabulary of a bare --params size is unknown)",
  "rule.activeWithParams": () =>
    "--active-params goes with --params (e.g. --params 109B --active-params 17B); a preset or config.json knows its own",
  "rule.tokensPerSecOneStrategy": () =>
    "--tokens-per-sec is the speed of one job: give exactly one --strategy (the one you timed)",
  "rule.priceKindWithPrice": () =>
    "--price-kind picks a catalog price; with --price you give the price yourself: drop one of them",
  "rule.fsdpAgainstZero": (a: Args) => `--fsdp is full sharding (ZeRO-3): it contradicts --zero ${a.zero}`,
  "rule.forceNeedsOut": () => "--force replaces the file --out writes: give --out FILE too",
  "rule.inverseFormats": (a: Args) => `--budget and --deadline show in --format ${a.choices}; not in ${a.format}`,
  "rule.planPriceNeedsGpus": () =>
    "--price is the price of one GPU type: name it with --gpus (e.g. --gpus H100 --price 2.5)",
  "rule.planProviderNoPrice": (a: Args) =>
    `--provider ${a.provider} has no current ${a.kind} price for ${a.gpus}: drop --provider or choose other --gpus types`,
  "rule.planNoPrice": (a: Args) =>
    `no current ${a.kind} price for ${a.gpus}: give --price with --gpus, or choose other --gpus types`,
  "rule.budgetNeedsPrice": (a: Args) =>
    `--budget needs a price for ${a.gpu}: give --price USD (per GPU-hour) or a config file price`,
  "rule.tooLargeToCompute": (a: Args) =>
    `the inputs are too large to compute (${a.path} is not a finite number): check the model size and tokens, the price (${a.price}) and the exchange rate (${a.fx})`,
  "rule.compareFlagsWithScenarios": () =>
    "give scenario names or the job's flags (--params, --tokens, --gpus ...), not both: --gpus, --price and the price flags apply to every scenario",

  // --- Problems in a file the user gave.
  "file.unreadable": (a: Args) => `${a.file}: cannot be read (${a.code})`,
  "file.notJson": (a: Args) => `${a.file}: not valid JSON (${a.detail})`,
  "file.duplicateKey": (a: Args) => `${a.file}: ${a.key}: duplicate key`,
  "file.unknownKey": (a: Args) => `${a.file}: ${a.path}: unknown key`,
  "file.invalidAt": (a: Args) => `${a.file}: ${a.path}: ${a.detail}`,
  "file.invalid": (a: Args) => `${a.file}: invalid`,
  "file.problem": (a: Args) => `${a.file}: ${a.detail}`,
  "file.yamlAt": (a: Args) => `${a.file}: line ${a.line}: ${a.detail}`,
  "file.unusable": (a: Args) => `${a.file}: ${a.why}${a.flag ? ` (${a.flag})` : ""}`,
  "file.notJsonAt": (a: Args) => `${a.file}: not valid JSON at line ${a.line}, column ${a.column} (${a.detail})`,
  "read.missing": () => "no such file",
  "read.directory": () => "is a directory",
  "read.directoryNotConfig": () => "is a directory, not a config file",
  "read.unreadable": (a: Args) => `cannot be read (${a.code})`,
  "read.tooLarge": (a: Args) => `larger than ${a.size}`,
  "read.notFile": () => "not a regular file (a device, pipe or socket)",
  "read.utf16": () => "is UTF-16; save it as UTF-8",
  "file.notTrainer": (a: Args) =>
    `${a.file}: not an axolotl, LLaMA-Factory or torchtune config (expected base_model, model_name_or_path or model._component_)`,
  "file.trainerModelUnknown": (a: Args) =>
    `${a.file}: model "${a.model}" matches no preset: give its config.json with --model-config (or --model / --params)`,
  "file.notHfConfig": (a: Args) => `${a.file}: expected a JSON object (a Hugging Face config.json)`,
  "file.tooManyParams": (a: Args) =>
    `${a.file}: the architecture has ${a.params} parameters: at most ${a.max} (as --params)`,
  "file.priceUnknownGpu": (a: Args) =>
    `${a.file}: ${a.path}: unknown GPU "${a.gpu}" (use an id from llm-cost gpus, or add it under gpuSpecs)`,
  "file.presetUnknownGpu": (a: Args) => `${a.file}: ${a.path}: unknown GPU id "${a.gpu}"`,
  "file.scenario": (a: Args) => `scenario "${a.id}" (${a.file}): ${a.detail}`,

  // --- How the efficiency was arrived at.
  "basis.range": (a: Args) => `range ×/÷ ${a.factor} (80 % of published runs and benchmarks, leave-one-source-out)`,
  "basis.given": (a: Args) => `given by --mfu as the whole-run efficiency; ${a.range}`,
  "basis.goodput": (a: Args) =>
    `goodput ${a.goodput} (lost: run overhead ${a.overhead}, interruptions ${a.interruptions}, start-up ${a.startup})`,
  "basis.measured": (a: Args) =>
    `measured ${a.tokens} tokens/s per GPU (MFU ${a.mfu}) given by --tokens-per-sec × ${a.goodput}; ${a.range}`,
  "basis.communicationBound": (a: Args) => `, communication-bound: ${a.share} of each step waits on the ${a.link} link`,
  "basis.model": (a: Args) =>
    `steady state ${a.tokens} tokens/s per GPU (MFU ${a.mfu})${a.bound ?? ""} × ${a.goodput}; ${a.range}`,

  // --- How a price was chosen.
  "price.given": () => "price per GPU-hour given by you",
  "price.own": (a: Args) => `your own ${a.kind} offer "${a.name}" from ${a.file}`,
  "price.provider": (a: Args) =>
    `${a.name}'s lowest current ${a.kind} offer for this GPU in its latest price list (${a.where})`,
  "price.median": (a: Args) =>
    `median over providers of each provider's lowest current ${a.kind} offer for this GPU from its latest price list (USD per GPU-hour, excl. VAT): ${a.count} providers`,

  // --- Warnings.
  "warn.chinchillaNotScratch": () =>
    "--tokens chinchilla is a from-scratch rule (20 tokens per parameter); continued pretraining and fine-tuning use far fewer tokens",
  "warn.stalePrice": (a: Args) =>
    `every ${a.kind} price known for ${a.gpu} is more than a year old (newest ${a.date}); check a current quote or give --price`,
  "warn.largerThanPublished": (a: Args) =>
    `${a.gpus} GPUs is more than any published training run used (${a.largest}): the interruption and communication terms are extrapolated`,
  "warn.mfuHigh": (a: Args) =>
    `--mfu ${a.mfu} is above 0.7: no published training run sustains that (0.3–0.55 is typical: PaLM 540B 0.46, Megatron-LM 530B 0.54)`,
  "warn.communicationBound": (a: Args) =>
    `${a.strategy} is communication-bound: ${a.share}% of each step waits on the ${a.link} link (${a.gbs} GB/s${a.perNode ? " per node" : " per GPU"}); fewer GPUs, a larger global batch, or GPUs with a faster fabric would use them better`,
  "warn.tensorParallelNotDivisor": (a: Args) =>
    `a tensor-parallel degree of ${a.degree} does not divide ${a.gpus} GPUs: no setting runs, so nothing fits`,
  "warn.tensorParallelBeyondNode": (a: Args) =>
    `a tensor-parallel degree of ${a.degree} is more than the ${a.node} GPUs of one node, whose fabric it needs: nothing fits`,
  "warn.batchTooSmall": (a: Args) =>
    `${a.gpus} GPUs × one sequence of ${a.seqLen} tokens is more than the global batch of ${a.batch} tokens: data parallelism cannot give every GPU work; the estimate assumes the batch grows to ${a.perStep} tokens per step`,
  "warn.corpusKoExpanded": (a: Args) =>
    `--corpus-lang ko is the Llama-2 32k tokenizer's 1.62 bytes per token, but this model's vocabulary has ${a.vocab} entries: for a vocabulary expanded for Korean use --corpus-lang ko-expanded (about 4.07) or --bytes-per-token measured on your tokenizer`,
  "warn.corpusKoNotExpanded": (a: Args) =>
    `--corpus-lang ko-expanded assumes a vocabulary expanded for Korean (about 46k entries), but this model's has ${a.vocab}: use --corpus-lang ko, or --bytes-per-token measured on your tokenizer`,
  "warn.noPrice": (a: Args) =>
    `no current ${a.kind} price is known for ${a.gpu}: time, memory and energy are estimated, cost is left empty; give a price with --price USD (per GPU-hour) or in the config file's prices`,
  "warn.planSkipped": (a: Args) => `left out of the plan: ${a.gpus} (${a.why})`,

  // --- VAT and exchange rate
  /** The units line's word on costs; `included` is set when they include VAT. */
  "vat.unit": (a: Args) => (a.included ? `incl. VAT ${a.rate} %` : "excl. VAT"),
  "vat.costs": (a: Args) => (a.included ? `costs include VAT ${a.rate} % (${a.law})` : "costs exclude VAT"),
  "warn.staleFx": (a: Args) =>
    `the exchange rate ${a.rate} KRW/USD is dated ${a.date}, ${a.days} days ago (more than ${a.max}): won figures may be off; give a current rate with --fx, or set fx (krwPerUsd, date, source) in the config file`,
  "fx.default": () => "default",
  "fx.config": () => "used instead of the default",
} satisfies Record<string, (a: Args) => string>;

export type MessageCode = keyof typeof EN;
export type Catalogue = { readonly [K in MessageCode]: (a: Args) => string };
