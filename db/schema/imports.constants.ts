/** Enum values of the imports tables: no drizzle import, so browser code can use them. */
export const IMPORT_STATUSES = ["mapping", "queued", "running", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** rows: validate + upsert suppliers; links: parent links (needs every row of the file first); finish: tiers. */
export const IMPORT_PHASES = ["rows", "links", "finish"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** What a file holds: suppliers (the background pipeline) or sites of existing suppliers (one transaction). */
export const IMPORT_KINDS = ["suppliers", "sites"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A row problem is an error (the row was not imported) or a warning (the supplier was saved, but one of
 * its parent links was not: the parent is unknown, its row failed, or the link would close a cycle).
 */
export const IMPORT_PROBLEM_SEVERITIES = ["error", "warning"] as const;
export type ImportProblemSeverity = (typeof IMPORT_PROBLEM_SEVERITIES)[number];
