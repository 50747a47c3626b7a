/**
 * The option table's help texts and stated defaults in Korean (src/job/options.ts holds the
 * English), for `--help` under --lang ko or a Korean LANG. Keyed by the option's key; a test checks
 * that every option has its entry.
 */
export const OPTION_HELP_KO: Readonly<Record<string, { help: string; default?: string }>> = {
  model: { help: "--params 대신 쓰는 모델 프리셋 (llama-2-7b, qwen2.5-7b 등; 목록은 llm-cost models)" },
  params: { help: "모델 파라미터 수: 7B, 6.7b, 175M, 1.5T, 7e9, 70억" },
  activeParams: {
    help: "--params와 함께, 전문가 혼합(MoE) 모델에서 토큰 하나가 거치는 파라미터 수 (109B 중 17B 활성): FLOPs는 이 값, 메모리는 전체 기준",
  },
  modelConfig: { help: "Hugging Face config.json: 정확한 구조 (밀집 또는 전문가 혼합)" },
  from: {
    help: "학습 설정 파일 (axolotl, LLaMA-Factory, torchtune YAML): 학습 방식, LoRA, 시퀀스, 배치, 재계산, 샤딩; 옵션이 파일보다 우선",
  },
  addVocab: { help: "모델 어휘에 추가하는 토큰 수 (예: 14k): 임베딩과 출력 헤드가 커짐" },
  vocab: { help: "--add-vocab 대신 새 어휘 크기 (예: 46336)" },
  tokens: {
    help: "학습 토큰 수: 15B, 300M, 1.5T, 150억, 1.5조, 또는 chinchilla (파라미터당 20개, 처음부터 학습할 때의 규칙)",
  },
  corpus: { help: "--tokens 대신 말뭉치 크기: 61GB, 1.5TB, 500MB, 61GiB (GB = 10^9바이트, GiB = 2^30)" },
  bytesPerToken: { help: "--corpus와 함께: 토크나이저의 토큰당 바이트 수, 예: 4.07" },
  corpusLang: {
    help: "--corpus와 함께: ko (Llama-2 토크나이저, 토큰당 1.62바이트), ko-expanded (어휘 약 46k, 4.07), en (4.2), code (2.85)",
  },
  examples: { help: "--tokens 대신 SFT 데이터: 예제 수, 예: 50k" },
  tokensPerExample: { help: "--examples와 함께: 예제당 평균 토큰 수 (프롬프트와 답 포함)" },
  epochs: { help: "--examples와 함께: 데이터 반복 횟수", default: "1" },
  strategy: {
    help: "학습 방식: scratch, dapt, tapt, sft, lora, qlora; estimate와 compare는 쉼표 목록이나 all, plan과 check는 하나",
    default: "all (plan: 필수, check와 calibrate: dapt)",
  },
  gpus: {
    help: "GPU: 2xH100, 8xA100-40GB, H100 (1장); plan과 compare는 쉼표로 구분한 GPU 종류 (장 수는 선택); 목록은 llm-cost gpus",
  },
  precision: { help: "행렬 연산 정밀도: bf16 또는 fp8 (Hopper 이후)", default: "bf16" },
  mfu: { help: "효율 직접 지정, 0 < x <= 1 (예: 0.4 또는 40%)", default: "보정된 처리량 모델" },
  tokensPerSec: { help: "직접 잰 GPU당 학습 토큰/초 (--strategy 하나): 처리량 모델 대신 사용" },
  profile: {
    help: "llm-cost calibrate --save로 설정 파일에 저장한 실측 속도: 처리량 모델 대신 사용 (다른 GPU 수나 시퀀스 길이에는 모델로 환산)",
  },
  provider: { help: "이 클라우드의 가격을 사용 (aws, gcp, azure, lambda, runpod, elice 등)" },
  price: { help: "직접 정한 GPU 시간당 USD 가격 (카탈로그 대신)" },
  priceKind: { help: "가격 종류: on-demand(온디맨드), spot(스팟), reserved(예약)", default: "on-demand" },
  fx: { help: "달러당 원 환율", default: "카탈로그의 가장 최근 기준일 환율 (출력에 기준일 표시)" },
  vat: {
    help: "모든 비용에 한국 부가세 10% 포함 (부가가치세법 제30조); 가격표는 부가세 별도",
    default: '끔 (설정 파일의 "vat": true로도 켤 수 있음)',
  },
  seqLen: { help: "메모리와 어텐션 FLOPs 계산용 시퀀스 길이", default: "4096 (calibrate: 로그에 있으면 로그 값)" },
  microBatch: {
    help: "GPU당 마이크로배치 시퀀스 수, 또는 auto",
    default: "auto: --recompute auto와 함께 메모리에 들어가는 가장 빠른 설정",
  },
  recompute: { help: "활성값 재계산: auto, none, selective, full (그래디언트 체크포인팅)", default: "auto" },
  tensorParallel: { help: "노드 안 텐서 병렬 차수, 또는 auto", default: "auto" },
  globalBatch: {
    help: "전체 GPU의 옵티마이저 스텝당 토큰 수: 그래디언트 누적과 데이터 병렬로 쓸 수 있는 GPU 수를 정함",
    default: "4M (4,194,304)",
  },
  zero: { help: "ZeRO 샤딩 단계 0~3", default: "GPU가 2장 이상이면 3, 아니면 0" },
  fsdp: { help: "FSDP 전체 샤딩 (= --zero 3)" },
  optimizer: {
    help: "adamw, adamw-bf16, adamw-8bit, adafactor, sgd",
    default: "adamw: 혼합 정밀도, 파라미터당 16바이트",
  },
  flashAttn: { help: "FlashAttention 없이 어텐션 계산 (T×T 점수를 저장)" },
  loraRank: { help: "lora와 qlora의 LoRA 랭크", default: "16" },
  loraTargets: { help: "LoRA 대상 레이어: q,k,v,o,gate,up,down, attn, mlp 또는 all", default: "all" },
  pue: { help: "에너지 계산용 데이터센터 전력 효율(PUE)", default: "1.15, 대형 클라우드" },
  grid: { help: "전력망 탄소 집약도 (g CO2/kWh), 또는 korea(한국)나 us(미국)", default: "korea (417.3)" },
  config: {
    help: "설정 파일: 기본값, 직접 추가한 GPU, 모델, 협상 가격",
    default: "현재 폴더에 ./llm-cost.config.json이 있으면 그 파일",
  },
  explain: { help: "표 다음에 각 수치의 계산 과정을 숫자를 넣어 보여 줌" },
  budget: { help: "최대 예산: 3억, 2.5억, 5000만, $40k (estimate: 이 GPU로 살 수 있는 것, plan: 한도)" },
  deadline: { help: "마감: 90d, 12w, 3mo, 90일 (estimate: 필요한 GPU 수, plan: 한도)" },
  top: { help: "순위마다 보여 줄 계획 수", default: "5" },
  claimedDays: { help: "주장하는 소요 기간: 730 (일), 2y, 90d, 12w" },
  claimedCost: { help: "주장하는 비용: 2.5억, 3억, 5000만, $40k" },
  chart: { help: "표 다음에 예상 비용(원)과 소요 기간 막대그래프" },
  memory: { help: "메모리 검증만: 미세조정 실측 최대 메모리와 메모리 모델 비교" },
  speed: { help: "속도 검증만: 실측 GPU당 토큰/초와 정상 상태 모델 비교" },
  long: { help: "시나리오마다 설명과 출처도 함께" },
  log: {
    help: "측정할 학습 로그 (Hugging Face trainer_state.json, torchtune, Megatron-LM/NeMo stdout, W&B history CSV); 여러 개면 각각 측정",
  },
  column: {
    help: "W&B CSV: 이름이 다른 필드의 열, 예: tokensPerSecPerGpu=perf/tps_gpu (필드: step, loss, tokensPerSecPerGpu, tokensSeen, runtime, stepTime, peakMemoryGiB, tflopsPerGpu)",
  },
  save: { help: "측정 속도를 설정 파일(--config, 없으면 ./llm-cost.config.json)에 프로필로 저장 (--profile용)" },
  format: {
    help: "출력 형식 (html은 estimate, compare, plan)",
    default: "--out 파일의 확장자, 없으면 table",
  },
  out: { help: "출력을 stdout 대신 이 파일에 씀 (원자적으로); .csv, .tsv, .json, .md, .html이 형식을 정함" },
  force: { help: "--out과 함께: 기존 파일을 덮어씀" },
  lang: { help: "표, 경고, 오류의 언어: en 또는 ko", default: "LANG에서 (예: ko_KR.UTF-8 → ko)" },
  currency: { help: "표의 금액 열: both, krw, usd", default: "both" },
  label: { help: "이 실행의 이름을 첫 열(CSV, TSV)과 필드(JSON)로 추가: 여러 실행을 한 시트에 쌓을 때" },
  header: { help: "CSV와 TSV에서 머리글 행을 뺌 (시트에 이어 붙일 때)" },
  color: { help: "터미널에서도 색 없이 출력 (NO_COLOR와 같음)" },
};

