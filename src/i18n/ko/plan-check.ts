import { formatKrw } from "../../output/format.js";
import { daysText } from "../../output/plan-check-units.js";
import type { Args } from "../catalogue-types.js";
import type { PLAN_CHECK_EN } from "../en/plan-check.js";
import { withParticle } from "../particles.js";

/**
 * Korean: the same codes as ../en/plan-check.ts, as a Korean ML engineer writes them. Strategy ids,
 * GPU and provider names, units and flags stay as typed; numbers arrive formatted (억/만 won,
 * "약 6.3일", ranges with ~).
 */

const STRATEGIES: Record<string, string> = {
  scratch: "처음부터 사전학습",
  dapt: "추가 사전학습(DAPT)",
  tapt: "태스크 적응 사전학습(TAPT)",
  sft: "전체 파라미터 미세조정(SFT)",
  lora: "LoRA 미세조정",
  qlora: "QLoRA 미세조정",
};
const PRICE_KINDS: Record<string, string> = { "on-demand": "온디맨드", spot: "스팟", reserved: "예약" };
const VERDICTS: Record<string, string> = {
  plausible: "타당함",
  optimistic: "낙관적",
  pessimistic: "비관적",
  impossible: "불가능",
};
const UNITS: Record<string, string> = { day: "일", week: "주", hour: "시간", month: "개월", year: "년" };
const UNIT_NOTES: Record<string, string> = { month: ", 한 달은 30일로 계산", year: ", 1년은 365일로 계산" };

