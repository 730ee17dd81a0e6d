/** Enum values of the risk tables: no drizzle import, so browser code can use them. */
export const OVERRIDE_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

export const RISK_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type RiskJobStatus = (typeof RISK_JOB_STATUSES)[number];
