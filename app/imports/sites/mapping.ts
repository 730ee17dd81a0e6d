import { normaliseHeader } from "../mapping";

/**
 * The fields a site file can fill. A site belongs to a supplier already in Clearsource, found by the
 * supplier's external reference (the same one the supplier import matches on); within that supplier a
 * site is matched by its name, so re-importing a file updates its sites instead of adding them twice.
 */
export const SITE_FIELDS = [
  "supplier_ref",
  "site_name",
  "country",
  "address",
  "latitude",
  "longitude",
  "workers_total",
  "migrant_workers_pct",
  "agency_workers_pct",
  "housing",
  "seasonal_work",
  "xinjiang_nexus",
] as const;
export type SiteField = (typeof SITE_FIELDS)[number];
export type SiteMapping = Partial<Record<SiteField, number>>;

export const SITE_REQUIRED_FIELDS: readonly SiteField[] = ["supplier_ref", "site_name", "country"];

export const SITE_FIELD_LABELS: Record<SiteField, string> = {
  supplier_ref: "Supplier reference (external ref)",
  site_name: "Site name",
  country: "Country",
  address: "Address",
  latitude: "Latitude",
  longitude: "Longitude",
  workers_total: "Number of workers",
  migrant_workers_pct: "Migrant workers (%)",
  agency_workers_pct: "Agency or contract workers (%)",
  housing: "Employer-provided housing (yes/no)",
  seasonal_work: "Seasonal work (yes/no)",
  xinjiang_nexus: "Xinjiang nexus (yes/no)",
};

const SYNONYMS: Record<SiteField, string[]> = {
  supplier_ref: [
    "supplier ref",
    "supplier reference",
    "supplier external ref",
    "supplier id",
    "supplier code",
    "supplier no",
    "supplier number",
    "external ref",
    "external reference",
    "vendor id",
    "vendor no",
    "vendor number",
    "vendor code",
    "erp id",
    "lieferantennummer",
    "kreditor",
  ],
  site_name: [
    "site",
    "site name",
    "facility",
    "facility name",
    "factory",
    "factory name",
    "plant",
    "plant name",
    "location",
    "location name",
    "werk",
    "standort",
    "usine",
  ],
  country: ["country", "site country", "country code", "country name", "land", "pays", "pais"],
  address: ["address", "site address", "street address", "adresse", "anschrift", "direccion"],
  latitude: ["latitude", "lat"],
  longitude: ["longitude", "lon", "lng", "long"],
  workers_total: [
    "workers",
    "workers total",
    "number of workers",
    "total workers",
    "headcount",
    "employees",
    "number of employees",
    "mitarbeiter",
  ],
  migrant_workers_pct: [
    "migrant workers pct",
    "migrant workers",
    "migrant workers percent",
    "migrant share",
    "migrant",
    "migrants",
    "share migrant workers",
  ],
  agency_workers_pct: [
    "agency workers pct",
    "agency workers",
    "agency share",
    "agency",
    "contract workers",
    "contract workers pct",
    "agency contract workers",
    "temporary workers",
  ],
  housing: [
    "housing",
    "dormitories",
    "dormitory",
    "employer housing",
    "employer provided housing",
    "worker housing",
    "accommodation",
  ],
  seasonal_work: ["seasonal work", "seasonal", "seasonal workers", "peak season workers"],
  xinjiang_nexus: ["xinjiang nexus", "xinjiang", "xuar", "xinjiang link", "uflpa nexus"],
};

const BY_SYNONYM = new Map<string, SiteField>();
for (const field of SITE_FIELDS) {
  BY_SYNONYM.set(normaliseHeader(field), field);
  for (const s of SYNONYMS[field]) if (!BY_SYNONYM.has(s)) BY_SYNONYM.set(s, field);
}

/** Best guess from the header names: each field takes the first header that names it. */
export function suggestSiteMapping(headers: readonly string[]): SiteMapping {
  const mapping: SiteMapping = {};
  headers.forEach((h, index) => {
    const field = BY_SYNONYM.get(normaliseHeader(h));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** Only known fields pointing inside the header row (a stored or submitted mapping is re-checked). */
export function sanitiseSiteMapping(raw: unknown, headerCount: number): SiteMapping {
  const mapping: SiteMapping = {};
  if (!raw || typeof raw !== "object") return mapping;
  for (const field of SITE_FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < headerCount) {
      mapping[field] = value;
    }
  }
  return mapping;
}

/** Field errors for a submitted mapping: required fields present, no column used twice. */
export function siteMappingErrors(mapping: SiteMapping, headers: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of SITE_REQUIRED_FIELDS) {
    if (mapping[field] === undefined)
      errors[field] = `Choose the column that holds the ${SITE_FIELD_LABELS[field].toLowerCase()}.`;
  }
  const usedBy = new Map<number, SiteField>();
  for (const field of SITE_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    const other = usedBy.get(index);
    if (other) {
      errors[field] =
        `Column "${headers[index]}" is already used for ${SITE_FIELD_LABELS[other].toLowerCase()}.`;
    } else usedBy.set(index, field);
  }
  return errors;
}
