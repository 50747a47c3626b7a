/**
 * Korean particles after a word, chosen by how the word's last sound is read (a minimal version;
 * Hangul by its final consonant, digits and Latin letters by their Korean readings).
 */
export type ParticlePair = "은/는" | "이/가" | "을/를" | "과/와" | "으로/로";

const DIGIT_FINAL: Record<string, "vowel" | "consonant" | "rieul"> = {
  "0": "consonant",
  "1": "rieul",
  "2": "vowel",
  "3": "consonant",
  "4": "vowel",
  "5": "vowel",
  "6": "consonant",
  "7": "rieul",
  "8": "rieul",
  "9": "vowel",
};
const LETTER_RIEUL = new Set(["l", "r"]);
const LETTER_CONSONANT = new Set(["m", "n"]);

function finalSound(word: string): "vowel" | "consonant" | "rieul" {
  const trimmed = word.replace(/[\s)"'\]}.,]+$/u, "");
  const last = trimmed.at(-1) ?? "";
  const code = last.codePointAt(0) ?? 0;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? "vowel" : jong === 8 ? "rieul" : "consonant";
  }
  if (/\d/.test(last)) {
    const zeros = /0+$/.exec(trimmed)?.[0].length ?? 0;
    // 10 십, 100 백, 1000 천 (vowel-less endings read as consonants), 10000 만.
    if (zeros > 0 && /[1-9]0+$/.test(trimmed)) return zeros === 3 ? "consonant" : "consonant";
    return DIGIT_FINAL[last]!;
  }
  const lower = last.toLowerCase();
  if (LETTER_RIEUL.has(lower)) return "rieul";
  if (LETTER_CONSONANT.has(lower)) return "consonant";
  return "vowel";
}

/** The word with its particle: H100은, L4는, A100을, B200이, 모델로, L4로. */
export function withParticle(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pair.split("/") as [string, string];
  const sound = finalSound(word);
  if (pair === "으로/로") return word + (sound === "consonant" ? afterConsonant : afterVowel);
  return word + (sound === "vowel" ? afterVowel : afterConsonant);
}
