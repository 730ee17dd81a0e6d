/** Enum values of the portal tables: no drizzle import, so browser code can use them. */
export const REVIEW_DECISIONS = ["accepted", "returned"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
