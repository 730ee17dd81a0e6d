import type { AuditScheme, FindingGrade } from "./catalogue";

/**
 * How each scheme grades findings, in its own words, mapped onto the organisation's scale (domain.md §5,
 * §9): SMETA grades non-compliances critical to minor, plus observations (and flags business-critical
 * issues such as forced labour); RBA grades Priority / Major / Minor (plan within 7 days for Priority);
 * amfori BSCI rates performance areas A–E with a zero-tolerance flag (below B needs follow-up); SA8000
 * grades critical / major / minor non-conformities. An organisation can remap any word in settings.
 */
export type SchemeWord = { word: string; grade: FindingGrade };

export const DEFAULT_SCHEME_VOCABULARY: Record<AuditScheme, SchemeWord[]> = {
  SMETA: [
    { word: "Business critical", grade: "zero_tolerance" },
    { word: "Critical", grade: "critical" },
    { word: "Major", grade: "major" },
    { word: "Minor", grade: "minor" },
    { word: "Observation", grade: "observation" },
  ],
  RBA: [
    { word: "Priority", grade: "critical" },
    { word: "Major", grade: "major" },
    { word: "Minor", grade: "minor" },
    { word: "Risk of non-conformance", grade: "observation" },
  ],
  "amfori BSCI": [
    { word: "Zero tolerance", grade: "zero_tolerance" },
    { word: "E", grade: "critical" },
    { word: "D", grade: "major" },
    { word: "C", grade: "minor" },
    { word: "B", grade: "observation" },
  ],
  SA8000: [
    { word: "Critical non-conformity", grade: "critical" },
    { word: "Major non-conformity", grade: "major" },
    { word: "Minor non-conformity", grade: "minor" },
    { word: "Observation", grade: "observation" },
  ],
  Internal: [
    { word: "Zero tolerance", grade: "zero_tolerance" },
    { word: "Critical", grade: "critical" },
    { word: "Major", grade: "major" },
    { word: "Minor", grade: "minor" },
    { word: "Observation", grade: "observation" },
  ],
  Other: [
    { word: "Zero tolerance", grade: "zero_tolerance" },
    { word: "Critical", grade: "critical" },
    { word: "Major", grade: "major" },
    { word: "Minor", grade: "minor" },
    { word: "Observation", grade: "observation" },
  ],
};

/** The organisation's vocabulary: the defaults with its own remappings applied (by scheme and word). */
export function mergeVocabulary(
  overrides: { scheme: AuditScheme; word: string; grade: FindingGrade }[],
): Record<AuditScheme, SchemeWord[]> {
  const out = Object.fromEntries(
    Object.entries(DEFAULT_SCHEME_VOCABULARY).map(([scheme, words]) => [
      scheme,
      words.map((w) => ({ ...w })),
    ]),
  ) as Record<AuditScheme, SchemeWord[]>;
  for (const o of overrides) {
    const words = out[o.scheme];
    const hit = words.find((w) => w.word.toLowerCase() === o.word.toLowerCase());
    if (hit) hit.grade = o.grade;
    else words.push({ word: o.word, grade: o.grade });
  }
  return out;
}

/** The grade a scheme word maps to, case-insensitively; null when the scheme has no such word. */
export function gradeForWord(vocabulary: SchemeWord[], word: string): FindingGrade | null {
  const w = word.trim().toLowerCase();
  return vocabulary.find((v) => v.word.toLowerCase() === w)?.grade ?? null;
}
