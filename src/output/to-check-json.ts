import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import type { CheckResult } from "../job/check-claim.js";
import type { CheckJson } from "./check-json.js";

/** The check's JSON with its sentences in `lang` (English keeps the JSON as it always was). */
export function toCheckJson(c: CheckResult, lang: Lang): CheckJson {
  const say = (m: Parameters<typeof render>[0]): string => render(m, lang);
  return {
    ...c,
    inputs: { ...c.inputs, tokensBasis: say(c.inputs.tokensBasis) },
    estimate: { ...c.estimate, priceRule: c.estimate.priceRule && say(c.estimate.priceRule) },
    implied: {
      ...c.implied,
      usdPerGpuHourBasis: c.implied.usdPerGpuHourBasis && say(c.implied.usdPerGpuHourBasis),
      tokensBasis: c.implied.tokensBasis && say(c.implied.tokensBasis),
    },
    claims: c.claims.map((claim) => ({
      ...claim,
      text: say(claim.text),
      rangeBasis: say(claim.rangeBasis),
      summary: say(claim.summary),
    })),
    summary: say(c.summary),
    published: { ...c.published, note: say(c.published.note) },
  };
}
