/** Enum values of the questionnaires tables: no drizzle import, so browser code can use them. */
export const ASSIGNMENT_STATUSES = [
  "sent",
  "in_progress",
  "submitted",
  "accepted",
  "returned",
  "revoked",
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
