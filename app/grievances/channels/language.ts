import type { IntakeLanguage } from "../languages";

/**
 * The language of a text message, from its script (a text has no Accept-Language): Bengali, Devanagari,
 * Myanmar, Khmer, Thai, Arabic and Han each name one intake language; Devanagari is Nepali when the
 * number's own language is Nepali, else Hindi. Latin script (and digits only) cannot tell English from
 * Spanish or Indonesian, so it takes the language configured for the number. Pure.
 */
const SCRIPTS: [RegExp, IntakeLanguage][] = [
  [/[\u0980-\u09ff]/u, "bn"],
  [/[\u1000-\u109f]/u, "my"],
  [/[\u1780-\u17ff]/u, "km"],
  [/[\u0e00-\u0e7f]/u, "th"],
  [/[\u0600-\u06ff\u0750-\u077f]/u, "ar"],
  [/[\u3400-\u4dbf\u4e00-\u9fff]/u, "zh-Hans"],
];

export function languageOfText(text: string, fallback: IntakeLanguage): IntakeLanguage {
  for (const [script, lang] of SCRIPTS) if (script.test(text)) return lang;
  // The danda (U+0964/5) sits in the Devanagari block but ends Bengali sentences too: not a sign.
  if (/[\u0900-\u0963\u0966-\u097f]/u.test(text)) return fallback === "ne" ? "ne" : "hi";
  return fallback;
}
