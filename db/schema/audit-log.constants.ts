/** Enum values of the audit-log tables: no drizzle import, so browser code can use them. */
export const ACTOR_TYPES = ["user", "supplier", "system", "api_key"] as const;
