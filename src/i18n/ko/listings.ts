import type { Args } from "../catalogue-types.js";
import type { LISTINGS_EN } from "../en/listings.js";
import { excludedReasonKo } from "./excluded-reasons.js";

/**
 * Korean: the listings (gpus, prices, models, scenarios, validate) as a Korean ML engineer reads
 * them. Names, ids, units and flags stay as written; every header, note and label is Korean,
 * including the Markdown column names (CSV, TSV and JSON keep the ids, which machines read).
 */

const pick = (table: Readonly<Record<string, string>>, key: string | undefined): string =>
  (key !== undefined && table[key]) || (key ?? "");

/** Column names of the Markdown listings, by the id the CSV uses. */
const COLUMNS: Readonly<Record<string, string>> = {
  label: "라벨",
  id: "ID",
  name: "이름",
  fullName: "전체 이름",
  memoryGB: "메모리 (GB)",
  denseTflops16: "밀집 TFLOPS",
  precision: "정밀도",
  tdpW: "TDP (W)",
  providers: "클라우드 수",
  minUsdPerGpuHour: "최저 (GPU 시간당 $)",
  medianUsdPerGpuHour: "중앙값 (GPU 시간당 $)",
  maxUsdPerGpuHour: "최고 (GPU 시간당 $)",
  priceDates: "가격 기준일",
  source: "출처",
  provider: "클라우드 ID",
  providerName: "클라우드",
  gpu: "GPU",
  region: "리전",
  usdPerGpuHour: "GPU 시간당 $",
  kind: "종류",
  date: "기준일",
  current: "현재 가격",
  instance: "인스턴스",
  gpusPerInstance: "인스턴스당 GPU",
  notes: "비고",
  origin: "정의한 파일",
  params: "파라미터",
  publishedParams: "공개 파라미터 수",
  layers: "레이어",
  hidden: "은닉 차원",
  heads: "헤드",
  kvHeads: "KV 헤드",
  ffn: "FFN",
  vocab: "어휘",
  tiedEmbeddings: "임베딩 공유",
  title: "제목",
  titleKo: "제목",
  description: "설명",
  descriptionKo: "설명",
  model: "모델",
  addVocab: "추가 어휘",
  strategy: "전략",
  tokens: "토큰",
  corpus: "말뭉치",
  bytesPerToken: "토큰당 바이트",
  corpusLang: "말뭉치 언어",
  examples: "예제 수",
  tokensPerExample: "예제당 토큰",
  epochs: "에폭",
  gpus: "GPU 구성",
  seqLen: "시퀀스 길이",
  microBatch: "마이크로배치",
  recompute: "재계산",
  loraRank: "LoRA 랭크",
  loraTargets: "LoRA 대상",
  measured: "실측",
  predicted: "예측",
  low: "범위 하한",
  high: "범위 상한",
  error: "오차",
  inside: "범위 안",
  training: "방식",
  basis: "기준",
  measured_gb: "실측 GB",
  estimated_gb: "모델 GB",
  respects_bound: "한계 이내",
  // llm-cost fx
  krwPerUsd: "원/달러",
  default: "기본값",
  inUse: "사용 중",
  // llm-cost calibrate
  file: "로그 파일",
  format: "형식",
  steps: "측정 스텝",
  warmup_steps_skipped: "뺀 워밍업 스텝",
  last_step: "마지막 스텝",
  tokens_per_sec_per_gpu: "GPU당 토큰/초",
  step_time_median_s: "스텝 시간 중앙값 (초)",
  step_time_p10_s: "스텝 시간 p10 (초)",
  step_time_p90_s: "스텝 시간 p90 (초)",
  gpu_id: "GPU ID",
  seq_len: "시퀀스 길이",
  peak_memory_gb: "최대 메모리 (GB)",
  flops_per_token: "토큰당 FLOPs",
  gpu_peak_tflops: "GPU 최대 TFLOPS",
  implied_mfu: "환산 MFU",
  logged_mfu: "로그의 MFU",
  model_tokens_per_sec_per_gpu: "모델 예측 GPU당 토큰/초",
  model_over_measured: "모델/실측",
  goodput: "굿풋",
  price_usd_per_gpu_hour: "GPU 시간당 $",
  krw_per_usd: "원/달러",
  gpu_hours_low: "GPU 시간 하한",
  gpu_hours_expected: "GPU 시간 예상",
  gpu_hours_high: "GPU 시간 상한",
  wall_days_low: "소요 일수 하한",
  wall_days_expected: "소요 일수 예상",
  wall_days_high: "소요 일수 상한",
  cost_usd_low: "비용 ($) 하한",
  cost_usd_expected: "비용 ($) 예상",
  cost_usd_high: "비용 ($) 상한",
  cost_krw_low: "비용 (원) 하한",
  cost_krw_expected: "비용 (원) 예상",
  cost_krw_high: "비용 (원) 상한",
};

