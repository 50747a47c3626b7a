/**
 * Korean particles (조사) that change with the sound before them: 은/는, 이/가, 을/를, 과/와 and
 * 으로/로. The choice follows the word as a Korean reader says it, not as it is spelled, so a GPU
 * name needs its digits and Latin letters read out first:
 *
 * - Hangul: the syllable's final consonant (받침); ㄹ counts as a vowel for 으로/로 (서울로).
 * - Digits: the Sino-Korean reading of the number's last word. 4 is 사 (L4는), 100 is 백 (H100은),
 *   4090 is 사천구십, ending in 십 (RTX4090은), 10,000 is 만 and 10¹² is 조 (1000000000000는).
 *   A decimal's last digit is read alone (1.5 is 일 점 오: 1.5는).
 * - Latin letters: a single letter, or a run of capitals, by its English letter name (X 엑스,
 *   L 엘, M 엠); a run with small letters is a word, read the way Korean loanwords end
 *   (Hopper 호퍼는, Blackwell 블랙웰은, Qwen 큐원은).
 *
 * A parenthesis at the end is not read (H100 (SXM)은), and neither are closing quotes or
 * punctuation. A word with no readable end gets both forms, the Korean convention: 은(는).
 */

export type ParticlePair = "은/는" | "이/가" | "을/를" | "과/와" | "으로/로";

/** How a word ends when read aloud: a vowel, ㄹ, or any other final consonant. */
export type FinalSound = "vowel" | "rieul" | "consonant";

const FORMS: Record<ParticlePair, { consonant: string; vowel: string; rieul: string; unknown: string }> = {
  "은/는": { consonant: "은", vowel: "는", rieul: "은", unknown: "은(는)" },
  "이/가": { consonant: "이", vowel: "가", rieul: "이", unknown: "이(가)" },
  "을/를": { consonant: "을", vowel: "를", rieul: "을", unknown: "을(를)" },
  "과/와": { consonant: "과", vowel: "와", rieul: "과", unknown: "과(와)" },
  "으로/로": { consonant: "으로", vowel: "로", rieul: "로", unknown: "(으)로" },
};

/** The word with the form of the particle its final sound takes: withParticle("H100", "은/는") is "H100은". */
export function withParticle(word: string, pair: ParticlePair): string {
  return word + particleFor(word, pair);
}

/** The form of the particle alone: particleFor("L4", "으로/로") is "로". */
export function particleFor(word: string, pair: ParticlePair): string {
  return FORMS[pair][finalSound(word) ?? "unknown"];
}

/** How the word ends when a Korean reader says it; undefined when nothing at its end is readable. */
export function finalSound(word: string): FinalSound | undefined {
  const text = spokenEnd(word);
  const last = text.at(-1);
  if (last === undefined) return undefined;
  if (isHangulSyllable(last)) return hangulFinal(last);
  if (JAMO_SOUND[last] !== undefined) return JAMO_SOUND[last];
  if (/[0-9]/.test(last)) return numberFinal(text);
  if (/[A-Za-z]/.test(last)) return latinFinal(/[A-Za-z]+$/.exec(text)![0]);
  return undefined;
}

