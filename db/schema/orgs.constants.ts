/** Enum values of the orgs tables: no drizzle import, so browser code can use them. */
/**
 * `grievance_handler` and `grievance_custodian` are for the people who run the worker channel; they see
 * cases and nothing else of procurement, and nobody else (not even admins) sees cases (D28).
 */
export const ROLES = [
  "admin",
  "procurement",
  "auditor",
  "executive",
  "grievance_handler",
  "grievance_custodian",
] as const;
export type Role = (typeof ROLES)[number];

/** Why an account token exists (see `account_tokens`). */
export const ACCOUNT_TOKEN_PURPOSES = ["signup", "password_reset", "login_2fa"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
