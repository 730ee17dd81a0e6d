/** Enum values of the audits tables: no drizzle import, so browser code can use them. */
export const AUDIT_SCHEMES = ["SMETA", "amfori BSCI", "RBA", "SA8000", "Internal", "Other"] as const;

export const FINDING_GRADES = ["zero_tolerance", "critical", "major", "minor", "observation"] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];

export const FINDING_STATUSES = ["open", "closed"] as const;

/**
 * What a follow-up audit decided about a finding of an earlier audit of the same supplier: graded again
 * (deadlines follow the new grade), closed as verified by the audit, or reopened.
 */
export const FOLLOW_UP_OUTCOMES = ["regraded", "closed", "reopened"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
