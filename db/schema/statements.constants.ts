/** Enum values of the statements tables: no drizzle import, so browser code can use them. */
export const REGIMES = ["uk_msa_s54", "au_msa_s16", "ca_s211", "us_ca_sb657"] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * draft → in_review → approved (by the named governing body on a date) → signed → published. Approved and
 * later versions are immutable; a change is a new version (revision) of the statement.
 */
export const STATEMENT_STATUSES = ["draft", "in_review", "approved", "signed", "published"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Statuses whose text and facts are frozen. */
export const FROZEN_STATUSES: readonly StatementStatus[] = ["approved", "signed", "published"];
