import { SUPPLIER_CSV_COLUMNS, type SupplierCsvColumn } from "~/suppliers/csv-columns";

/** The fields a supplier CSV can fill: the export's columns, so an export re-imports unchanged. */
export const IMPORT_FIELDS = SUPPLIER_CSV_COLUMNS;
export type ImportField = SupplierCsvColumn;

/** Canonical field → index of the header it is read from; a missing field is not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Without these no row can be matched or created. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["external_ref", "name", "country"];

export const FIELD_LABELS: Record<ImportField, string> = {
  external_ref: "External reference (ERP id)",
  name: "Legal name",
  trade_name: "Trade name",
  country: "Country",
  address: "Address",
  sector: "Sector",
  goods: "Goods (separated by ;)",
  annual_spend: "Annual spend",
  currency: "Currency",
  status: "Status",
  tags: "Tags (separated by ;)",
  contact_name: "Contact name",
  contact_email: "Contact email",
  parent_external_ref: "Parent reference(s)",
};

/** Header names seen in ERP and spreadsheet exports, normalised (see normaliseHeader). */
const SYNONYMS: Record<ImportField, string[]> = {
  external_ref: [
    "external ref",
    "external reference",
    "erp id",
    "erp ref",
    "erp reference",
    "erp number",
    "vendor id",
    "vendor no",
    "vendor number",
    "vendor code",
    "vendor ref",
    "supplier id",
    "supplier no",
    "supplier number",
    "supplier code",
    "supplier ref",
    "supplier reference",
    "id",
    "ref",
    "reference",
    "lieferantennummer",
    "kreditor",
    "kreditorennummer",
  ],
  name: [
    "name",
    "legal name",
    "supplier",
    "supplier name",
    "vendor",
    "vendor name",
    "company",
    "company name",
    "registered name",
    "lieferant",
    "firma",
    "raison sociale",
    "fournisseur",
  ],
  trade_name: ["trade name", "trading name", "dba", "doing business as", "brand", "brand name"],
  country: [
    "country",
    "country code",
    "country name",
    "iso country",
    "country iso",
    "land",
    "pays",
    "pais",
    "nation",
  ],
  address: ["address", "full address", "street address", "street", "adresse", "anschrift", "direccion"],
  sector: ["sector", "industry", "industry sector", "category", "branche", "secteur"],
  goods: ["goods", "commodities", "commodity", "products", "product", "materials", "material"],
  annual_spend: [
    "annual spend",
    "spend",
    "yearly spend",
    "annual value",
    "spend amount",
    "amount",
    "purchase volume",
    "einkaufsvolumen",
  ],
  currency: ["currency", "currency code", "ccy", "waehrung", "wahrung", "devise", "moneda"],
  status: ["status", "supplier status", "vendor status", "state"],
  tags: ["tags", "tag", "labels", "label"],
  contact_name: ["contact name", "contact", "contact person", "primary contact", "ansprechpartner"],
  contact_email: [
    "contact email",
    "email",
    "e mail",
    "email address",
    "e mail address",
    "mail",
    "contact e mail",
  ],
  parent_external_ref: [
    "parent external ref",
    "parent ref",
    "parent reference",
    "parent refs",
    "parent",
    "parents",
    "parent id",
    "parent erp id",
    "parent supplier",
    "parent supplier id",
    "parent vendor id",
    "supplies to",
  ],
};

/** Case, accents, underscores and punctuation do not matter in headers. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const BY_SYNONYM = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  BY_SYNONYM.set(normaliseHeader(field), field);
  for (const s of SYNONYMS[field]) if (!BY_SYNONYM.has(s)) BY_SYNONYM.set(s, field);
}

/**
 * The key under which an organisation's mapping for this header row is remembered. A trailing "error"
 * column (our error report, fixed and re-uploaded) does not change it, so the same mapping applies.
 */
export function headerSignature(headers: readonly string[]): string {
  const normalised = headers.map(normaliseHeader);
  if (normalised.length > 1 && normalised[normalised.length - 1] === "error") normalised.pop();
  return normalised.join("|");
}

/** Best guess from the header names: each field takes the first header that names it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((h, index) => {
    const field = BY_SYNONYM.get(normaliseHeader(h));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/**
 * A remembered mapping only applies when it fits the headers (same signature means same count), and its
 * indexes are re-checked so a tampered row cannot point outside the file.
 */
export function sanitiseMapping(raw: unknown, headerCount: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!raw || typeof raw !== "object") return mapping;
  for (const field of IMPORT_FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < headerCount) {
      mapping[field] = value;
    }
  }
  return mapping;
}

/** Field errors for a mapping the user submitted: required fields present, no header used twice. */
export function mappingErrors(mapping: ColumnMapping, headers: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === undefined)
      errors[field] = `Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}.`;
  }
  const usedBy = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    const other = usedBy.get(index);
    if (other) {
      errors[field] = `Column "${headers[index]}" is already used for ${FIELD_LABELS[other].toLowerCase()}.`;
    } else usedBy.set(index, field);
  }
  return errors;
}
