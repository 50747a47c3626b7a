import type { Args } from "../catalogue-types.js";
import type { VAT_EN } from "../en/vat.js";

/** Korean: the same codes as ../en/vat.ts. */
export const VAT_KO: { readonly [K in keyof typeof VAT_EN]: (a: Args) => string } = {
  "vat.unit": (a: Args) => (a.included ? `부가세 ${a.rate}% 포함` : "부가세 별도"),
  "vat.costs": (a: Args) => (a.included ? `비용은 부가세 ${a.rate}% 포함 (${a.law})` : "비용은 부가세 별도"),
  "warn.staleFx": (a: Args) =>
    `환율(${a.rate}원/달러, ${a.date} 기준)이 ${a.days}일 지난 값입니다(허용 ${a.max}일). 원화 금액이 실제와 다를 수 있으니 --fx 옵션이나 설정 파일의 fx 항목(krwPerUsd, date, source)으로 최신 환율을 지정하세요`,
  "vat.taxes": (a: Args) =>
    a.included
      ? `비용은 한국 부가세 ${a.rate}% 포함 (${a.law}); GPU 시간당 가격은 부가세 별도인 정가`
      : `가격은 부가세와 판매세 별도 (한국 부가세는 해당되는 경우 ${a.rate}%)`,
  "fx.default": () => "기본값",
  "fx.config": () => "기본값 대신 사용",
};
