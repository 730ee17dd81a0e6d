/** Enum values of the orgs tables: no drizzle import, so browser code can use them. */
export const ROLES = ["admin", "procurement", "auditor", "executive"] as const;
export type Role = (typeof ROLES)[number];

/** Why an account token exists (see `account_tokens`). */
export const ACCOUNT_TOKEN_PURPOSES = ["signup", "password_reset", "login_2fa"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