const KINDS = { "on-demand": "온디맨드", spot: "스팟", reserved: "예약" };

const GPUS_HEAD = {
  gpu: "GPU",
  memory: "메모리",
  dense: "밀집 TFLOPS",
  tdp: "TDP",
  onDemand: "온디맨드 GPU 시간당 $",
  median: "중앙값",
  dates: "가격 기준일",
};
const PRICES_HEAD = {
  gpu: "GPU",
  provider: "클라우드",
  region: "리전",
  kind: "종류",
  usd: "GPU 시간당 $",
  date: "기준일",
};
const MODELS_HEAD = {
  model: "모델",
  params: "파라미터",
  layers: "레이어",
  hidden: "은닉 차원",
  heads: "헤드 (KV)",
  ffn: "FFN",
  vocab: "어휘",
};
const SCENARIOS_HEAD = { scenario: "시나리오", strategy: "전략", model: "모델", tokens: "토큰", gpus: "GPU" };
const RUNS_HEAD = {
  id: "학습 기록",
  source: "출처",
  measured: "GPU 시간",
  predicted: "추정",
  range: "범위",
  error: "오차",
  inside: "범위 안",
};
const SPEED_HEAD = { ...RUNS_HEAD, id: "측정", measured: "토큰/초", predicted: "예측" };
const MEMORY_HEAD = {
  id: "메모리 측정",
  training: "방식",
  measured: "실측 GB",
  model: "모델 GB",
  error: "오차",
  basis: "기준",
};
const METHODS = {
  leaveOneSourceOut: "출처 하나씩 빼고 검증",
  leaveOneRowOut: "행 하나씩 빼고 검증",
  constant35: "MFU 35% 고정",
  constant40: "MFU 40% 고정",
};
/** Fine-tuning methods and memory bases as the data names them. */
const TERMS = {
  full: "전체",
  lora: "LoRA",
  qlora: "QLoRA",
  allocated: "할당",
  reserved: "예약",
  device: "장치",
  exact: "정확",
  "lower-bound": "하한",
  "upper-bound": "상한",
};

