// English and Korean for each log problem, one line each, naming the file. Kept apart from the
// parsers so they return codes only; these join the project's message catalogue later.

import { shown } from "../../errors.js";
import type { LogProblem, LogProblemArgs, LogProblemCode } from "./log-measurement.js";

type Texts = { [C in LogProblemCode]: { en: (a: LogProblemArgs[C]) => string; ko: (a: LogProblemArgs[C]) => string } };

// File names and values come from the user's disk, so they go through shown(): cut short and with
// control characters made visible, as every other message quoting a file does.
const f = (a: { file: string }): string => shown(a.file);

type Mixed = LogProblemArgs["log.mixedRuns"];
const MIXED_EN: Record<Mixed["reason"], (a: Mixed) => string> = {
  restart: (a) => `the steps start again at ${a.step} after ${a.previous}`,
  settings: (a) => `the settings change after step ${a.previous}: ${shown(a.detail)}`,
  names: (a) => `runs ${shown(a.detail)}`,
  summaries: (a) => `${shown(a.detail)} end-of-training summaries`,
};
const MIXED_KO: Record<Mixed["reason"], (a: Mixed) => string> = {
  restart: (a) => `${a.previous} 스텝 다음에 ${a.step} 스텝부터 다시 시작합니다`,
  settings: (a) => `${a.previous} 스텝 이후 설정이 바뀝니다: ${shown(a.detail)}`,
  names: (a) => `run ${shown(a.detail)}`,
  summaries: (a) => `학습 종료 요약이 ${shown(a.detail)}개 있습니다`,
};

export const LOG_MESSAGES: Texts = {
  "log.empty": {
    en: (a) => `${f(a)}: the log is empty`,
    ko: (a) => `${f(a)}: 로그가 비어 있습니다`,
  },
  "log.unknownFormat": {
    en: (a) =>
      `${f(a)}: not a log llm-cost reads (a Hugging Face trainer_state.json, a torchtune metric log, Megatron-LM/NeMo stdout or a W&B history CSV)`,
    ko: (a) =>
      `${f(a)}: 읽을 수 있는 로그 형식이 아닙니다 (Hugging Face trainer_state.json, torchtune 메트릭 로그, Megatron-LM/NeMo 표준출력, W&B 히스토리 CSV 중 하나여야 합니다)`,
  },
  "log.truncated": {
    en: (a) => `${f(a)}: the log stops in the middle of line ${a.line} (cut off while being written or copied?)`,
    ko: (a) => `${f(a)}: 로그가 ${a.line}번째 줄 중간에서 끊겼습니다 (기록이나 복사 도중 잘린 것 같습니다)`,
  },
  "log.badJson": {
    en: (a) => `${f(a)}: not valid JSON (${shown(a.detail)})`,
    ko: (a) => `${f(a)}: 올바른 JSON이 아닙니다 (${shown(a.detail)})`,
  },
  "log.noThroughput": {
    en: (a) => `${f(a)}: no throughput field in this ${a.format} log (looked for ${a.fields})`,
    ko: (a) => `${f(a)}: ${a.format} 로그에 처리량 필드가 없습니다 (찾은 필드: ${a.fields})`,
  },
  "log.badNumber": {
    en: (a) => `${f(a)}: ${shown(a.field)} at step ${a.step} is "${shown(a.value)}", not a positive number`,
    ko: (a) => `${f(a)}: ${a.step} 스텝의 ${shown(a.field)} 값 "${shown(a.value)}"이(가) 양수가 아닙니다`,
  },
  "log.nanLoss": {
    en: (a) => `${f(a)}: the loss is NaN or infinite at step ${a.step}; a diverged run's speed is no guide`,
    ko: (a) => `${f(a)}: ${a.step} 스텝에서 loss가 NaN 또는 무한대입니다. 발산한 학습의 속도는 기준으로 쓸 수 없습니다`,
  },
  "log.nonMonotonicSteps": {
    en: (a) => `${f(a)}: step ${a.step} comes after step ${a.previous}; steps must increase`,
    ko: (a) => `${f(a)}: ${a.previous} 스텝 다음에 ${a.step} 스텝이 나옵니다. 스텝 번호는 증가해야 합니다`,
  },
  "log.mixedRuns": {
    en: (a) => `${f(a)}: more than one run in one log (${MIXED_EN[a.reason](a)}); give each run its own file`,
    ko: (a) => `${f(a)}: 한 로그에 여러 학습이 섞여 있습니다 (${MIXED_KO[a.reason](a)}). 학습마다 파일을 나눠 주세요`,
  },
  "log.tooFewSteps": {
    en: (a) =>
      `${f(a)}: ${a.found} logged step(s) with throughput; at least ${a.needed} are needed to leave out warm-up`,
    ko: (a) => `${f(a)}: 처리량이 기록된 스텝이 ${a.found}개뿐입니다. 워밍업을 빼려면 최소 ${a.needed}개가 필요합니다`,
  },
  "log.needsSeqLen": {
    en: (a) => `${f(a)}: this ${a.format} log gives samples, not tokens; give the sequence length with --seq-len`,
    ko: (a) =>
      `${f(a)}: 이 ${a.format} 로그에는 토큰 수가 아니라 샘플 수만 있습니다. --seq-len으로 시퀀스 길이를 주세요`,
  },
  "log.needsGpus": {
    en: (a) => `${f(a)}: this ${a.format} log gives the whole run's rate but not its GPU count; give it with --gpus`,
    ko: (a) => `${f(a)}: 이 ${a.format} 로그에는 전체 처리량만 있고 GPU 수가 없습니다. --gpus로 GPU 수를 주세요`,
  },
  "log.badColumn": {
    en: (a) => `${f(a)}: no column "${shown(a.column)}" for ${a.field} in the CSV header`,
    ko: (a) => `${f(a)}: CSV 헤더에 ${a.field}에 해당하는 "${shown(a.column)}" 열이 없습니다`,
  },
};

/** The problem as one line in the chosen language. */
export function logProblemText(p: LogProblem, lang: "en" | "ko"): string {
  // The union is correlated by code, which TypeScript cannot follow through an index; the cast is
  // safe because LogProblem pairs each code with exactly that code's args.
  const texts = LOG_MESSAGES[p.code] as {
    en: (a: LogProblem["args"]) => string;
    ko: (a: LogProblem["args"]) => string;
  };
  return texts[lang](p.args);
}
