/** Enum values of the remediation tables: no drizzle import, so browser code can use them. */
export const TASK_SOURCES = ["answer", "finding"] as const;

export const TASK_STATUSES = ["open", "completed"] as const;
