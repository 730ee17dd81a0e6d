import { unneutraliseCell } from "~/suppliers/csv";
import { siteSchema } from "~/suppliers/sites.server";
import { matchCountry } from "../country-match";
import { SITE_FIELD_LABELS, type SiteField, type SiteMapping } from "./mapping";

/** A site row as the sites page would store it (siteSchema's output). */
export type SiteValues = ReturnType<typeof siteSchema.parse>;

export type ParsedSiteRow = {
  supplierRef: string;
  /** Null when the row has errors. */
  site: SiteValues | null;
  /** Which of the site's columns the file maps: an update leaves the others as they are. */
  mapped: readonly (keyof SiteValues)[];
  errors: string[];
};

const YES = new Set(["yes", "y", "true", "1", "x", "ja", "oui", "si", "sí"]);
const NO = new Set(["no", "n", "false", "0", "nein", "non"]);

/** yes / no / "" (unknown) as the site form sends them, or undefined for anything else. */
function yesNo(cell: string): "yes" | "no" | "" | undefined {
  const v = cell.trim().toLowerCase();
  if (!v) return "";
  if (YES.has(v)) return "yes";
  if (NO.has(v)) return "no";
  return undefined;
}

/** "35", "35 %", "12,5" (a decimal comma) as the site form's number text; "" stays blank. */
function numberText(cell: string, percent: boolean): string {
  let v = cell.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (percent) v = v.replace(/%$/, "");
  if (/^-?\d+,\d+$/.test(v)) v = v.replace(",", ".");
  return v;
}

const COLUMN: Partial<Record<SiteField, keyof SiteValues>> = {
  site_name: "name",
  country: "country",
  address: "address",
  latitude: "latitude",
  longitude: "longitude",
  workers_total: "workersTotal",
  migrant_workers_pct: "migrantWorkersPct",
  agency_workers_pct: "agencyWorkersPct",
  housing: "dormitories",
  seasonal_work: "seasonalWork",
  xinjiang_nexus: "xinjiangNexus",
};

const FIELD_OF: Record<string, SiteField> = {
  name: "site_name",
  country: "country",
  address: "address",
  latitude: "latitude",
  longitude: "longitude",
  workersTotal: "workers_total",
  migrantWorkersPct: "migrant_workers_pct",
  agencyWorkersPct: "agency_workers_pct",
  dormitories: "housing",
  seasonalWork: "seasonal_work",
  xinjiangNexus: "xinjiang_nexus",
};

/**
 * One row of a site file: the supplier's reference and the site's fields, checked by the same rules as
 * the sites page (siteSchema), after reading spreadsheet habits (country names, "35 %", "Yes"/"Y"/"1").
 * Every problem is one message naming its column, so the error report can be fixed and re-uploaded.
 */
export function parseSiteRow(cells: readonly string[], mapping: SiteMapping): ParsedSiteRow {
  const cell = (f: SiteField) => {
    const index = mapping[f];
    return index === undefined ? undefined : unneutraliseCell((cells[index] ?? "").trim());
  };
  const errors: string[] = [];
  const supplierRef = cell("supplier_ref") ?? "";
  if (!supplierRef) errors.push("Supplier reference is blank.");

  const input: Record<string, unknown> = {};
  const mapped: (keyof SiteValues)[] = [];
  for (const [field, column] of Object.entries(COLUMN) as [SiteField, keyof SiteValues][]) {
    const raw = cell(field);
    if (raw === undefined) continue;
    mapped.push(column);
    if (field === "country") {
      const code = raw ? matchCountry(raw) : null;
      if (!raw) errors.push("Country is blank.");
      else if (!code) errors.push(`Country "${raw}" is not a country we know (use a name or ISO code).`);
      input.country = code ?? "";
    } else if (field === "housing" || field === "seasonal_work" || field === "xinjiang_nexus") {
      const v = yesNo(raw);
      if (v === undefined)
        errors.push(`${SITE_FIELD_LABELS[field]}: "${raw}" is not yes or no (leave it blank when unknown).`);
      input[column] = v ?? "";
    } else if (
      field === "latitude" ||
      field === "longitude" ||
      field === "workers_total" ||
      field === "migrant_workers_pct" ||
      field === "agency_workers_pct"
    ) {
      input[column] = numberText(raw, field.endsWith("_pct"));
    } else input[column] = raw;
  }
  if (input.country === undefined) input.country = "";

  const result = siteSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      // The country's own message is above; the schema's "choose from the list" would repeat it.
      if (key === "country" && errors.some((e) => e.startsWith("Country"))) continue;
      const field = FIELD_OF[key];
      errors.push(field ? `${SITE_FIELD_LABELS[field]}: ${issue.message}` : issue.message);
    }
  }
  return { supplierRef, site: errors.length || !result.success ? null : result.data, mapped, errors };
}
