import { formatNumber } from "../util/number-text.js";
import type { Lang } from "./lang.js";
import { withParticle } from "./particles.js";

/** Every label the estimate table and its footer print, per language. */
export interface Texts {
  headers: {
    strategy: string;
    scenario: string;
    flops: string;
    gpuHours: string;
    wallClock: string;
    memory: string;
    costKrw: string;
    costUsd: string;
  };
  tokens: (count: string) => string;
  compareEfficiency: string;
  fits: string;
  tooBig: string;
  trains: (count: string, share: string) => string;
  flopsPerToken: string;
  title: (params: string, model: string, tokens: string, gpus: string) => string;
  genericShape: string;
  active: (count: string) => string;
  doesNotFit: (strategy: string, needGB: string, gpu: string, hasGB: number) => string;
  needsZero3: (count: number, gpu: string, suggestRecompute: boolean) => string;
  fitsNowhere: (gpu: string) => string;
  assumptions: string;
  labels: {
    gpu: string;
    efficiency: string;
    price: string;
    energy: string;
    exchange: string;
    memory: string;
    units: string;
  };
  /** A price per GPU-hour ("$3.92 per GPU-hour", "GPU 시간당 $3.92"). */
  pricePerGpuHour: (usd: string) => string;
  /** The price line when the GPU has no price. */
  noPrice: string;
  /** A strategy whose row equals an earlier one ("= scratch"). */
  sameAs: (strategy: string) => string;
  /** A GPU count with the GPU ("2 × H100", "H100 2장"). */
  gpuCount: (count: string, gpu: string) => string;
  dated: string;
  range: string;
  /** The units line; `vat` says whether costs include VAT ("excl. VAT", "incl. VAT 10 %"). */
  units: (vat: string) => string;
  krwPerUsd: string;
  upperBound: string;
  noSharding: string;
  genericShapeHint: string;
  /** A strategy id as readers of the language write it in a table ("dapt"; "DAPT" in Korean). */
  strategy: (id: string) => string;
  /** Markdown's columns: what the strategy is, its trainable parameters, the GPUs and tokens. */
  whatItIs: string;
  trainable: string;
  gpus: string;
  tokensHeader: string;
}

const en: Texts = {
  headers: {
    strategy: "Strategy",
    scenario: "Scenario",
    flops: "FLOPs",
    gpuHours: "GPU-hours",
    wallClock: "Wall-clock",
    memory: "Memory/GPU",
    costKrw: "Cost (KRW)",
    costUsd: "Cost (USD)",
  },
  tokens: (count) => `${count} tokens`,
  compareEfficiency:
    "each row's MFU is under it; ranges = the 80% interval of out-of-sample errors (published whole runs; measured fine-tuning speeds on one node)",
  fits: "fits",
  tooBig: "too big",
  trains: (count, share) => `trains ${count} (${share})`,
  flopsPerToken: "FLOPs/token",
  title: (params, model, tokens, gpus) => `${params} parameters (${model}) × ${tokens} tokens on ${gpus}`,
  genericShape: "generic LLaMA-like shape",
  active: (count) => `, ${count} active`,
  doesNotFit: (strategy, needGB, gpu, hasGB) =>
    `Does not fit: ${strategy} needs ${needGB} GB per GPU, ${gpu} has ${hasGB} GB; `,
  needsZero3: (count, gpu, suggest) =>
    `needs ≥ ${formatNumber(count)}×${gpu} with ZeRO-3${suggest ? " (or try --recompute full)" : ""}`,
  fitsNowhere: (gpu) =>
    `does not fit on any number of ${gpu} at this sequence length and micro-batch: try --recompute full or a smaller --micro-batch`,
  assumptions: "Assumptions",
  labels: {
    gpu: "GPU",
    efficiency: "Efficiency",
    price: "Price",
    energy: "Energy",
    exchange: "Exchange",
    memory: "Memory",
    units: "Units",
  },
  pricePerGpuHour: (usd) => `${usd} per GPU-hour`,
  noPrice: "no price known for this GPU: cost left empty (give --price USD or a config file price)",
  sameAs: (strategy) => `= ${strategy}`,
  gpuCount: (count, gpu) => `${count} × ${gpu}`,
  dated: "dated",
  range: "range",
  units: (vat) =>
    `GPU-hours = total over all GPUs; wall-clock = elapsed time; memory = per GPU, GB = 1e9 bytes; costs = total, ${vat}; second line = range`,
  krwPerUsd: "KRW per USD",
  upperBound: "rated power, so an upper bound",
  noSharding: "no sharding",
  genericShapeHint: "; generic LLaMA-like shape (give --model for the exact one)",
  strategy: (id) => id,
  whatItIs: "What it is",
  trainable: "Trainable",
  gpus: "GPUs",
  tokensHeader: "Tokens",
};

