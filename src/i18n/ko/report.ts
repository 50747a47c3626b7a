import type { Args } from "../catalogue-types.js";
import type { REPORT_EN } from "../en/report.js";
import { withParticle } from "../particles.js";

/**
 * Korean: the same codes as ../en/report.ts, as a Korean ML engineer reads a cost report. Ids, flag
 * names, units and quoted sources stay as written; setting values (none, full, auto) are said in
 * Korean because they are words here, not flags to type.
 */

const SETTING: Readonly<Record<string, string>> = { none: "없음", selective: "선택적", full: "전체", auto: "자동" };
const setting = (value: string | undefined): string => SETTING[value ?? ""] ?? value ?? "";
const p = (word: string | undefined, pair: Parameters<typeof withParticle>[1]): string =>
  withParticle(word ?? "", pair);

export const REPORT_KO: { readonly [K in keyof typeof REPORT_EN]: (a: Args) => string } = {
  "tokens.given": () => "직접 지정",
  "tokens.chinchilla": (a: Args) =>
    `파라미터당 토큰 ${a.perParam}개 × 파라미터 ${a.params} = 토큰 ${a.tokens} ` +
    "(Chinchilla, Hoffmann 외 2022의 표 3에서 읽은 값: 처음부터 학습할 때의 연산 최적량이며, " +
    "이미 학습된 모델에서 시작하는 추가 사전학습(DAPT/TAPT)이나 SFT의 목표치는 아님)",
  "tokens.corpus": (a: Args) => `${a.bytes}바이트 ÷ 토큰당 ${a.bytesPerToken}바이트 = 토큰 ${a.tokens}`,
  "tokens.corpusLanguage": (a: Args) =>
    `${a.corpus} (--corpus-lang ${a.id} 기준; ${a.measured ? "실측값" : "실측이 아닌 가정"})`,
  "tokens.sft": (a: Args) =>
    `예제 ${a.examples}개 × 예제당 토큰 ${a.tokensPerExample}개 × ${a.epochs} 에폭 = 토큰 ${a.tokens} ` +
    "(예제당 토큰에는 답뿐 아니라 프롬프트도 들어감: 프롬프트의 손실을 마스킹해도 연산은 줄지 않기 때문이며, " +
    "시퀀스를 패킹하지 않으면 패딩도 들어감)",

  "report.settings": (a: Args) =>
    `마이크로배치 ${setting(a.mb)} · 재계산 ${setting(a.recompute)}${a.tp ? ` · TP ${a.tp}` : ""}`,
  "report.fromTitle": (a: Args) => `${a.file} (${a.trainer}) 설정에서 읽은 값`,
  "report.fromUsed": (a: Args) => `사용: ${a.list}`,
  "report.fromIgnored": (a: Args) => `무시: ${a.list}`,
  "report.fromAssumed": (a: Args) => `트레이너 기본값으로 가정: ${a.list}`,
  "report.fromNote": (a: Args) => `참고: ${a.note}`,
  "report.none": () => "없음",
  "report.gpu": (a: Args) => `${a.name}: ${a.precision} 밀집 연산 ${a.tflops} TFLOPS, ${a.memory} GB; GPU ${a.count}장`,
  "report.energy": (a: Args) =>
    `${a.tdp} W TDP × PUE ${a.pue}; 전력망 ${a.grid} g CO2/kWh (${a.label})${a.upperBound ? `; ${a.upperBound}` : ""}`,
  "report.memory": (a: Args) =>
    `시퀀스 ${a.seq}, 마이크로배치 ${setting(a.mb)}, 재계산 ${setting(a.recompute)}, ${a.sharding}, ${a.optimizer}${a.flash ? ", FlashAttention" : ""}`,
  "report.efficiencyRange": (a: Args) => `MFU ${a.mfu} (범위 ${a.low}~${a.high})`,

  "md.rangeNote": (a: Args) =>
    `각 칸은 예상값이고 괄호 안은 범위입니다(이 추정 모델의 표본 외 오차의 80% 구간: 여러 노드 작업은 공개된 전 과정 학습 기록, 한 노드 작업은 실측 미세조정 속도 기준). GPU 시간은 전체 GPU 합계, 소요 기간은 실제 경과 시간입니다. ${a.costs ?? "비용은 부가세 별도"}입니다.`,
  "md.gpu": (a: Args) =>
    `- GPU: ${a.name}, ${a.precision} 밀집 연산 ${a.tflops} TFLOPS, ${a.memory} GB; GPU ${a.count}장`,
  "md.efficiency": (a: Args) => `- 효율 (${a.strategies}): ${a.text}`,
  "md.price": (a: Args) => `- 가격${a.gpu ? ` (${a.gpu})` : ""}: GPU 시간당 ${a.usd} — ${a.rule}; 기준일 ${a.date}`,
  "md.noPrice": (a: Args) => `- 가격${a.gpu ? ` (${a.gpu})` : ""}: ${a.text}`,
  "md.fx": (a: Args) => `- 환율: ${a.rate} 원/달러 (${a.date}${a.source ? `; ${a.source}` : ""})`,
  "md.energy": (a: Args) => `- 에너지: ${a.tdp} W TDP × PUE ${a.pue}; 전력망 ${a.grid} g CO2/kWh (${a.source})`,
  "md.madeWith": () => "llm-cost로 만들었습니다.",

  "html.title": (a: Args) => `${a.params} 파라미터 × ${a.tokens} 토큰, ${a.gpu} ${a.count}장`,
  "html.subtitle": (a: Args) => `${a.gpuName} · ${a.model} · 토큰: ${a.basis}`,
  "html.row": (a: Args) => `${a.name}: ${a.description} · 학습 파라미터 ${a.trains} · MFU ${a.mfu}`,
  "html.rangeNote": (a: Args) =>
    `각 칸은 예상값이고 그 아래가 범위(최소~최대)입니다. GPU 시간은 전체 GPU 합계, 소요 기간은 실제 경과 시간입니다. ${a.costs ?? "비용은 부가세 별도"}입니다.`,
  "html.rangeBasis": () =>
    "범위는 예측값을 중심으로 이 추정 모델의 표본 외 오차가 드는 80% 구간입니다(여러 노드 작업은 공개된 전 과정 학습 기록, 한 노드 작업은 실측 미세조정 속도 기준).",
  "html.efficiency": (a: Args) => `효율 (${a.ids})`,
  "html.price": (a: Args) => `${a.gpu ? `${a.gpu}: ` : ""}GPU 시간당 ${a.usd}: ${a.rule}; 기준일 ${a.date}`,
  "html.noPrice": () => "이 GPU의 가격을 알 수 없어 비용은 비워 둠",
  "html.noPriceOf": (a: Args) => `${a.gpu}: 가격을 알 수 없어 비용은 비워 둠`,
  "html.fx": (a: Args) => `${a.rate} 원/달러 (${a.date}; ${a.source})`,
  "html.gbNote": () => "GB = 10^9바이트",
  "html.tooBig": (a: Args) =>
    `${p(a.strategy, "은/는")} GPU당 ${a.need} GB가 필요하지만 ${p(a.gpu, "은/는")} ${a.has} GB입니다${a.zero3 ? ` (ZeRO-3로 ${a.zero3}장 이상이면 적재 가능)` : ""}`,
  "html.compareTitle": (a: Args) => `시나리오 ${a.count}개 비교`,
  "html.compareRow": (a: Args) =>
    `${a.strategy} · ${a.gpu} ${a.count}장 · ${a.params} 파라미터 × ${a.tokens} 토큰 · MFU ${a.mfu}${a.title ? ` · ${a.title}` : ""}`,
  "html.label.gpu": () => "GPU",
  "html.label.price": () => "가격",
  "html.label.fx": () => "환율",
  "html.label.energy": () => "에너지",
  "html.label.memory": () => "메모리",
  "html.col.flops": () => "FLOPs",
  "html.col.gpuHours": () => "GPU 시간",
  "html.col.wallClock": () => "소요 기간",
  "html.col.memory": () => "GPU당 메모리",
  "html.col.costKrw": () => "비용 (원)",
  "html.col.costUsd": () => "비용 (달러)",
  "html.fits": () => "적재 가능",
  "html.tooBigCell": () => "메모리 부족",
  "html.heading.estimate": () => "추정 결과",
  "html.heading.notes": () => "참고 사항",
  "html.heading.charts": () => "비용과 소요 기간",
  "html.heading.assumptions": () => "가정",
  "html.chart.cost": () => "비용 (원): 예상값과 범위",
  "html.chart.days": () => "소요 기간: 예상값과 범위",
  "html.caption.cost": () => "비용 (원)",
  "html.caption.days": () => "소요 기간",
  "html.barNote": () => "막대는 예상값, 수염은 범위(최소~최대)입니다. 차트마다 가장 큰 값에 맞춰 축척을 정했습니다.",
  "html.madeWith": (a: Args) => `${p(a.by, "으로/로")} 만들었습니다.`,

  "compare.detail": (a: Args) =>
    `${a.strategy} · ${a.gpu} ${a.count}장 · ${a.flops} FLOPs · MFU ${a.mfu} · 파라미터 ${a.params}${a.model ? ` (${a.model})` : ""}${a.title ? ` · ${a.title}` : ""}`,

  "explain.heading": () => "전략별 계산 과정",
  "explain.strategy": (a: Args) => `${a.strategy} (${a.description})`,
  "explain.trained": (a: Args) => `학습 ${a.trainable}`,
  "explain.trainedOnPath": (a: Args) =>
    `토큰이 지나는 학습 ${a.onPath} (전체 ${a.trainable} 중 라우팅된 전문가의 어댑터)`,
  "explain.perTokenFull": (a: Args) => `6 × 파라미터 ${a.params} = 토큰당 ${a.perToken} FLOPs`,
  "explain.perTokenAdapter": (a: Args) =>
    `4 × 고정 ${a.frozen}${a.added ? ` (파라미터 ${a.params}에서 학습되는 새 어휘 행 ${p(a.added, "을/를")} 뺀 값)` : ""} + 6 × ${a.trained} = 토큰당 ${a.perToken} FLOPs`,
  "explain.step1": (a: Args) => `  1. 토큰당 FLOPs: ${a.perToken}`,
  "explain.step2": (a: Args) => `  2. 전체 FLOPs: ${a.perToken} × 토큰 ${a.tokens} = ${a.flops}`,
  "explain.step3": (a: Args) =>
    `  3. 학습 스텝 중 속도: GPU당 ${a.speed} 토큰/초, 즉 MFU ${a.mfu} = ${a.speed} × ${a.perToken} / ${a.peak}e12 (${a.basis})`,
  "explain.step4": (a: Args) =>
    `  4. 굿풋: 과금된 GPU 시간 중 ${p(a.share ?? a.goodput ?? "", "이/가")} 실제 학습 스텝`,
  "explain.step5": (a: Args) =>
    `  5. GPU 시간: 토큰 ${a.tokens} / ${a.speed} 토큰/초 / 3600 / ${a.goodput} = ${a.hours} GPU 시간 (전체 실행 MFU ${a.mfu})`,
  "explain.step6": (a: Args) => `  6. 소요 기간: ${a.hours} / GPU ${a.gpus}장 / 24 = ${a.days}일`,
  "explain.noPrice": () => "  7. 달러와 원: 이 GPU의 가격을 알 수 없음",
  "explain.step7": (a: Args) =>
    `  7. 달러: ${a.hours} × GPU 시간당 ${a.price}${a.vat ? ` × ${a.vat}(부가세)` : ""} = ${a.usd}`,
  "explain.step8": (a: Args) => `  8. 원: ${a.usd} × ${a.fx} 원/달러 = ${a.krw}`,
  "explain.step9": (a: Args) =>
    `  9. 에너지: ${a.hours} × ${a.kw} kW × PUE ${a.pue} = ${a.kwh} kWh; × ${a.grid} g/kWh = ${a.co2} kg CO2`,

  "json.memoryNote": (a: Args) =>
    "GPU당 메모리, GB 단위 (10^9바이트): 혼합 정밀도 AdamW는 파라미터당 16바이트 (bf16 가중치 2 + bf16 그래디언트 2 + fp32 마스터 가중치·m·v 12); 활성값은 Korthikanti 외 2022에 FlashAttention을 적용해 계산; 오버헤드 = CUDA 컨텍스트 1.5 GB + 활성값의 10% + ZeRO-3 수집 버퍼; 적재 가능 = GPU 공칭 메모리(GB) 이하" +
    (a.generic ? "; 구조: 이 크기의 일반적인 LLaMA형 모델 가정 (정확한 구조는 --model이나 --model-config로 지정)" : ""),
  "json.energyNote": () =>
    "정격 TDP × PUE로 계산한 GPU 에너지: 일부만 바쁜 GPU는 과대평가하며, PUE에 들지 않는 호스트 CPU와 네트워크는 빠짐",
  "json.peakPrecision": (a: Args) => `${a.precision} 밀집 연산 (2:4 희소성 제외)`,
};
