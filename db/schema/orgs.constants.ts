/** Enum values of the orgs tables: no drizzle import, so browser code can use them. */
export const ROLES = ["admin", "procurement", "auditor", "executive"] as const;
export type Role = (typeof ROLES)[number];
