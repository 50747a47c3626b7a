import { describe, expect, it } from "vitest";
import { finalSound, particleFor, withParticle } from "../src/i18n/particles.js";

// Each expectation is the word as a Korean reader says it, worked by hand in the comment.
describe("withParticle: GPU names read aloud", () => {
  it.each([
    ["H100", "H100은"], // 에이치백: 백 ends in ㄱ
    ["A100", "A100은"], // 에이백
    ["RTX4090", "RTX4090은"], // 알티엑스 사천구십: 십 ends in ㅂ
    ["L4", "L4는"], // 엘사: 사 ends in a vowel
    ["B200", "B200은"], // 비이백
    ["MI300X", "MI300X는"], // 엠아이삼백엑스: 엑스 ends in a vowel
    ["H200", "H200은"],
    ["L40S", "L40S는"], // 엘사십에스
    ["A10G", "A10G는"], // 에이십지
    ["MI325X", "MI325X는"],
    ["Gaudi3", "Gaudi3은"], // 가우디삼: 삼 ends in ㅁ
    ["V100", "V100은"],
  ])("%s + 은/는 → %s", (word, expected) => {
    expect(withParticle(word, "은/는")).toBe(expected);
  });

  it("을/를 and 이/가 follow the same final sound", () => {
    expect(withParticle("H100", "을/를")).toBe("H100을");
    expect(withParticle("L4", "을/를")).toBe("L4를");
    expect(withParticle("A100", "이/가")).toBe("A100이");
    expect(withParticle("L4", "이/가")).toBe("L4가");
    expect(withParticle("MI300X", "을/를")).toBe("MI300X를");
    expect(withParticle("B200", "과/와")).toBe("B200과");
    expect(withParticle("L4", "과/와")).toBe("L4와");
  });

  it("으로/로 takes 로 after a vowel or ㄹ and 으로 after any other consonant", () => {
    expect(withParticle("L4", "으로/로")).toBe("L4로"); // 엘사
    expect(withParticle("H100", "으로/로")).toBe("H100으로"); // 에이치백
    expect(withParticle("RTX4090", "으로/로")).toBe("RTX4090으로"); // 사천구십
    expect(withParticle("L", "으로/로")).toBe("L로"); // 엘: ㄹ
    expect(withParticle("R", "으로/로")).toBe("R로"); // 알: ㄹ
    expect(withParticle("M", "으로/로")).toBe("M으로"); // 엠: ㅁ
    expect(withParticle("7", "으로/로")).toBe("7로"); // 칠: ㄹ
    expect(withParticle("8", "으로/로")).toBe("8로"); // 팔: ㄹ
    expect(withParticle("6", "으로/로")).toBe("6으로"); // 육: ㄱ
    expect(withParticle("NVL", "은/는")).toBe("NVL은"); // 엔브이엘: ㄹ is still a 받침 for 은
  });
});

describe("withParticle: Korean words by their 받침", () => {
  it("은/는, 이/가, 을/를, 과/와", () => {
    expect(withParticle("모델", "은/는")).toBe("모델은");
    expect(withParticle("학습", "은/는")).toBe("학습은");
    expect(withParticle("데이터", "은/는")).toBe("데이터는");
    expect(withParticle("비용", "이/가")).toBe("비용이");
    expect(withParticle("토큰", "을/를")).toBe("토큰을");
    expect(withParticle("데이터", "을/를")).toBe("데이터를");
    expect(withParticle("메모리", "과/와")).toBe("메모리와");
    expect(withParticle("연산량", "과/와")).toBe("연산량과");
  });

  it("으로/로 treats ㄹ like a vowel", () => {
    expect(withParticle("모델", "으로/로")).toBe("모델로");
    expect(withParticle("서울", "으로/로")).toBe("서울로");
    expect(withParticle("학습", "으로/로")).toBe("학습으로");
    expect(withParticle("데이터", "으로/로")).toBe("데이터로");
    expect(withParticle("원", "으로/로")).toBe("원으로");
  });
});

describe("numbers in their Sino-Korean reading", () => {
  it.each([
    ["0", "consonant"], // 영
    ["1", "rieul"], // 일
    ["2", "vowel"], // 이
    ["3", "consonant"], // 삼
    ["4", "vowel"], // 사
    ["5", "vowel"], // 오
    ["6", "consonant"], // 육
    ["7", "rieul"], // 칠
    ["8", "rieul"], // 팔
    ["9", "vowel"], // 구
    ["10", "consonant"], // 십
    ["100", "consonant"], // 백
    ["1000", "consonant"], // 천
    ["1,000", "consonant"], // 천 (the comma is not read)
    ["10000", "consonant"], // 만
    ["100000", "consonant"], // 십만
    ["100000000", "consonant"], // 억
    ["1000000000000", "vowel"], // 조
    ["10000000000000", "vowel"], // 십조
    ["4090", "consonant"], // 사천구십
    ["2025", "vowel"], // 이천이십오
    ["1.5", "vowel"], // 일 점 오
    ["0.50", "consonant"], // 영 점 오영
  ] as const)("%s ends %s", (number, sound) => {
    expect(finalSound(number)).toBe(sound);
  });

  it("a count before a particle", () => {
    expect(withParticle("8", "은/는")).toBe("8은");
    expect(withParticle("1000000000000", "은/는")).toBe("1000000000000는");
    expect(withParticle("2,048", "이/가")).toBe("2,048이"); // 이천사십팔: 팔
    expect(withParticle("16", "을/를")).toBe("16을"); // 십육
  });
});

describe("Latin letters and words", () => {
  it("capitals are read letter by letter (GB 지비, X 엑스, SXM 에스엑스엠)", () => {
    expect(withParticle("GB", "은/는")).toBe("GB는");
    expect(withParticle("X", "은/는")).toBe("X는");
    expect(withParticle("SXM", "은/는")).toBe("SXM은");
    expect(withParticle("GPU", "이/가")).toBe("GPU가");
    expect(withParticle("LLM", "을/를")).toBe("LLM을");
    expect(withParticle("8x", "으로/로")).toBe("8x로"); // a single small letter is a letter too: 엑스
  });

  it("a word with small letters ends as the loanword does", () => {
    expect(withParticle("Hopper", "은/는")).toBe("Hopper는"); // 호퍼
    expect(withParticle("Blackwell", "으로/로")).toBe("Blackwell로"); // 블랙웰
    expect(withParticle("Qwen", "은/는")).toBe("Qwen은"); // 큐원
    expect(withParticle("Adam", "으로/로")).toBe("Adam으로"); // 아담
    expect(withParticle("LoRA", "으로/로")).toBe("LoRA로"); // 로라
  });
});

describe("what is not read", () => {
  it("a parenthetical, quotes and punctuation at the end are skipped", () => {
    expect(withParticle("H100 (SXM)", "은/는")).toBe("H100 (SXM)은");
    expect(withParticle("L4 (24GB)", "으로/로")).toBe("L4 (24GB)로");
    expect(withParticle("'데이터'", "을/를")).toBe("'데이터'를");
  });

  it("nothing readable gives both forms, as Korean writing does", () => {
    expect(withParticle("", "은/는")).toBe("은(는)");
    expect(withParticle("→", "이/가")).toBe("→이(가)");
    expect(particleFor("%%", "으로/로")).toBe("(으)로");
    expect(finalSound("  ")).toBeUndefined();
  });
});
