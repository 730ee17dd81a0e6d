/** Enum values of the imports tables: no drizzle import, so browser code can use them. */
export const IMPORT_STATUSES = ["mapping", "queued", "running", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** rows: validate + upsert suppliers; links: parent links (needs every row of the file first); finish: tiers. */
export const IMPORT_PHASES = ["rows", "links", "finish"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** What a file holds: suppliers (the background pipeline) or sites of existing suppliers (one transaction). */
export const IMPORT_KINDS = ["suppliers", "sites"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
