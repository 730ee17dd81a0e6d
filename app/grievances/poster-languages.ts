import { isIntakeLanguage, type IntakeLanguage } from "./languages";

/**
 * The languages a site's poster is printed in when the user does not choose: what workers at a site in
 * that country are most likely to read. The country's own language first, then the languages of the
 * migrant workforces the sector reports document for that country (Myanmar and Cambodian workers in
 * Thailand; Indonesian, Bangladeshi, Nepali and Myanmar workers in Malaysia; South Asian workers in the
 * Gulf; Syrian refugees in Türkiye's garment sector), then English. A country not listed gets English
 * only, which the site page says, so the user can choose instead. Only intake languages appear: a
 * poster points to a page that must exist in its language.
 */
const BY_COUNTRY: Record<string, IntakeLanguage[]> = {
  BD: ["bn"],
  IN: ["hi"],
  NP: ["ne"],
  MM: ["my"],
  KH: ["km"],
  TH: ["th", "my", "km"],
  MY: ["id", "bn", "ne", "my"],
  SA: ["ar", "hi", "ne", "bn"],
  AE: ["ar", "hi", "ne", "bn"],
  QA: ["ar", "hi", "ne", "bn"],
  KW: ["ar", "hi", "ne", "bn"],
  BH: ["ar", "hi", "ne", "bn"],
  OM: ["ar", "hi", "ne", "bn"],
  JO: ["ar", "bn", "hi"],
  EG: ["ar"],
  MA: ["ar", "fr"],
  TN: ["ar", "fr"],
  DZ: ["ar", "fr"],
  LB: ["ar"],
  IQ: ["ar"],
  CN: ["zh-Hans"],
  VN: ["vi"],
  ID: ["id"],
  TR: ["tr", "ar"],
  BR: ["pt"],
  PT: ["pt"],
  AO: ["pt"],
  MZ: ["pt"],
  ES: ["es"],
  MX: ["es"],
  GT: ["es"],
  HN: ["es"],
  SV: ["es"],
  NI: ["es"],
  CO: ["es"],
  PE: ["es"],
  EC: ["es"],
  BO: ["es"],
  AR: ["es"],
  CL: ["es"],
  PY: ["es"],
  DO: ["es"],
  FR: ["fr"],
  CI: ["fr"],
  SN: ["fr"],
  CM: ["fr"],
  ML: ["fr"],
  BF: ["fr"],
  CD: ["fr"],
  HT: ["fr"],
  MG: ["fr"],
};

export function defaultPosterLanguages(country: string | null | undefined): IntakeLanguage[] {
  const local = BY_COUNTRY[(country ?? "").toUpperCase()] ?? [];
  return [...new Set<IntakeLanguage>([...local, "en"])];
}

/** Languages chosen in the request (`?lang=bn&lang=en`), in order, deduplicated; unknown codes dropped. */
export function chosenPosterLanguages(values: readonly string[]): IntakeLanguage[] {
  return [...new Set(values.filter(isIntakeLanguage))];
}
