import type { Lang } from "./lang.js";

/**
 * Korean for the one-line error messages. Messages are built in English where they are raised
 * (they name flags and values, which stay as typed); this swaps the fixed phrases around them, so a
 * Korean reader gets the sentence in Korean and the names unchanged.
 */
const KOREAN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^invalid (\S+) "(.*?)": /, '$1 값 "$2"을(를) 쓸 수 없습니다: '],
  [
    /^missing command: expected (.*) \(see llm-cost --help\)$/,
    "명령이 없습니다: $1 중 하나를 쓰세요 (llm-cost --help 참고)",
  ],
  [/^missing (--[\w-]+): /, "$1 값이 필요합니다: "],
  [/^unknown option '([^']+)'/, "알 수 없는 옵션 '$1'"],
  [/^unknown command '([^']+)'/, "알 수 없는 명령 '$1'"],
  [/\(Did you mean (.+?)\?\)/, "(혹시 $1?)"],
  [/\(did you mean (.+?)\?\)/, "(혹시 $1?)"],
  [
    /unknown "([^"]+)"; expected a comma list of (.*) \(or all\)/,
    '알 수 없는 값 "$1"; 쉼표로 구분한 목록: $2 (또는 all)',
  ],
  [/expected one of /, "허용되는 값: "],
  [/must be at least 1/, "1 이상이어야 합니다"],
  [/must be greater than zero/, "0보다 커야 합니다"],
  [/the GPU count must be at least 1/, "GPU 수는 1 이상이어야 합니다"],
  [/unknown GPU "([^"]+)"; known: /, '알 수 없는 GPU "$1"; 지원 GPU: '],
  [/ both give the (\w[\w ]*): use one of them$/, " 중 하나만 쓰세요"],
  [/expected a positive count such as /, "예: "],
  [/expected a fraction greater than 0 and at most 1, e\.g\. /, "0보다 크고 1 이하인 값, 예: "],
  [/cannot be read/, "읽을 수 없습니다"],
  [/not valid JSON/, "올바른 JSON이 아닙니다"],
  [/: unknown key$/, ": 알 수 없는 키"],
  [/is a directory, not a config file/, "설정 파일이 아니라 디렉터리입니다"],
];

/** The message in the chosen language (English is returned as it is). */
export function localizeError(message: string, lang: Lang): string {
  if (lang === "en") return message;
  return KOREAN.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}

const KOREAN_WARNINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^--tokens chinchilla is a from-scratch rule .*$/,
    "--tokens chinchilla는 처음부터 사전학습할 때의 규칙입니다 (파라미터당 토큰 20개); 계속 사전학습과 파인튜닝은 훨씬 적은 토큰을 씁니다",
  ],
  [
    /^every (\S+) price known for (\S+) is more than a year old \(newest ([^)]+)\); check a current quote or give --price$/,
    "$2의 $1 가격은 모두 1년 이상 지난 것입니다 (가장 최근 $3): 최신 견적을 확인하거나 --price를 주세요",
  ],
  [
    /^(\d+) GPUs is more than any published training run used \((\d+)\); .*$/,
    "GPU $1장은 공개된 어떤 학습보다 많습니다 ($2장): 모델에 다중 GPU 확장 손실이 없어 이 규모의 소요 기간은 낙관적입니다",
  ],
  [
    /^--mfu (\S+) is above 0\.7: no published training run sustains that \(0\.3–0\.55 is typical: PaLM 540B 0\.46, Megatron-LM 530B 0\.54\)$/,
    "--mfu $1은(는) 0.7보다 높습니다: 이런 효율을 유지한 공개 학습 기록은 없습니다 (보통 0.3–0.55)",
  ],
];

/** A warning in the chosen language (English is returned as it is). */
export function localizeWarning(warning: string, lang: Lang): string {
  if (lang === "en") return warning;
  return KOREAN_WARNINGS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), warning);
}
