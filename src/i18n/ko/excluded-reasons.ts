/**
 * Why `llm-cost validate` leaves a bundled row out, in Korean. The reasons are English prose in the
 * bundled evidence files (published-runs.json, throughput-measurements.json, finetune-measured.json),
 * which have no Korean field, so they are translated here by their exact text; a reason made of
 * parts joined by "; " is translated part by part. test/korean-listings.test.ts checks that every
 * bundled reason has a translation, so a new row cannot slip English into the Korean report.
 */
const REASONS: Readonly<Record<string, string>> = {
  // presets/published-runs.json
  "D is upper bound": "토큰 수(D)가 상한값",
  distillation: "증류 학습",
  "no tokens": "토큰 수 없음",
  "tokens uncertain": "토큰 수가 불확실",
  "GPU types mixed across stages": "단계마다 GPU 종류가 다름",
  "mixes pretrain/ext/post-train hours": "사전학습·확장·사후학습 시간이 섞여 있음",
  "pretrain row used instead": "대신 사전학습 행을 씀",
  "hours = project-window upper bound": "시간 = 프로젝트 기간으로 잡은 상한값",
  "circular (days derived from assumed TFLOPS)": "순환 논리 (가정한 TFLOPS로 일수를 계산함)",
  "hours = access-window upper bound": "시간 = 사용 가능 기간으로 잡은 상한값",
  "projection, not a run": "실제 학습이 아닌 추산치",
  "tokens estimated": "토큰 수가 추정치",
  "no tokens / a known peak": "토큰 수 없음 / 알려진 값은 최대치뿐",
  "no parameter count": "파라미터 수 없음",
  // presets/throughput-measurements.json
  "TPU: not a catalog accelerator": "TPU: 카탈로그에 없는 가속기",
  "no tokens/s per GPU reported (only an MFU on another FLOP basis)":
    "GPU당 토큰/초가 보고되지 않음 (다른 FLOPs 기준의 MFU만 있음)",
  "H100 96GB HBM2e power-capped at 500 W (Grand Teton): not the catalog H100 SXM, its sustained peak is lower":
    "500 W로 전력을 제한한 H100 96GB HBM2e (Grand Teton): 카탈로그의 H100 SXM이 아니며 지속 최대 성능이 더 낮음",
  "mixture-of-experts with expert-parallel all-to-all: the steady-state model covers dense matmul work only":
    "전문가 병렬의 전체 교환 통신을 쓰는 전문가 혼합 모델: 정상 상태 속도 모델은 밀집 행렬곱만 다룸",
  "other PEFT (DoRA): not a modelled strategy": "다른 PEFT (DoRA): 모델링하지 않는 전략",
  "other PEFT (IA3): not a modelled strategy": "다른 PEFT (IA3): 모델링하지 않는 전략",
  "other PEFT (prompt tuning): not a modelled strategy": "다른 PEFT (프롬프트 튜닝): 모델링하지 않는 전략",
  // presets/finetune-measured.json
  "fp32 training (PEFT README, accelerate mixed_precision 'no'): the memory model only has 16-bit weights/activations, so fp32 rows are excluded rather than modelled":
    "fp32 학습 (PEFT README, 혼합 정밀도 끔): 메모리 모델은 16비트 가중치·활성값만 다루므로 fp32 행은 모델링하지 않고 제외",
  "encoder-decoder T5 architecture is not modelled": "인코더-디코더 T5 구조는 모델링하지 않음",
  "CPU offload is not modelled": "CPU 오프로드는 모델링하지 않음",
  "method 'other PEFT (LLaMA-Adapter)' is not modelled (only full, LoRA, QLoRA)":
    "방식 '다른 PEFT (LLaMA-Adapter)'는 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "method 'other PEFT (DoRA)' is not modelled (only full, LoRA, QLoRA)":
    "방식 '다른 PEFT (DoRA)'는 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "method 'other PEFT (IA3)' is not modelled (only full, LoRA, QLoRA)":
    "방식 '다른 PEFT (IA3)'는 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "method 'other PEFT (prompt tuning)' is not modelled (only full, LoRA, QLoRA)":
    "방식 '다른 PEFT (프롬프트 튜닝)'은 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "method 'unstated (LoRA/QLoRA not restated in README table)' is not modelled (only full, LoRA, QLoRA)":
    "방식이 적혀 있지 않음 (README 표에 LoRA/QLoRA 여부가 다시 나오지 않음): 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "method 'other (DS-Chat step-1 SFT; full vs LoRA-layer mix not stated in table)' is not modelled (only full, LoRA, QLoRA)":
    "방식 '기타 (DS-Chat 1단계 SFT; 전체/LoRA 레이어 구성이 표에 없음)'는 모델링하지 않음 (전체, LoRA, QLoRA만)",
  "lit-gpt 2023 FSDP run: 35.6 GB/GPU on 4 GPUs vs 38.1 GB on 1 GPU contradicts FULL_SHARD of the frozen base":
    "lit-gpt 2023 FSDP 실행: GPU 4장에서 GPU당 35.6 GB, 1장에서 38.1 GB로, 고정된 베이스 모델을 FULL_SHARD로 나눴다는 것과 맞지 않음",
  "the FSDP wrapping/checkpointing actually used is unknown": "실제로 쓴 FSDP 래핑/체크포인팅을 알 수 없음",
  "bf16-mixed keeps fp32 weights for the frozen base (4 B/param)":
    "bf16 혼합 정밀도는 고정된 베이스 모델 가중치를 fp32로 유지함 (파라미터당 4 B)",
  "not modelled": "모델링하지 않음",
  "README flags this litgpt A10G full fine-tune figure as below what bf16 weights + grads + AdamW states need (marked low): physically inconsistent":
    "README가 이 litgpt A10G 전체 미세조정 수치를 bf16 가중치 + 그래디언트 + AdamW 상태에 필요한 양보다 낮다고 표시함: 물리적으로 맞지 않음",
  "no usable peak-memory figure ('72-80': range read off a screenshot, and the peak includes the FULL_STATE_DICT save)":
    "쓸 수 있는 최대 메모리 수치 없음 ('72-80': 스크린샷에서 읽은 범위이고, 최대치에 FULL_STATE_DICT 저장이 들어 있음)",
  "Unsloth custom kernels / offloaded checkpointing / settings unstated: not comparable":
    "Unsloth 전용 커널 / 오프로드 체크포인팅 / 설정 미기재: 비교할 수 없음",
  "max-context row: gradient-checkpointing setting unstated and values look interpolated (low confidence)":
    "최대 컨텍스트 행: 그래디언트 체크포인팅 설정이 없고 값이 보간된 것으로 보임 (신뢰도 낮음)",
};

/**
 * The Korean for a reason: the whole text if it is known, else each "; " part; undefined when any
 * part is unknown (a part may hold "; " inside parentheses, so the whole text is tried first).
 */
export function excludedReasonKo(reason: string): string | undefined {
  const whole = REASONS[reason];
  if (whole !== undefined) return whole;
  const parts = reason.split("; ").map((part) => REASONS[part]);
  return parts.every((p) => p !== undefined) ? parts.join("; ") : undefined;
}
