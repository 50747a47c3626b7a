import type { Args } from "../catalogue-types.js";
import type { CALIBRATE_EN } from "../en/calibrate.js";
import { withParticle } from "../particles.js";

/** Korean: the same codes as ../en/calibrate.ts. */
export const CALIBRATE_KO: { readonly [K in keyof typeof CALIBRATE_EN]: (a: Args) => string } = {
  "log.empty": (a: Args) => `${a.file}: 로그가 비어 있습니다`,
  "log.unknownFormat": (a: Args) =>
    `${a.file}: 읽을 수 있는 로그 형식이 아닙니다 (Hugging Face trainer_state.json, torchtune 메트릭 로그, Megatron-LM/NeMo 표준출력, W&B 히스토리 CSV 중 하나여야 합니다)`,
  "log.truncated": (a: Args) =>
    `${a.file}: 로그가 ${a.line}번째 줄 중간에서 끊겼습니다 (기록이나 복사 도중 잘린 것 같습니다)`,
  "log.badJson": (a: Args) => `${a.file}: 올바른 JSON이 아닙니다 (${a.detail})`,
  "log.noThroughput": (a: Args) => `${a.file}: ${a.format} 로그에 처리량 필드가 없습니다 (찾은 필드: ${a.fields})`,
  "log.badNumber": (a: Args) =>
    `${a.file}: ${a.step} 스텝의 ${a.field} 값 ${withParticle(`"${a.value}"`, "이/가")} 양수가 아닙니다`,
  "log.nanLoss": (a: Args) =>
    `${a.file}: ${a.step} 스텝에서 loss가 NaN 또는 무한대입니다. 발산한 학습의 속도는 기준으로 쓸 수 없습니다`,
  "log.nonMonotonicSteps": (a: Args) =>
    `${a.file}: ${a.previous} 스텝 다음에 ${a.step} 스텝이 나옵니다. 스텝 번호는 증가해야 합니다`,
  "log.mixedRuns": (a: Args) =>
    `${a.file}: 한 로그에 여러 학습이 섞여 있습니다 (${mixedKo(a)}). 학습마다 파일을 나누세요`,
  "log.tooFewSteps": (a: Args) =>
    `${a.file}: 처리량이 기록된 스텝이 ${a.found}개뿐입니다. 워밍업을 빼려면 최소 ${a.needed}개가 필요합니다`,
  "log.needsSeqLen": (a: Args) =>
    `${a.file}: 이 ${a.format} 로그에는 토큰 수가 아니라 샘플 수만 있습니다. --seq-len으로 시퀀스 길이를 지정하세요`,
  "log.needsGpus": (a: Args) =>
    `${a.file}: 이 ${a.format} 로그에는 전체 처리량만 있고 GPU 수가 없습니다. --gpus로 GPU 수를 지정하세요`,
  "log.badColumn": (a: Args) => `${a.file}: CSV 헤더에 ${a.field}에 해당하는 "${a.column}" 열이 없습니다`,
  "profile.noConfig": (a: Args) =>
    `--profile ${a.name}: 프로필을 읽을 설정 파일이 없습니다 (llm-cost calibrate --log FILE --save ${withParticle(a.name ?? "", "으로/로")} 만들거나 --config PATH를 지정하세요)`,
  "profile.unknown": (a: Args) =>
    `--profile: ${a.file}에 "${a.name}" 프로필이 없습니다 (${a.known ? `있는 프로필: ${a.known}` : "아직 프로필이 없습니다. llm-cost calibrate --save로 추가하세요"})`,
  "profile.otherGpu": (a: Args) =>
    `"${a.name}" 프로필은 ${withParticle(a.given ?? "", "이/가")} 아니라 ${a.measured}에서 측정했습니다 (${a.about}): GPU 종류가 다르면 측정 속도를 그대로 쓸 수 없습니다. ${a.given}에서 calibrate하거나 --profile 옵션을 빼세요`,
  "profile.otherStrategy": (a: Args) =>
    `"${a.name}" 프로필은 ${withParticle(a.given ?? "", "이/가")} 아니라 --strategy ${withParticle(a.measured ?? "", "으로/로")} 측정했습니다: LoRA와 전체 학습은 속도가 다릅니다. --strategy ${withParticle(a.measured ?? "", "을/를")} 주거나 해당 방식으로 calibrate하세요`,
  "profile.otherModel": (a: Args) =>
    `"${a.name}" 프로필은 파라미터 ${a.given}개가 아니라 ${a.measured}개인 모델에서 측정했습니다: 이 모델로 calibrate하거나 --profile 옵션을 빼세요`,
  "warn.profileScaled": (a: Args) =>
    `"${a.name}" 프로필은 GPU ${a.fromGpus}장, 시퀀스 ${a.fromSeqLen}에서 GPU당 ${a.measured} 토큰/초를 측정했습니다. 이 작업은 GPU ${a.toGpus}장, 시퀀스 ${a.toSeqLen} 조건이라 처리량 모델로 환산합니다: ${a.measured} × ${a.modelHere} / ${a.modelThere} = GPU당 초당 ${a.speed} 토큰`,
  "reason.columnMap": (a: Args) => `필드=열 이름 쌍을 쉼표로 구분해 쓰세요; 필드: ${a.choices}`,
  "calibrate.saveOneLog": (a: Args) =>
    `--save는 측정값 하나를 저장합니다: --log를 하나만 지정하세요 (받은 로그 ${a.count}개)`,
  "calibrate.needLog": () => "측정할 학습 로그를 지정하세요, 예: --log trainer_state.json (여러 개: --log a.log b.log)",
  "calibrate.saveName": () => "영문자, 숫자, 점, 대시, 밑줄로 된 64자 이하의 이름이어야 합니다",
  "calibrate.oneStrategy": () => "calibrate는 작업 하나를 측정합니다: 로그에서 학습한 방식 하나만 지정하세요",
  "calibrate.noGpu": (a: Args) =>
    `${a.file}: 로그에 어떤 GPU에서 돌렸는지 나오지 않습니다. --gpus로 지정하세요 (예: --gpus 8xH100)`,
  "calibrate.gpuDiffers": (a: Args) => `${a.file}: 로그는 ${a.log}에서 돌렸는데 --gpus는 ${a.given}입니다`,
  "calibrate.countDiffers": (a: Args) => `${a.file}: 로그는 GPU ${a.log}장에서 돌렸는데 --gpus는 ${a.given}입니다`,
  "calibrate.seqLenDiffers": (a: Args) => `${a.file}: 로그의 시퀀스 길이는 ${a.log}인데 --seq-len은 ${a.given}입니다`,
  "calibrate.abovePeak": (a: Args) =>
    `${a.file}: GPU당 ${a.tokens} 토큰/초은 파라미터 ${a.params}개 모델 기준으로 ${a.gpu} 밀집 연산 최대 성능의 ${a.times}배입니다. 로그의 처리량이 노드 단위이거나 모델 크기가 틀리지 않았는지 확인하세요`,
  "calibrate.saved": (a: Args) =>
    `"${a.name}" 프로필을 ${a.file}에 저장했습니다 (${a.gpu} ${a.gpus}장에서 GPU당 ${a.tokens} 토큰/초). --profile ${withParticle(a.name ?? "", "으로/로")} 쓰세요`,
  "calibrate.heading": (a: Args) =>
    a.basis === "run-average"
      ? `${a.file}: ${a.format} 로그, 학습 전체 평균 (워밍업 포함이라 조금 낮게 나옵니다)`
      : `${a.file}: ${a.format} 로그, 워밍업 ${a.warmup}스텝을 제외한 기록 스텝 ${a.steps}개 (${a.last} 스텝까지)`,
  "calibrate.labelMeasured": () => "측정값",
  "calibrate.labelMfu": () => "환산 MFU",
  "calibrate.labelModel": () => "llm-cost 예측",
  "calibrate.labelProjection": () => "전체 학습 예측",
  "calibrate.speed": (a: Args) => `GPU당 ${a.tokens} 토큰/초`,
  "calibrate.stepTime": (a: Args) => `스텝당 ${a.median}초 (p10–p90 ${a.p10}–${a.p90}초)`,
  "calibrate.cluster": (a: Args) => `${a.gpu} ${a.gpus}장, 시퀀스 ${a.seqLen}`,
  "calibrate.peakMemory": (a: Args) => `최대 메모리 ${a.gb} GB`,
  "calibrate.impliedMfu": (a: Args) =>
    `${a.gpu} 밀집 연산 ${a.tflops} TFLOP/s 대비 ${a.mfu} (토큰당 ${a.flops} FLOPs 기준${a.logged ? `, 로그에 찍힌 TFLOP/s로는 ${a.logged}` : ""})`,
  "calibrate.modelOff": (a: Args) => `이 작업에 GPU당 ${a.model} 토큰/초: 측정값의 ${a.ratio}배`,
  "calibrate.projection": (a: Args) =>
    `${a.tokens} 토큰, 측정 속도 × 굿풋 ${a.goodput}: ${a.hours} GPU 시간 (${a.hoursRange}), ${a.days} (${a.daysRange})${a.cost ? `, ${a.cost}` : ""}`,
};
/** 한 로그에 학습이 여럿 섞인 이유 (log.mixedRuns). */

function mixedKo(a: Args): string {
  switch (a.reason) {
    case "restart":
      return `${a.previous} 스텝 다음에 ${a.step} 스텝부터 다시 시작합니다`;
    case "settings":
      return `${a.previous} 스텝 이후 설정이 바뀝니다: ${a.detail}`;
    case "names":
      return `run ${a.detail}`;
    default:
      return `학습 종료 요약이 ${a.detail}개 있습니다`;
  }
}