export const PLAN_CHECK_KO: { readonly [K in keyof typeof PLAN_CHECK_EN]: (a: Args) => string } = {
  "said.duration": (a: Args) => {
    const said = `${a.count}${UNITS[a.unit ?? "day"] ?? "일"}`;
    return a.unit === "day" ? said : `${said}(${a.days}일${UNIT_NOTES[a.unit ?? ""] ?? ""})`;
  },
  "said.money": (a: Args) => `${a.amount} (= ${a.converted}, ${a.rate}원/달러 기준)`,
  /** A duration from its raw number of days, so the language picks the unit ("6.3 d", "약 6.3일"). */
  "said.days": (a: Args) => daysText(Number(a.days), "ko"),
  /** Won from the raw amount: "₩300,000,000" in English, "3억 원" in Korean. */
  "said.won": (a: Args) => formatKrw(Number(a.krw)),
  "said.strategy": (a: Args) => STRATEGIES[a.id ?? ""] ?? `${a.id}`,
  "said.priceKind": (a: Args) => PRICE_KINDS[a.kind ?? ""] ?? `${a.kind}`,

  "plan.title": (a: Args) =>
    `계획: ${a.strategy}, ${a.params} 파라미터${a.model ? ` (${a.model})` : ""} × ${a.tokens} 토큰` +
    `${a.constraints ? `; ${a.constraints}` : ""}`,
  "plan.deadline": (a: Args) => `마감 ${a.deadline}`,
  "plan.budget": (a: Args) => `예산 ${a.budget}`,
  "plan.cheapest": () => "최저 비용 계획 (메모리에 들어가고 마감을 지키는 최소 GPU 수)",
  "plan.fastest": (a: Args) => `최단 기간 계획 (GPU를 더 늘려도 이득이 없는 지점${a.budget ? ", 예산 안에서" : ""})`,
  "plan.cheapestShort": () => "최저 비용 계획",
  "plan.fastestShort": () => "최단 기간 계획",
  "plan.howChosen": () => "계획을 고른 방법",
  "plan.label.searched": () => "탐색 범위",
  "plan.label.candidates": () => "후보",
  "plan.label.constraints": () => "조건",
  "plan.label.efficiency": () => "효율",
  "plan.label.exchange": () => "환율",
  "plan.searched": (a: Args) =>
    `현재 ${a.kind} 가격이 있는 GPU ${a.count}종${a.provider ? ` (${a.provider})` : ""}${a.skipped ?? ""}`,
  "plan.skipped": (a: Args) => `; ${a.reason}: ${a.gpus}`,
  "plan.skip.noPrice": (a: Args) => `현재 ${a.kind} 가격 없음`,
  "plan.skip.noOffer": (a: Args) => `${a.provider}의 ${a.kind} 가격 없음`,
  "plan.candidates": (a: Args) =>
    `GPU 종류와 클라우드별 현재 가격마다 두 가지를 봅니다. 메모리에 들어가고 마감을 지키는 최소 GPU 수` +
    `(한 노드를 넘으면 ${a.nodeSize}장짜리 노드 단위)와, GPU를 더 늘려도 이득이 없는 수입니다. 후자는 거기서 ` +
    `두 배로 늘려도 소요 기간이 4분의 1도 줄지 않거나, 현실적인 최대치인 ${a.maxGpus}장(글로벌 배치에서 GPU당 ` +
    "시퀀스 하나)을 넘는 지점입니다. GPU 시간은 GPU 수가 늘수록 커집니다(통신, 중단, 시작 시간). " +
    "최저 비용 계획 = 예상 비용이 가장 낮은 것, 최단 기간 계획 = 예상 소요 기간이 가장 짧은 것",
  "plan.constraints": () => "예상 소요 기간과 예상 비용으로 판단; 각 칸의 둘째 줄은 범위",
  "plan.efficiency": () =>
    "GPU 종류와 수별로 각각 다시 추정: 연산 성능, 메모리 대역폭, 인터커넥트로 구한 정상 상태 속도 × 굿풋 (예측이 얼마나 맞는지는 llm-cost validate로 확인)",
  "plan.exchange": (a: Args) => `${a.rate}원/달러 (${a.date} 기준); ${a.costs ?? "비용은 부가세 별도"}`,
  "plan.markdownFooter": (a: Args) => `${a.costs ?? "비용은 부가세 별도"}; ${a.rate}원/달러 (${a.date} 기준).`,
  "plan.head.gpus": () => "GPU",
  "plan.head.provider": () => "클라우드",
  "plan.head.providerPrice": () => "클라우드, GPU 시간당 $",
  "plan.md.gpus": () => "GPU",
  "plan.md.provider": () => "클라우드",
  "plan.md.price": () => "GPU 시간당 $",
  "plan.md.gpuHours": () => "GPU 시간",
  "plan.md.wallClock": () => "소요 기간",
  "plan.md.costKrw": () => "비용 (원)",
  "plan.md.costUsd": () => "비용 (달러)",
  "plan.json.constraints": () =>
    "마감과 예산은 예상 소요 기간과 예상 비용으로 판단합니다. 실제 학습이 얼마나 벗어날 수 있는지는 계획마다 범위로 나옵니다",
  "plan.html.title": (a: Args) => `계획: ${a.strategy}, ${a.params} 파라미터 × ${a.tokens} 토큰`,
  "plan.html.noConstraints": () => "마감과 예산 없음",
  "plan.html.labelHeading": () => "계획",
  "plan.html.row": (a: Args) => `${a.ranking} ${a.rank}: ${a.gpu} ${a.count}장`,
  "plan.html.cheapest": () => "최저가",
  "plan.html.fastest": () => "최단 기간",
  "plan.html.offer": (a: Args) => `${a.provider}, GPU 시간당 $${a.price} (${a.date} 기준)`,
  "plan.html.exchangeLabel": () => "환율",
  "plan.html.exchange": (a: Args) => `${a.rate}원/달러 (${a.date} 기준; ${a.source})`,

  "plan.why.memory": (a: Args) =>
    `메모리에 들어가는 계획이 없습니다: 가격이 있는 어떤 GPU도 ZeRO-3로 ${a.maxGpus}장까지 써서 이 작업을 담지 못합니다. lora나 qlora, 더 짧은 --seq-len, 더 작은 --micro-batch, 또는 --recompute full을 써 보세요.`,
  "plan.why.offer": (a: Args) => `${a.provider}의 ${a.gpu} ${a.count}장, GPU 시간당 $${a.price}`,
  "plan.why.deadline": (a: Args) =>
    `마감이 걸림돌입니다: 메모리에 들어가는 최단 기간 계획도 ${a.duration} 걸립니다 (${a.offer}${a.atMax ? ", 글로벌 배치로 다 쓸 수 있는 최대 GPU 수" : ", GPU를 더 늘려도 이득이 없는 지점"}). --deadline을 ${a.days}일 이상으로 늘리세요.`,
  "plan.why.budget": (a: Args) =>
    `예산이 걸림돌입니다: GPU를 몇 장 쓰든 ${a.budget ?? "그 금액"} 이하로 되는 계획이 없습니다. 메모리에 들어가${a.within ? `고 ${a.within} 안에 끝나` : ""}는 최저 비용 계획은 ${a.cost} (${a.usd}; ${a.offer})입니다. --budget을 ${a.atLeast} 이상으로 올리세요.`,
  "plan.why.jointly": (a: Args) =>
    "마감과 예산이 함께 걸림돌입니다: 하나씩은 맞출 수 있어도 둘 다는 안 됩니다." +
    (a.cheapCost
      ? ` 마감을 지키는 최저 비용 계획은 ${a.cheapCost} (${a.cheapOffer})입니다. --budget을 ${a.cheapAtLeast} 이상으로 올리세요.`
      : "") +
    (a.fastDuration
      ? ` 예산 안에서 최단 기간 계획은 ${a.fastDuration} 걸립니다 (${a.fastOffer}). --deadline을 ${a.fastDays}일 이상으로 늘리세요.`
      : ""),
  "plan.why.none": (a: Args) =>
    `조건을 만족하는 계획이 없습니다. ${[a.deadline, a.budget, a.jointly].filter(Boolean).join(" ")}`,
  "plan.why.unpriced": () =>
    "조건을 만족하는 계획이 없습니다: 탐색한 GPU 중 가격이 있는 것이 없습니다 (--gpu와 함께 --price를 지정하세요).",

  "check.title": (a: Args) =>
    `주장 검증: ${a.strategy}, ${a.params} 파라미터${a.model ? ` (${a.model})` : ""} × ${a.tokens} 토큰, ${a.gpu} ${a.count}장`,
  "check.label.estimate": () => "추정",
  "check.label.implies": () => "환산",
  "check.label.published": () => "공개 기록",
  "check.label.trains": () => "학습량",
  "check.label.verdict": () => "판정",
  "check.label.tax": () => "부가세",
  "check.tax": (a: Args) =>
    `주장 비용은 ${a.closer ? `부가세 ${a.rate}% 포함` : "부가세 별도"} 금액과 더 잘 맞습니다 (부가세 별도: ${a.without}; 부가세 ${a.rate}% 포함: ${a.with})`,
  "check.taxReading": (a: Args) => `예상 ${a.expected}, ${a.judged}`,
  "check.estimate": (a: Args) =>
    `${a.flops} FLOPs; GPU 시간 ${a.gpuHours} (${a.gpuHoursRange}); ${a.days} (${a.daysRange}); ${a.cost ?? "가격 정보 없음"}; MFU ${a.mfu} (${a.mfuRange}) 기준`,
  "check.cost": (a: Args) => `${a.krw} (${a.usd})`,
  "check.claimedDays": (a: Args) => `주장 기간: ${a.text}`,
  "check.claimedCost": (a: Args) => `주장 비용: ${a.text}`,
  "check.impliesDays": (a: Args) =>
    `MFU ${a.mfu} = ${a.flops} FLOPs / (${a.peak} TFLOPS × GPU ${a.count}장 × ${a.days}일 × 86,400초)`,
  "check.publishedFamily": (a: Args) =>
    `공개된 ${a.family} 전 과정 학습 기록 ${a.runs}건 ` +
    `${a.below === "0" ? "모두보다 낮음" : a.below === a.runs ? "모두보다 높음" : `중 ${a.below}건보다 높음`} ` +
    `(${a.min}~${a.max}, 중앙값 ${a.median}); `,
  "check.published": (a: Args) => `${a.family ?? ""}전 과정 학습 기록 ${a.runs}건: ${a.min}~${a.max}`,
  "check.trains": (a: Args) =>
    `기본 효율이면 그 기간에 ${a.tokens} 토큰 (${a.range}) 학습 가능 (입력한 토큰은 ${a.given})`,
  "check.verdictDays": (a: Args) =>
    `${a.summary}: 이 작업의 기본 범위는 MFU ${a.range}, 예상치 ${a.mfu}(${a.days})의 ${times(a.times)}`,
  "check.impliesCost": (a: Args) =>
    `GPU 시간당 $${a.usd} (${a.basis}; 현재 가격 ${a.offers})${a.tokens ? `; 기본 효율과 가격이면 토큰 ${a.tokens} (${a.range}) 학습 가능 (입력한 토큰은 ${a.given})` : ""}`,
  "check.verdictCost": (a: Args) =>
    `${a.summary}: 타당한 비용은 ${a.range} (${a.basis}), 예상치 ${a.expected}의 ${times(a.times)}`,
  "check.verdict": (a: Args) => `판정: ${a.summary}${a.which ? ` (범위에서 가장 먼 주장: ${a.which})` : ""}`,
  "check.which": (a: Args) => (a.claim === "days" ? "기간" : "비용"),
  "check.factorNote": () =>
    "×N: 환산값이 타당한 범위의 가까운 쪽 경계값의 몇 배인지 (범위 안이면 1). 예상치 대비 배율도 함께 표시합니다.",
  "check.judged": (a: Args) =>
    a.verdict === "plausible" ? "타당함" : `${VERDICTS[a.verdict ?? ""] ?? a.verdict} (×${a.factor})`,
  "check.impossible": (a: Args) => `불가능: MFU ${withParticle(a.mfu ?? "", "이/가")} GPU 최대 성능을 넘음`,
  "check.rangeBasisDays": (a: Args) => `GPU ${a.count}장에서 ${a.strategy}의 기본 효율 범위 (${a.basis})`,
  "check.rangeBasisCost": (a: Args) =>
    `GPU 시간 ${a.low}~${a.high} × GPU 시간당 $${a.offerLow}~$${a.offerHigh}${a.vat ? ` × ${a.vat}(부가세)` : ""}`,
  "check.priceBasisExpected": (a: Args) => `주장 비용 ÷ 예상 GPU 시간 ${a.gpuHours}`,
  "check.priceBasisClaimed": (a: Args) => `주장 비용 ÷ (GPU ${a.count}장 × ${a.days}일 × 24시간)`,
  "check.tokensBasisDays": (a: Args) => `주장한 GPU ${a.count}장 × ${a.days}일 동안 기본 효율로 학습하는 토큰 수`,
  "check.tokensBasisCost": () => "주장 비용으로 기본 효율과 가격에서 학습하는 토큰 수",
  "check.publishedNote": () =>
    "presets/published-runs.json에 있는 공개된 전체 사전학습 기록의 전체 학습 효율 (6·N·D / (GPU 시간 × 최대 성능))",
  "check.md.claim": () => "주장",
  "check.md.claimed": () => "주장한 값",
  "check.md.verdict": () => "판정",
  "check.md.basis": () => "판단 근거",

  "inverse.label.budget": () => "예산",
  "inverse.label.deadline": () => "마감",
  "inverse.label.within": (a: Args) => `${a.deadline} 안에`,
  "inverse.budget": (a: Args) =>
    `${a.budget} 기준 GPU 시간당 $${a.price}로 ${a.gpuHours} GPU 시간 사용 가능 ` +
    `(${a.gpu} ${a.count}장으로 ${a.days})`,
  "inverse.trains": (a: Args) => `${a.tokens} 토큰 학습 가능 (${a.range})`,
  "inverse.chinchilla": (a: Args) =>
    `이 연산량(${a.flops} FLOPs, ${a.strategy} MFU ${a.mfu} 기준)의 연산 최적 조합은 ${a.params} 파라미터 × ${a.tokens} 토큰 ` +
    `(${a.range} 파라미터): C = 6·N·D와 D = 20·N에서 N = √(C / 120), 처음부터 사전학습할 때만 적용되는 규칙`,
  "inverse.spend": (a: Args) => `예산을 다 쓰려면 ${a.gpu} ${a.count}장 필요 (GPU 시간 / 24 / 일수)`,
  "inverse.deadline": (a: Args) =>
    `${a.deadline}: 메모리에 들어가고 ${a.days}일 안에 끝나는 최소 GPU 수, GPU 수별로 각각 다시 추정 (범위는 낙관~비관 추정 기준)`,
  "inverse.noCount": (a: Args) =>
    `글로벌 배치로 다 쓸 수 있는 ${a.gpu} 수 중에 시간 안에 끝나면서 메모리에 들어가는 것이 없음`,
  "inverse.needs": (a: Args) => `${a.gpu} ${a.count}장${a.range ? ` (${a.range}장)` : ""} → ${a.days}; ${a.memory}`,
  "inverse.notChecked": () => "그 수에서는 메모리를 확인하지 않음",
  "inverse.fits": (a: Args) => `적재 가능 (GPU당 ${a.gb} GB)`,
  "inverse.tooBig": (a: Args) =>
    `메모리 부족 (GPU당 ${a.gb} GB)${a.zero3 ? `: ZeRO-3로 ${a.zero3}장 이상 필요` : ": 몇 장이어도 들어가지 않음"}`,
};

/** "×48" as Korean writes a ratio: "48배" (the ×N of the English, kept for the footnote's ×N). */
function times(text: string | undefined): string {
  return (text ?? "").replace(/^×\s*/, "") + "배";
}
