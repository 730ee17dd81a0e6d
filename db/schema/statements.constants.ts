/** Enum values of the statements tables: no drizzle import, so browser code can use them. */
export const REGIMES = ["uk_msa_s54"] as const;

export const STATEMENT_STATUSES = ["draft", "approved"] as const;
