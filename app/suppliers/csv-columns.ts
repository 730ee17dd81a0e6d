/**
 * The canonical CSV column sets shared by the supplier export (app/suppliers) and the import
 * (app/imports): an export must re-import unchanged, so both sides read their headers from here.
 *
 * Multi-valued cells (goods, tags, parent_external_ref) are joined with LIST_SEPARATOR.
 * Numeric columns are never neutralised against formula injection (see NUMERIC_*_COLUMNS): a
 * leading "-" there is a negative number, not a formula, and prefixing a quote would break the round trip.
 */
export const LIST_SEPARATOR = ";";

export const SUPPLIER_CSV_COLUMNS = [
  "external_ref",
  "name",
  "trade_name",
  /** ISO 3166-1 alpha-2 code */
  "country",
  "address",
  "sector",
  /** semicolon-separated */
  "goods",
  "annual_spend",
  /** ISO 4217 code */
  "currency",
  "status",
  /** semicolon-separated */
  "tags",
  "contact_name",
  "contact_email",
  /** semicolon-separated external references of the parents; empty = direct (tier-1) supplier */
  "parent_external_ref",
] as const;
export type SupplierCsvColumn = (typeof SUPPLIER_CSV_COLUMNS)[number];

/**
 * Read-only risk columns the supplier export appends after the import's columns (an import ignores them:
 * risk is computed, never imported). Unknown stays empty, never 0; coverage says "not_assessed".
 */
export const SUPPLIER_RISK_CSV_COLUMNS = [
  /** the level shown: an approved override in force, else the computed level */
  "risk_level",
  /** computed: max(residual, upstream exposure) */
  "risk_score",
  "inherent_score",
  "residual_score",
  /** assessed / partial / not_assessed */
  "coverage",
  "upstream_exposure",
  /** "via <supplier>, <country>, tier <n> ← …: <reason>" */
  "upstream_path",
  "computed_level",
  "override_until",
] as const;

export const SITE_CSV_COLUMNS = [
  "supplier_external_ref",
  "site_name",
  "address",
  /** ISO 3166-1 alpha-2 code */
  "country",
  "latitude",
  "longitude",
  "workers_total",
  /** 0–100 */
  "migrant_workers_pct",
  /** 0–100 */
  "agency_workers_pct",
  /** "yes" / "no" / empty: employer-provided housing */
  "dormitories",
  /** "yes" / "no" / empty */
  "seasonal_work",
  /** "yes" / "no": the site is in, or sources from, Xinjiang */
  "xinjiang_nexus",
] as const;
export type SiteCsvColumn = (typeof SITE_CSV_COLUMNS)[number];

/** Columns written as plain numbers: exempt from formula-injection neutralisation. */
export const NUMERIC_SUPPLIER_COLUMNS: ReadonlySet<SupplierCsvColumn> = new Set(["annual_spend"]);
export const NUMERIC_SITE_COLUMNS: ReadonlySet<SiteCsvColumn> = new Set([
  "latitude",
  "longitude",
  "workers_total",
  "migrant_workers_pct",
  "agency_workers_pct",
]);