/** The text whose end is read: without a closing parenthetical, quotes, punctuation or spaces. */
function spokenEnd(word: string): string {
  let text = word.trimEnd();
  for (;;) {
    const before = text;
    text = text.replace(/\s*[([{][^()[\]{}]*[)\]}]$/u, ""); // "H100 (SXM)" is read "H100"
    text = text.replace(/[\s"'’”」』.,!?:;·…~]+$/u, "");
    if (text === before) return text;
  }
}

function isHangulSyllable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code >= 0xac00 && code <= 0xd7a3;
}

/** The 받침 of a syllable: index 0 is none, 8 is ㄹ (syllables are 초성 × 588 + 중성 × 28 + 종성). */
function hangulFinal(syllable: string): FinalSound {
  const jong = (syllable.codePointAt(0)! - 0xac00) % 28;
  return jong === 0 ? "vowel" : jong === 8 ? "rieul" : "consonant";
}

/** A lone jamo at the end (ㅋ, ㅎ) is read by its consonant or vowel. */
const JAMO_SOUND: Record<string, FinalSound> = Object.fromEntries([
  ...[..."ㄱㄲㄳㄴㄵㄶㄷㄸㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"].map((j) => [j, "consonant" as const]),
  ...[..."ㄹㄺㄻㄼㄽㄾㄿㅀ"].map((j) => [j, "rieul" as const]),
  ...[..."ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"].map((j) => [j, "vowel" as const]),
]);

/** 영 일 이 삼 사 오 육 칠 팔 구: how each digit ends when read alone. */
const DIGIT_SOUND: readonly FinalSound[] = [
  "consonant", // 0 영
  "rieul", // 1 일
  "vowel", // 2 이
  "consonant", // 3 삼
  "vowel", // 4 사
  "vowel", // 5 오
  "consonant", // 6 육
  "rieul", // 7 칠
  "rieul", // 8 팔
  "vowel", // 9 구
];

/**
 * The number at the end of the text, read in Sino-Korean. Its last non-zero digit is said with the
 * place it stands in, so the trailing zeros decide: none, the digit itself (4 사); one, 십; two,
 * 백; three, 천; from four on, the unit of the lowest non-zero group of four digits, 만 (10⁴),
 * 억 (10⁸), 조 (10¹²), 경 (10¹⁶), 해 (10²⁰), which comes after that group's own 십/백/천 (100,000
 * is 십만, ending in 만). A number of zeros is 영; a decimal's digits after the point are read one by one.
 */
function numberFinal(text: string): FinalSound {
  const match = /(\d[\d,]*)(?:\.(\d+))?$/.exec(text)!;
  const fraction = match[2];
  if (fraction !== undefined) return DIGIT_SOUND[Number(fraction.at(-1))]!;
  const digits = match[1]!.replaceAll(",", "");
  const zeros = digits.length - digits.replace(/0+$/, "").length;
  if (zeros === digits.length) return "consonant"; // 영
  if (zeros === 0) return DIGIT_SOUND[Number(digits.at(-1))]!;
  // Under 10⁴ the place ends the number: 십, 백, 천, each with a final consonant other than ㄹ.
  if (zeros < 4) return "consonant";
  // From there the unit of the lowest non-zero group of four does: 십만 ends in 만, 십조 in 조.
  const unit = ["만", "억", "조", "경", "해"][Math.floor(zeros / 4) - 1];
  return unit === "조" || unit === "해" ? "vowel" : "consonant";
}

/** English letter names as said in Korean, by how they end: L 엘 and R 알 end in ㄹ, M 엠 and N 엔 in a consonant. */
function letterFinal(letter: string): FinalSound {
  const upper = letter.toUpperCase();
  if (upper === "L" || upper === "R") return "rieul";
  if (upper === "M" || upper === "N") return "consonant";
  return "vowel"; // 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 오 피 큐 에스 티 유 브이 더블유 엑스 와이 지
}

/**
 * A run of Latin letters at the end. One letter, or capitals (GB, RTX, SXM, NVL), is read letter by
 * letter, so its last letter's name decides. A run with small letters is a word, read as Korean
 * loanwords end: -l/-le with ㄹ (모델, 블랙웰, 구글), -m/-n/-ng and a silent e after m/n with a
 * consonant (아담, 큐원, 라인), an -r after a vowel not at all (호퍼, 모니터), everything else with the
 * 으 or vowel Korean adds (딥시크, 코드, 라마).
 */
function latinFinal(run: string): FinalSound {
  if (run.length === 1 || run === run.toUpperCase()) return letterFinal(run.at(-1)!);
  const word = run.toLowerCase();
  if (/(l|le)$/.test(word)) return "rieul";
  if (/(m|n|ng|[aeiou]me|[aeiou]ne)$/.test(word)) return "consonant";
  return "vowel";
}