/**
 * How Korean ML engineers write the strategies: the acronyms in capitals as papers and job posts
 * do (DAPT, SFT, LoRA); scratch stays the id, the word they use for it too ("scratch부터 학습").
 */
const STRATEGY_KO: Readonly<Record<string, string>> = {
  dapt: "DAPT",
  tapt: "TAPT",
  sft: "SFT",
  lora: "LoRA",
  qlora: "QLoRA",
};

const ko: Texts = {
  headers: {
    strategy: "전략",
    scenario: "시나리오",
    flops: "FLOPs",
    gpuHours: "GPU 시간",
    wallClock: "소요 기간",
    memory: "GPU당 메모리",
    costKrw: "비용 (원)",
    costUsd: "비용 (달러)",
  },
  tokens: (count) => `${count} 토큰`,
  compareEfficiency:
    "각 행의 MFU는 셋째 줄에 표시; 범위 = 이 추정 모델의 표본 외 오차의 80% 구간(여러 노드: 공개된 전 과정 학습 기록, 한 노드: 실측 미세조정 속도)",
  fits: "적재 가능",
  tooBig: "메모리 부족",
  trains: (count, share) => `학습 파라미터 ${count} (${share})`,
  flopsPerToken: "FLOPs/토큰",
  title: (params, model, tokens, gpus) => `${params} 파라미터 (${model}) × ${tokens} 토큰, ${gpus}`,
  genericShape: "일반적인 LLaMA형 구조",
  active: (count) => `, 활성 ${count}`,
  doesNotFit: (strategy, needGB, gpu, hasGB) =>
    `메모리 부족: ${withParticle(strategy, "은/는")} GPU당 ${needGB} GB 필요, ${withParticle(gpu, "은/는")} ${hasGB} GB; `,
  needsZero3: (count, gpu, suggest) =>
    `ZeRO-3로 ${gpu} ${formatNumber(count)}장 이상 필요${suggest ? " (또는 --recompute full)" : ""}`,
  fitsNowhere: (gpu) =>
    `이 시퀀스 길이와 마이크로배치로는 ${withParticle(gpu, "을/를")} 몇 장 써도 들어가지 않음: --recompute full 또는 더 작은 --micro-batch를 써 보세요`,
  assumptions: "가정",
  labels: {
    gpu: "GPU",
    efficiency: "효율",
    price: "가격",
    energy: "에너지",
    exchange: "환율",
    memory: "메모리",
    units: "단위",
  },
  pricePerGpuHour: (usd) => `GPU 시간당 ${usd}`,
  noPrice: "이 GPU의 가격을 알 수 없어 비용은 비워 둠 (--price USD나 설정 파일의 가격을 지정하세요)",
  sameAs: (strategy) => `${withParticle(strategy, "과/와")} 동일`,
  gpuCount: (count, gpu) => `${gpu} ${count}장`,
  dated: "기준일",
  range: "범위",
  units: (vat) =>
    `GPU 시간 = 전체 GPU 합계, 소요 기간 = 실제 경과 시간, 메모리 = GPU당 (GB = 10^9 바이트), 비용 = 총액 (${vat}), 둘째 줄 = 범위`,
  krwPerUsd: "원/달러",
  upperBound: "정격 전력 기준이라 상한값",
  noSharding: "샤딩 없음",
  genericShapeHint: "; 일반적인 LLaMA형 구조 가정 (정확한 구조는 --model로 지정)",
  strategy: (id) => STRATEGY_KO[id] ?? id,
  whatItIs: "설명",
  trainable: "학습 파라미터",
  gpus: "GPU",
  tokensHeader: "토큰",
};

/** The labels for a language. */
export function textsFor(lang: Lang): Texts {
  return lang === "ko" ? ko : en;
}