/** The commands' descriptions in Korean, for `--help` (keyed by the command's name). */
export const COMMAND_HELP_KO: Readonly<Record<string, string>> = {
  estimate: "학습 방식별 FLOPs, GPU 시간, 소요 기간, GPU당 메모리, 원·달러 비용",
  compare: "시나리오와 옵션으로 지정한 작업을 나란히: 토큰, FLOPs, GPU 시간, 소요 기간, 메모리, 원·달러 비용",
  plan: "어떤 GPU를 몇 장, 어느 클라우드에서: 메모리에 들어가고 --deadline과 --budget을 지키는 최저 비용·최단 기간 계획",
  check: "주장 검증: 주장한 기간이 뜻하는 효율, 주장한 비용이 뜻하는 가격과 토큰 수, 그리고 판정",
  scenarios: "compare에 쓰는 이름 붙은 시나리오 (docs/의 한국어 블로그 글 사례); 직접 만든 시나리오 파일도 검사",
  validate: "기본 추정을 함께 제공하는 모든 공개 학습 기록·속도 측정과 비교 (출처 하나씩 빼고 검증)",
  gpus: "카탈로그의 GPU: 메모리, 밀집 연산 최대 성능, TDP, 기준일이 있는 온디맨드 가격 범위",
  prices: "모든 가격 (GPU 하나만도 가능): 클라우드, 리전, 종류, 기준일, 출처",
  models: "모델 프리셋과 파라미터 수 (estimate --model과 함께)",
  fx: "카탈로그의 기준일별 원/달러 환율 (기본값 표시)과 설정 파일의 환율, 출처 포함",
  calibrate:
    "학습 로그 측정: 정상 상태 GPU당 토큰/초, 환산 MFU, 기본 모델과의 차이, 측정 속도로 본 전체 학습; --save로 프로필 저장",
  completion: "셸 자동 완성 스크립트 출력: bash 또는 zsh",
};
