import type { Args } from "../catalogue-types.js";
import type { CORE_EN } from "../en/core.js";
import { withParticle } from "../particles.js";

/**
 * Korean: the same codes as ../en/core.ts, written as a Korean ML engineer would say them. Flag
 * names, ids, units and quoted values stay as typed; particles follow the sound of the word before
 * them (../particles.ts).
 */

const hinted = (text: string, hint: string | undefined): string => (hint ? `${text} (${hint})` : text);

export const CORE_KO: { readonly [K in keyof typeof CORE_EN]: (a: Args) => string } = {
  "input.invalid": (a: Args) => hinted(`${a.subject} 값이 올바르지 않습니다: "${a.value}" — ${a.reason}`, a.hint),
  "input.missing": (a: Args) => `${a.subject} 값이 필요합니다: ${a.reason}`,
  "input.conflict": (a: Args) =>
    `${withParticle(a.first ?? "", "과/와")} ${withParticle(a.second ?? "", "은/는")} 둘 다 ${a.what}: 하나만 쓰세요`,
  "input.needs": (a: Args) => `${a.subject}에는 ${a.needed}도 필요합니다 (${a.example})`,
  "input.unknownOption": (a: Args) =>
    hinted(`알 수 없는 옵션 '${a.option}'`, a.elsewhere ? `llm-cost ${a.elsewhere} 명령어의 옵션입니다` : a.hint),
  "input.unknownCommand": (a: Args) => hinted(`알 수 없는 명령어 '${a.command}'`, a.hint),
  "input.missingCommand": (a: Args) => `명령어가 없습니다: ${a.commands} 중 하나를 쓰세요 (llm-cost --help 참고)`,
  "input.missingArgument": (a: Args) =>
    `llm-cost ${a.command}에 ${a.argument}이(가) 필요합니다 (llm-cost ${a.command} --help 참고)`.replace(
      `${a.argument}이(가)`,
      withParticle(a.argument ?? "", "이/가"),
    ),
  "input.tooManyArguments": (a: Args) =>
    `llm-cost ${a.command} 명령어에 인자가 너무 많습니다 (llm-cost ${a.command} --help 참고)`,
  "input.optionNeedsValue": (a: Args) => `옵션 '${a.option}'에 값이 필요합니다 (llm-cost ${a.command} --help 참고)`,
  "input.helpUnknown": (a: Args) => `도움말을 볼 수 없는 명령어 '${a.command}' (llm-cost --help 참고)`,

  "hint.didYouMean": (a: Args) => `${withParticle(a.guess ?? "", "을/를")} 입력하려고 하셨나요?`,
  "hint.unitMissing": (a: Args) =>
    `숫자만으로는 단위를 알 수 없습니다: ${withParticle(a.guess ?? "", "을/를")} 입력하려고 하셨나요?`,
  "hint.dollarFirst": (a: Args) => `$는 앞에 씁니다: ${withParticle(a.guess ?? "", "을/를")} 입력하려고 하셨나요?`,
  "hint.bothCurrencies": () => "원과 달러가 함께 쓰였습니다",
  "hint.gibOrGb": (a: Args) => `${a.decimal}(10진)과 ${a.binary}(2진) 중 어느 것인가요?`,
  "hint.wonOrDollars": (a: Args) => `숫자만으로는 통화를 알 수 없습니다: ${a.won}과 $${a.dollars} 중 어느 것인가요?`,
  "hint.wonNoSuffix": () =>
    "원에는 k/M/B를 붙이지 않습니다(M은 만으로 오해될 수 있음): 억/만을 쓰거나 숫자를 모두 쓰세요",
  "hint.mOrMonths": (a: Args) =>
    `m은 분인지 개월인지 알 수 없습니다: ${withParticle(a.guess ?? "", "을/를")} 입력하려고 하셨나요?`,
  "hint.koCannotRead": (a: Args) => `"${a.rest}" 부분을 읽을 수 없습니다`,
  "hint.koTwoNumbers": () => "숫자가 연달아 두 번 나옵니다",
  "hint.koTooLargeAfter": (a: Args) => `${a.group} 뒤의 ${a.piece}는 너무 큽니다`,
  "hint.koSmallOrder": (a: Args) =>
    `${a.piece}의 순서가 맞지 않습니다: 한 묶음 안에서 천, 백, 십 순서로 한 번씩 씁니다`,
  "hint.koBigTwice": (a: Args) => `${a.piece}가 두 번 나옵니다: 조, 억, 만은 큰 단위부터 한 번씩 씁니다`,
  "hint.koBigOrder": (a: Args) => `${a.piece}가 ${a.before} 뒤에 나옵니다: 조, 억, 만은 큰 단위부터 한 번씩 씁니다`,
  "hint.koFold": (a: Args) => `${a.value}는 1${a.before} 이상입니다: ${a.before} 자리에 합쳐 쓰세요`,
  "hint.koTrailing": (a: Args) =>
    `${withParticle(a.guess ?? "", "을/를")} 입력하려고 하셨나요? 끝에 붙는 숫자에는 원이 필요합니다`,
  "hint.koBelowTenThousand": (a: Args) => `${a.before} 뒤의 ${a.rest}는 10,000보다 작아야 합니다`,
  "hint.perNodeOrFp8": () => "노드 단위로 쟀거나 fp8로 잰 값인가요?",
  "hint.scenarioNeedsGpus": () => "GPU가 지정되지 않았습니다: --gpus를 지정하세요, 예: --gpus 8xH100",

  "reason.oneOf": (a: Args) => `다음 중 하나여야 합니다: ${a.choices}`,
  "reason.commaList": (a: Args) => `쉼표로 구분한 목록이어야 합니다: ${a.choices} (또는 all)`,
  "reason.unknownInList": (a: Args) =>
    `"${a.item}"은(는) 알 수 없는 값입니다; 쉼표로 구분한 목록: ${a.choices} (또는 all)`.replace(
      `"${a.item}"은(는)`,
      `"${a.item}"${withParticle(a.item ?? "", "은/는").slice((a.item ?? "").length)}`,
    ),
  "reason.count": () => "양의 개수여야 합니다. 예: 7B, 6.7b, 175M, 1.5T, 15k, 7e9, 7_000_000_000, 70억, 1.5조",
  "reason.tooLargeCount": (a: Args) => `너무 큽니다: 최대 ${a.max}`,
  "reason.atLeastOne": () => "1 이상이어야 합니다",
  "reason.wholeCount": () => "정수(개수)여야 합니다. 예: 7B, 1500",
  "reason.positive": (a: Args) => `0보다 큰 ${a.what} 값이어야 합니다`,
  "reason.atMost": (a: Args) => `${a.what} 값은 최대 ${a.max}입니다`,
  "reason.atLeast": (a: Args) => `${a.what} 값은 최소 ${a.min}입니다`,
  "reason.fraction": () => "0.001~1 사이의 비율이어야 합니다. 예: 0.4 또는 40%",
  "reason.wholeNumber": (a: Args) => `${a.what} 값은 ${a.min}~${a.max} 사이의 정수여야 합니다`,
  "reason.tooLong": (a: Args) => `${a.max}자보다 깁니다`,
  "reason.gpuForms": () => "개수x GPU 형식이어야 합니다. 예: 2xH100, 8xA100-40GB, H100(1장)",
  "reason.gpuCountMax": (a: Args) => `GPU 수는 최대 ${a.max}장입니다`,
  "reason.gpuCountMin": () => "GPU 수는 1장 이상이어야 합니다",
  "reason.unknownGpu": (a: Args) => `알 수 없는 GPU "${a.name}"; 지원 GPU: ${a.known}`,
  "reason.unknownGpuLong": (a: Args) => `알 수 없는 GPU "${a.name}"; llm-cost gpus로 목록을 확인하세요`,
  "reason.gpuTypesOnly": () => "GPU 종류만 씁니다(장 수는 plan이 정합니다). 예: --gpus H100,A100",
  "reason.unknownModel": () =>
    "알 수 없는 모델입니다; llama-2-7b 같은 프리셋 id(llm-cost models로 목록 확인), --model-config config.json, 또는 --params를 지정하세요",
  "reason.hubModelNotPreset": () =>
    "프리셋이 아닙니다: --model-config로 모델의 config.json을 지정하세요(또는 --params)",
  "reason.unknownProvider": (a: Args) => `다음 중 하나여야 합니다: ${a.choices}`,
  "reason.providerLacksGpu": (a: Args) =>
    `${a.provider}에는 ${a.gpu}의 현재 ${kind(a.kind)} 가격이 없습니다; 가격이 있는 곳: ${a.others}`,
  "reason.providerLacksGpuNone": (a: Args) =>
    `${a.provider}에는 ${a.gpu}의 현재 ${kind(a.kind)} 가격이 없고, 다른 곳에도 없습니다; --price USD로 가격을 지정하세요`,
  "reason.noFp8": (a: Args) => `${withParticle(a.gpu ?? "", "은/는")} fp8 텐서 코어가 없습니다; bf16을 쓰세요`,
  "reason.vocabBelowModel": (a: Args) => `모델 자체 어휘 크기(${a.vocab}) 이상이어야 합니다`,
  "reason.vocabWhole": () => "토큰 수는 정수여야 합니다. 예: 14k, 14336",
  "reason.activeAboveTotal": (a: Args) => `--params(${a.params}) 이하여야 합니다: 토큰은 모델의 일부만 거칩니다`,
  "reason.grid": (a: Args) => `kWh당 CO2 그램 수(예: 417.3) 또는 다음 중 하나여야 합니다: ${a.choices}`,
  "reason.pueBelowOne": () => "PUE는 1 이상입니다(전력이 모두 GPU에 갈 때 1). 예: 1.1",
  "reason.corpusForms": () => "크기여야 합니다. 예: 61GB, 1.5TB, 500MB, 61GiB (GB = 10^9바이트, GiB = 2^30)",
  "reason.sizeTooLarge": () => "크기가 너무 큽니다",
  "reason.sizePositive": () => "크기는 0보다 커야 합니다",
  "reason.corpusLang": (a: Args) => `언어는 다음 중 하나여야 합니다: ${a.choices}`,
  "reason.tokensForms": () =>
    "토큰 수여야 합니다. 예: 15B, 300M, 1.5T, 15k, 1.5e10, 150억, 1.5조, 또는 chinchilla(파라미터당 20개)",
  "reason.loraTargets": (a: Args) => `쉼표로 구분한 목록이어야 합니다: ${a.choices}, 또는 attn, mlp, all`,
  "reason.loraTargetsEmpty": () => "대상이 하나 이상 있어야 합니다",
  "reason.moneyForms": () => "금액이어야 합니다. 예: 3억, 2.5억, 5000만, 3억5천만, 300000000원, ₩3억, $40k, 40000 USD",
  "reason.moneyTooLarge": () => "금액이 너무 큽니다: 최대 10^18원",
  "reason.moneyTooSmall": () => "금액이 너무 작습니다: 최소 0.01",
  "reason.moneyPositive": () => "금액은 0보다 커야 합니다",
  "reason.durationForms": () =>
    "기간이어야 합니다. 예: 7d, 12w, 3mo, 1.5y, 90일, 12주, 3개월, 2년 (한 달은 30일, 1년은 365일)",
  "reason.durationTooLarge": () => "기간이 너무 깁니다: 최대 1,000,000일",
  "reason.durationPositive": () => "기간은 0보다 커야 합니다",
  "reason.noPrice": (a: Args) => `${a.gpu}의 현재 ${kind(a.kind)} 가격을 알 수 없습니다`,
  "reason.tokensPerSecAbovePeak": (a: Args) =>
    `토큰당 ${a.flopsPerToken} FLOPs로 계산하면 GPU 밀집 연산 최대 성능의 ${a.times}배입니다; GPU당 최대 ${a.max} 토큰/초`,
  "reason.scenario": (a: Args) => `시나리오 이름(${a.choices}) 또는 JSON 파일이어야 합니다`,
  "reason.shell": () => "bash 또는 zsh여야 합니다",
  "reason.formatAgainstOut": (a: Args) =>
    `--out ${a.file}의 형식은 ${a.inferred}입니다; --format을 빼거나 .${a.extension}로 끝나는 파일을 지정하세요`,
  "reason.formatNotHere": (a: Args) => `llm-cost ${a.command} 명령어가 쓰는 형식: ${a.choices}`,
  "reason.outEmpty": () => "파일 이름을 지정하세요",
  "reason.outFolder": () => "폴더 이름입니다; 파일 이름을 지정하세요",
  "reason.outNoFolder": (a: Args) => `폴더 ${withParticle(a.folder ?? "", "이/가")} 없습니다`,
  "reason.outIsDirectory": () => "디렉터리입니다; 파일 이름을 지정하세요",
  "reason.outNotFile": () => "일반 파일이 아닙니다(장치, 파이프, 소켓); 파일 이름을 지정하세요",
  "reason.outExists": () => "파일이 이미 있습니다; 덮어쓰려면 --force를 지정하세요",
  "reason.outUnwritable": (a: Args) => `쓸 수 없습니다 (${a.code})`,
  "reason.topRange": () => "1~100 사이의 정수여야 합니다. 예: 5",
  "reason.label": () => "100자 이하의 출력 가능한 문자여야 합니다",

  "what.price": () => "GPU 시간당 USD 가격",
  "what.fx": () => "달러당 원 환율(예: 1439)",
  "what.bytesPerToken": () => "토큰당 바이트 수(예: 4.07)",
  "what.tokensPerSec": () => "GPU당 실측 학습 토큰/초",
  "what.epochs": () => "데이터 반복 횟수(예: 3)",
  "what.pue": () => "1~3 사이의 PUE(예: 1.1)",
  "what.grid": () => "kWh당 CO2 그램 수(예: 417.3)",
  "what.seqLen": () => "토큰 단위 시퀀스 길이(예: 4096)",
  "what.microBatch": () => "GPU당 한 스텝의 시퀀스 수(예: 1 또는 auto)",
  "what.tensorParallel": () => "텐서 병렬 차수(1, 2, 4, 8 또는 auto)",
  "what.loraRank": () => "LoRA 랭크(예: 16)",

  "missing.params": () =>
    "모델 크기(예: --params 7B), 프리셋(예: --model llama-2-7b) 또는 --model-config config.json을 지정하세요",
  "missing.tokens": () =>
    "학습 토큰 수(예: --tokens 15B, --tokens chinchilla), --corpus 61GB 또는 --examples 50k를 지정하세요",
  "missing.gpus": () => "GPU를 지정하세요. 예: --gpus 2xH100",
  "missing.tokensPerExample": () => "예제당 평균 토큰 수(프롬프트와 답 포함)를 지정하세요. 예: 1024",
  "missing.strategyPlan": (a: Args) =>
    `plan은 한 가지 학습 방식의 비용을 계산합니다; 다음 중 하나를 지정하세요: ${a.choices}`,
  "missing.claim": () => "--claimed-days(예: 730, 2y)나 --claimed-cost(예: 2.5억, $40k)를 지정하세요",
  "missing.scenarios": () =>
    "시나리오 이름(llm-cost scenarios 참고), JSON 파일, 또는 작업 옵션(--params, --tokens, --gpus)을 지정하세요",

  "what.model": () => "모델을 지정합니다",
  "what.vocabulary": () => "어휘 크기를 지정합니다",
  "what.tokenCount": () => "토큰 수를 지정합니다",
  "what.speed": () => "속도를 지정합니다",
  "what.aPrice": () => "가격을 지정합니다",
  "what.bytesPerTokenBoth": () => "토큰당 바이트 수를 지정합니다",

  "rule.vocabWithConfig": () => "--vocab과 --add-vocab은 --model과 함께 씁니다; config.json의 vocab_size를 고치세요",
  "rule.vocabNeedsModel": () =>
    "--vocab과 --add-vocab에는 --model이 필요합니다(--params만으로는 어휘 크기를 알 수 없습니다)",
  "rule.activeWithParams": () =>
    "--active-params는 --params와 함께 씁니다(예: --params 109B --active-params 17B); 프리셋과 config.json에는 이미 들어 있습니다",
  "rule.tokensPerSecOneStrategy": () =>
    "--tokens-per-sec는 한 작업의 속도입니다: 측정한 학습 방식 하나를 --strategy로 지정하세요",
  "rule.priceKindWithPrice": () =>
    "--price-kind는 카탈로그 가격을 고르는 옵션이고 --price는 가격을 직접 주는 옵션입니다: 하나를 빼세요",
  "rule.fsdpAgainstZero": (a: Args) =>
    `--fsdp는 전체 샤딩(ZeRO-3)입니다: --zero ${withParticle(a.zero ?? "", "과/와")} 맞지 않습니다`,
  "rule.forceNeedsOut": () => "--force는 --out이 쓸 파일을 덮어씁니다: --out FILE도 지정하세요",
  "rule.planPriceNeedsGpus": () =>
    "--price는 한 GPU 종류의 가격입니다: --gpus로 종류를 지정하세요(예: --gpus H100 --price 2.5)",
  "rule.planProviderNoPrice": (a: Args) =>
    `--provider ${a.provider}에는 ${a.gpus}의 현재 ${kind(a.kind)} 가격이 없습니다: --provider를 빼거나 다른 --gpus를 고르세요`,
  "rule.planNoPrice": (a: Args) =>
    `${a.gpus}의 현재 ${kind(a.kind)} 가격이 없습니다: --gpus와 함께 --price를 주거나 다른 --gpus를 고르세요`,
  "rule.budgetNeedsPrice": (a: Args) =>
    `--budget를 계산하려면 ${a.gpu}의 가격이 필요합니다: --price USD(GPU 시간당)나 설정 파일의 가격을 지정하세요`,
  "rule.tooLargeToCompute": (a: Args) =>
    `입력이 너무 커서 계산할 수 없습니다(${a.path} 값이 유한하지 않음): 모델 크기와 토큰 수, 가격(${a.price}), 환율(${a.fx})을 확인하세요`,
  "rule.compareFlagsWithScenarios": () =>
    "시나리오 이름과 작업 옵션(--params, --tokens, --gpus …)을 함께 쓸 수 없습니다: --gpus와 가격 옵션은 모든 시나리오에 적용됩니다",

  "file.unreadable": (a: Args) => `${a.file}: 읽을 수 없습니다 (${a.code})`,
  "file.notJson": (a: Args) => `${a.file}: 올바른 JSON이 아닙니다 (${a.detail})`,
  "file.duplicateKey": (a: Args) => `${a.file}: ${a.key}: 키가 중복됩니다`,
  "file.unknownKey": (a: Args) => `${a.file}: ${a.path}: 알 수 없는 키`,
  "file.invalidAt": (a: Args) => `${a.file}: ${a.path}: ${a.detail}`,
  "file.invalid": (a: Args) => `${a.file}: 올바르지 않습니다`,
  "file.problem": (a: Args) => `${a.file}: ${a.detail}`,
  "file.yamlAt": (a: Args) => `${a.file}: ${a.line}번째 줄: ${a.detail}`,
  "file.unusable": (a: Args) => `${a.file}: ${a.why}${a.flag ? ` (${a.flag})` : ""}`,
  "file.notJsonAt": (a: Args) =>
    `${a.file}: 올바른 JSON이 아닙니다 — ${a.line}번째 줄 ${a.column}번째 칸 (${a.detail})`,
  "read.missing": () => "파일이 없습니다",
  "read.directory": () => "디렉터리입니다",
  "read.directoryNotConfig": () => "설정 파일이 아니라 디렉터리입니다",
  "read.unreadable": (a: Args) => `읽을 수 없습니다 (${a.code})`,
  "read.tooLarge": (a: Args) => `${a.size}보다 큽니다`,
  "read.notFile": () => "일반 파일이 아닙니다(장치, 파이프, 소켓)",
  "read.utf16": () => "UTF-16 파일입니다; UTF-8로 저장하세요",
  "file.notTrainer": (a: Args) =>
    `${a.file}: axolotl, LLaMA-Factory, torchtune 설정이 아닙니다(base_model, model_name_or_path 또는 model._component_가 필요합니다)`,
  "file.trainerModelUnknown": (a: Args) =>
    `${a.file}: 모델 "${a.model}"에 맞는 프리셋이 없습니다: --model-config로 config.json을 지정하세요(또는 --model / --params)`,
  "file.notHfConfig": (a: Args) => `${a.file}: JSON 객체(Hugging Face config.json)여야 합니다`,
  "file.tooManyParams": (a: Args) => `${a.file}: 파라미터가 ${a.params}개입니다: 최대 ${a.max}(--params와 같음)`,
  "file.priceUnknownGpu": (a: Args) =>
    `${a.file}: ${a.path}: 알 수 없는 GPU "${a.gpu}" (llm-cost gpus의 id를 쓰거나 gpuSpecs에 추가하세요)`,
  "file.presetUnknownGpu": (a: Args) => `${a.file}: ${a.path}: 알 수 없는 GPU id "${a.gpu}"`,
  "file.scenario": (a: Args) => `시나리오 "${a.id}" (${a.file}): ${a.detail}`,

  "basis.range": (a: Args) =>
    `범위: 예상치의 1/${a.factor}~${a.factor}배 (출처별 교차 검증에서 공개 학습 기록·벤치마크의 80%를 포함)`,
  "basis.given": (a: Args) => `--mfu로 준 전체 학습 효율; ${a.range}`,
  "basis.goodput": (a: Args) =>
    `굿풋 ${a.goodput} (손실: 실행 오버헤드 ${a.overhead}, 장애 복구 ${a.interruptions}, 기동 ${a.startup})`,
  "basis.measured": (a: Args) =>
    `--tokens-per-sec로 준 실측 GPU당 ${a.tokens} 토큰/초 (MFU ${a.mfu}) × ${a.goodput}; ${a.range}`,
  "basis.communicationBound": (a: Args) =>
    `, 통신 병목: 스텝의 ${a.share}를 ${a.link === "inter-node" ? "노드 간" : "노드 내"} 링크 대기에 씀`,
  "basis.model": (a: Args) =>
    `정상 상태 GPU당 ${a.tokens} 토큰/초 (MFU ${a.mfu})${a.bound ?? ""} × ${a.goodput}; ${a.range}`,
  "price.given": () => "직접 준 GPU 시간당 가격",
  "price.own": (a: Args) => `${a.file}에 적은 자체 ${kind(a.kind)} 가격 "${a.name}"`,
  "price.provider": (a: Args) => `${a.name}의 최신 가격표에서 이 GPU의 가장 싼 현재 ${kind(a.kind)} 가격 (${a.where})`,
  "price.median": (a: Args) =>
    `클라우드별 최신 가격표에서 이 GPU의 가장 싼 현재 ${kind(a.kind)} 가격의 중앙값 (GPU 시간당 USD, 부가세 별도): 클라우드 ${a.count}곳`,
  "warn.chinchillaNotScratch": () =>
    "--tokens chinchilla는 처음부터 사전학습할 때의 규칙입니다(파라미터당 토큰 20개); 추가 사전학습과 미세조정은 훨씬 적은 토큰을 씁니다",
  "warn.stalePrice": (a: Args) =>
    `${a.gpu}의 ${kind(a.kind)} 가격은 모두 1년 넘게 지난 것입니다(가장 최근 ${a.date}): 최신 견적을 확인하거나 --price를 지정하세요`,
  "warn.largerThanPublished": (a: Args) =>
    `GPU ${a.gpus}장은 공개된 어떤 학습보다 많습니다(${a.largest}장): 장애와 통신 항목은 외삽한 값입니다`,
  "warn.mfuHigh": (a: Args) =>
    `--mfu ${withParticle(a.mfu ?? "", "은/는")} 0.7보다 높습니다: 이 효율을 유지한 공개 학습 기록은 없습니다(보통 0.3~0.55: PaLM 540B 0.46, Megatron-LM 530B 0.54)`,
  "warn.communicationBound": (a: Args) =>
    `${withParticle(a.strategy ?? "", "은/는")} 통신 병목입니다: 스텝마다 ${a.share}%를 ${a.link === "inter-node" ? "노드 간" : "노드 내"} 링크(${a.gbs} GB/s${a.perNode ? ", 노드당" : ", GPU당"}) 대기에 씁니다; GPU를 줄이거나, 글로벌 배치를 키우거나, 더 빠른 인터커넥트의 GPU를 쓰면 낫습니다`,
  "warn.tensorParallelNotDivisor": (a: Args) =>
    `텐서 병렬 차수 ${withParticle(a.degree ?? "", "은/는")} GPU ${a.gpus}장을 나누어떨어지게 하지 않습니다: 실행할 수 있는 설정이 없어 메모리에 맞지 않습니다`,
  "warn.tensorParallelBeyondNode": (a: Args) =>
    `텐서 병렬 차수 ${withParticle(a.degree ?? "", "은/는")} 한 노드의 GPU ${a.node}장보다 큽니다(노드 내 인터커넥트가 필요): 메모리에 맞지 않습니다`,
  "warn.batchTooSmall": (a: Args) =>
    `GPU ${a.gpus}장 × 시퀀스 하나(${a.seqLen} 토큰)가 글로벌 배치 ${a.batch} 토큰보다 큽니다: 데이터 병렬로는 모든 GPU에 일을 줄 수 없어, 배치가 스텝당 ${a.perStep} 토큰으로 커진다고 가정합니다`,
  "warn.corpusKoExpanded": (a: Args) =>
    `--corpus-lang ko는 Llama-2 32k 토크나이저 기준(토큰당 1.62바이트)인데 이 모델의 어휘는 ${a.vocab}개입니다: 한국어로 확장한 어휘라면 --corpus-lang ko-expanded(약 4.07)나 토크나이저로 잰 --bytes-per-token을 쓰세요`,
  "warn.corpusKoNotExpanded": (a: Args) =>
    `--corpus-lang ko-expanded는 한국어로 확장한 어휘(약 46k개)를 가정하는데 이 모델의 어휘는 ${a.vocab}개입니다: --corpus-lang ko나 토크나이저로 잰 --bytes-per-token을 쓰세요`,
  "warn.noPrice": (a: Args) =>
    `${a.gpu}의 현재 ${kind(a.kind)} 가격을 알 수 없습니다: 시간, 메모리, 에너지만 추정하고 비용은 비워 둡니다; --price USD(GPU 시간당)나 설정 파일의 prices로 가격을 지정하세요`,
  "warn.planSkipped": (a: Args) => `plan에서 빠진 GPU: ${a.gpus} (${a.why})`,
};

/** Price kinds as Korean readers name them. */
function kind(id: string | undefined): string {
  return id === "on-demand" ? "온디맨드" : id === "spot" ? "스팟" : id === "reserved" ? "예약" : (id ?? "");
}
