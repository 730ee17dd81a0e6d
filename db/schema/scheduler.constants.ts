/** Enum values of the scheduler tables: no drizzle import, so browser code can use them. */
export const JOB_STATUSES = ["pending", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