export const LISTINGS_KO: { readonly [K in keyof typeof LISTINGS_EN]: (a: Args) => string } = {
  "list.column": (a: Args) => pick(COLUMNS, a.id),
  "list.yes": () => "예",
  "list.no": () => "아니요",
  "list.kind": (a: Args) => pick(KINDS, a.kind),

  "list.gpus.head": (a: Args) => pick(GPUS_HEAD, a.column),
  "list.gpus.noPrice": () => "가격 없음",
  "list.gpus.note": () =>
    "밀집 = 2:4 희소성을 쓰지 않은 값. 가격: 클라우드마다 현재 가장 싼 온디맨드 가격 (괄호 안은 클라우드 수), 중앙값 = 기본으로 쓰는 가격. 출처: llm-cost gpus --format json.",

  "list.prices.head": (a: Args) => pick(PRICES_HEAD, a.column),
  "list.prices.old": (a: Args) => `${a.kind} (과거)`,
  "list.prices.note": (a: Args) =>
    `가격 ${a.count}개. GPU 시간당 달러 = 인스턴스 가격 / 인스턴스당 GPU 수, 부가세 별도; "(과거)" = 출처가 지난 가격이라고 밝힌 것 (기본값으로 쓰지 않음). 출처: llm-cost prices --format json.`,
  "list.unpriced.title": () => "가격 비공개 (문의): 공개된 GPU 가격표가 없어 어떤 추정에도 쓰지 않는 클라우드",
  "list.unpriced.programmes": () => "정부 GPU 지원사업:",
  "list.unpriced.howTo": () =>
    "협상한 가격이나 지원사업 단가는 설정 파일에 가격 항목(gpu, usdPerGpuHour, date, providerName)으로 넣으세요: 시장 중앙값보다 우선합니다. 자세한 내용: presets/providers-without-prices.json.",

  "list.models.head": (a: Args) => pick(MODELS_HEAD, a.column),
  "list.models.note": () =>
    "파라미터 수는 구조에서 센 값입니다 (임베딩, 공유하지 않는 출력 헤드, GQA 어텐션, MLP, 정규화). 출처: llm-cost models --format json.",

  "list.scenarios.head": (a: Args) => pick(SCENARIOS_HEAD, a.column),
  "list.scenarios.note": () =>
    "사용법: llm-cost compare <시나리오> … [--gpus 8xH100]. 직접 만들려면 시나리오 하나나 목록을 담은 JSON 파일을 쓰세요 (필드는 llm-cost scenarios --format json에서 볼 수 있습니다).",
  "list.scenarios.described": (a: Args) => `${a.title}. ${a.description}${a.source ? ` 출처: ${a.source}` : ""}`,
  "list.scenarios.corpusBytes": (a: Args) => `${a.corpus}, 토큰당 ${a.bytesPerToken}바이트`,
  "list.scenarios.epochs": (a: Args) => `${a.epochs}에폭`,
  "list.scenarios.addVocab": (a: Args) => ` +어휘 ${a.count}`,
  "list.scenarios.vocab": (a: Args) => ` 어휘 ${a.count}`,

  "list.validate.runsHeading": (a: Args) =>
    `공개된 전 과정 학습 기록: 보고된 GPU 시간과 추정치 비교. 각 기록은 그 출처(연구소)를 빼고 맞춘 굿풋로 예측합니다: ${a.count}건`,
  "list.validate.runsHead": (a: Args) => pick(RUNS_HEAD, a.column),
  "list.validate.speedHeading": (a: Args) =>
    `정상 상태 속도: GPU당 실측 토큰/초와, 그 행의 출처를 빼고 맞춘 모델의 예측 비교: ${a.count}건`,
  "list.validate.speedHead": (a: Args) => pick(SPEED_HEAD, a.column),
  "list.validate.summary": (a: Args) => `요약: ${a.what}`,
  "list.validate.method": (a: Args) => pick(METHODS, a.method),
  "list.validate.summaryLine": (a: Args) =>
    `${a.name}: |오차| 중앙값 ${a.median}, ±25% 이내 ${a.within}` +
    (a.inRange === undefined ? "" : `, 범위 안 ${a.inRange}, 상한/하한 ${a.highLow}배`),
  "list.validate.whatRuns": () => "전 과정 학습 기록 (GPU 시간)",
  "list.validate.whatSpeed": () => "정상 상태 측정 전체 (GPU당 토큰/초)",
  "list.validate.whatFineTuning": (a: Args) => `미세조정 측정만 (SFT, LoRA, QLoRA: ${a.count}건)`,
  "list.validate.excludedRuns": (a: Args) =>
    `제외 (${a.count}건, 데이터에 표시된 사유; 처리량 벤치마크는 속도 검증에 있음):`,
  "list.validate.excludedSpeed": (a: Args) => `제외 (${a.count}건):`,
  "list.validate.gpuNotInCatalog": (a: Args) => `GPU(${a.gpu})가 사용 중인 카탈로그에 없음`,
  // A reason with no translation yet is not shown in English here: the English report has it.
  "list.validate.reason": (a: Args) =>
    excludedReasonKo(a.reason ?? "") ?? "사유 번역 없음 (llm-cost validate --lang en에서 원문 확인)",
  "list.validate.memoryHeading": (a: Args) =>
    `메모리: GPU당 실측 최대 메모리와 메모리 모델 비교 (GB = 10^9 바이트): 정확한 값 ${a.rows}건, 한계값 ${a.bounds}건`,
  "list.validate.memoryHead": (a: Args) => pick(MEMORY_HEAD, a.column),
  "list.validate.term": (a: Args) => pick(TERMS, a.term),
  "list.validate.boundOk": () => "한계 이내",
  "list.validate.boundBroken": () => "한계 어긋남",
  "list.validate.memorySummary": (a: Args) =>
    `|오차| 중앙값 ${a.median}, ±25% 이내 ${a.within}, 한계 이내 ${a.respected}/${a.bounds}. 기준: 할당 = PyTorch가 할당한 최대 메모리 (CUDA 컨텍스트 제외), 예약 = 할당기가 예약한 메모리, 장치 = 카드 전체 (nvidia-smi).`,
  "list.validate.notCompared": (a: Args) => `비교하지 않음 (${a.count}건):`,
};
