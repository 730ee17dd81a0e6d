/** Enum values of the single sign-on tables: no drizzle import, so browser code can use them. */

/** How a session was opened: `sso` sessions survive "require single sign-on"; `password` ones do not. */
export const SESSION_AUTH_METHODS = ["password", "sso"] as const;
export type SessionAuthMethod = (typeof SESSION_AUTH_METHODS)[number];
