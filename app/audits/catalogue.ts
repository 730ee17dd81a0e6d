import { AUDIT_SCHEMES, FINDING_GRADES, type FindingGrade } from "~db/schema/audits.constants";

export { AUDIT_SCHEMES, FINDING_GRADES, type FindingGrade };
export type AuditScheme = (typeof AUDIT_SCHEMES)[number];

/**
 * One configurable scale that maps onto the schemes' own grades (SMETA critical→minor + observations,
 * RBA Priority/Major/Minor, BSCI crucial areas): zero tolerance is what no scheme lets a supplier fix
 * "in due course" (e.g. retained passports, bonded labour).
 */
export const GRADE_LABELS: Record<FindingGrade, string> = {
  zero_tolerance: "Zero tolerance",
  critical: "Critical",
  major: "Major",
  minor: "Minor",
  observation: "Observation",
};

export type GradeTone = "red" | "orange" | "amber" | "slate";

export const GRADE_TONES: Record<FindingGrade, GradeTone> = {
  zero_tolerance: "red",
  critical: "red",
  major: "orange",
  minor: "amber",
  observation: "slate",
};

/** The ILO's 11 indicators of forced labour, numbered as in the ILO publication (domain.md §3). */
export const ILO_INDICATORS: Record<string, string> = {
  "1": "Abuse of vulnerability",
  "2": "Deception",
  "3": "Restriction of movement",
  "4": "Isolation",
  "5": "Physical and sexual violence",
  "6": "Intimidation and threats",
  "7": "Retention of identity documents",
  "8": "Withholding of wages",
  "9": "Debt bondage",
  "10": "Abusive working and living conditions",
  "11": "Excessive overtime",
};
export const ILO_INDICATOR_NUMBERS = Object.keys(ILO_INDICATORS) as [string, ...string[]];

export function iloIndicatorLabel(n: string | null | undefined): string | null {
  if (!n || !ILO_INDICATORS[n]) return null;
  return `${n}. ${ILO_INDICATORS[n]}`;
}

/** Findings counted per grade, every grade present (zero when none) so tables line up. */
export function countByGrade(grades: Iterable<FindingGrade>): Record<FindingGrade, number> {
  const out = Object.fromEntries(FINDING_GRADES.map((g) => [g, 0])) as Record<FindingGrade, number>;
  for (const g of grades) out[g] += 1;
  return out;
}
