import { unneutraliseCell } from "~/suppliers/csv";
import { LIST_SEPARATOR } from "~/suppliers/csv-columns";
import { isCurrencyCode } from "~/suppliers/currencies";
import { normaliseGoods, normaliseTags, type GoodsIndex } from "~/suppliers/goods";
import { normaliseSector } from "~/suppliers/sectors";
import { SUPPLIER_STATUSES, type SupplierStatus } from "~db/schema/suppliers.constants";
import { matchCountry } from "./country-match";
import type { ColumnMapping, ImportField } from "./mapping";

/**
 * The supplier fields one row sets. A field that is undefined was not mapped (or, for the NOT NULL
 * columns sector/status/contact, left blank): an update keeps the stored value, a new supplier gets the
 * default. A blank cell in a nullable column (trade name, address, spend, currency) clears it.
 */
export type RowValues = {
  externalRef: string;
  name: string;
  country: string;
  tradeName?: string | null;
  address?: string | null;
  sector?: string;
  goods?: string[];
  annualSpend?: number | null;
  currency?: string | null;
  status?: SupplierStatus;
  tags?: string[];
  contactName?: string;
  contactEmail?: string;
};

export type ParsedRow = {
  values: RowValues;
  /** undefined: no parent column mapped; []: blank (a direct, tier-1 supplier). */
  parentRefs: string[] | undefined;
  errors: string[];
};

export const MAX_TEXT = 200;
export const MAX_ADDRESS = 500;

const CURRENCY_SYMBOLS: Record<string, string> = { "€": "EUR", $: "USD", US$: "USD", "£": "GBP", "¥": "JPY" };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Spend as people type it: "1234.5", "1,234.50", "1.234,50", "1 234,5", "1'234". Null for blank;
 * NaN for anything else (reported as a bad number).
 */
export function parseAmount(input: string): number | null {
  const raw = input.replace(/[\s\u00a0\u202f'’]/g, "");
  if (!raw) return null;
  if (!/^-?[\d.,]+$/.test(raw) || !/\d/.test(raw)) return Number.NaN;
  let s = raw;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator.
    s = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (lastDot >= 0 && /^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

export function parseParentRefs(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(LIST_SEPARATOR)) {
    const ref = part.trim();
    if (ref && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/**
 * A 100,000-row file repeats the same few hundred country and goods cells: normalising each distinct
 * cell once keeps validation cheap. Bounded, so a file of all-different cells cannot grow them forever.
 */
const CACHE_LIMIT = 10_000;
const countryCache = new Map<string, string | null>();
const goodsCache = new WeakMap<GoodsIndex, Map<string, string[]>>();

function cachedCountry(cell: string): string | null {
  let code = countryCache.get(cell);
  if (code === undefined) {
    if (countryCache.size >= CACHE_LIMIT) countryCache.clear();
    code = matchCountry(cell);
    countryCache.set(cell, code);
  }
  return code;
}

function cachedGoods(index: GoodsIndex, cell: string): string[] {
  let cache = goodsCache.get(index);
  if (!cache) goodsCache.set(index, (cache = new Map()));
  let goods = cache.get(cell);
  if (!goods) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    goods = normaliseGoods(index, cell);
    cache.set(cell, goods);
  }
  // A copy: callers may keep or change their row's list.
  return goods.slice();
}

function truncated(label: string, value: string, max: number, errors: string[]): string {
  if (value.length > max) errors.push(`${label} is longer than ${max} characters`);
  return value;
}

/** Validate and normalise one CSV row (cells already trimmed by the parser). */
export function parseRow(cells: readonly string[], mapping: ColumnMapping, goods: GoodsIndex): ParsedRow {
  const errors: string[] = [];
  const cell = (field: ImportField): string | undefined => {
    const index = mapping[field];
    if (index === undefined) return undefined;
    return unneutraliseCell((cells[index] ?? "").trim());
  };

  const externalRef = cell("external_ref") ?? "";
  if (!externalRef) errors.push("missing external reference");
  else truncated("external reference", externalRef, MAX_TEXT, errors);

  const name = cell("name") ?? "";
  if (!name) errors.push("missing name");
  else truncated("name", name, MAX_TEXT, errors);

  const countryCell = cell("country") ?? "";
  let country = "";
  if (!countryCell) errors.push("missing country");
  else {
    country = cachedCountry(countryCell) ?? "";
    if (!country) errors.push(`unknown country "${countryCell}"`);
  }

  const values: RowValues = { externalRef, name, country };

  const tradeName = cell("trade_name");
  if (tradeName !== undefined)
    values.tradeName = tradeName ? truncated("trade name", tradeName, MAX_TEXT, errors) : null;

  const address = cell("address");
  if (address !== undefined)
    values.address = address ? truncated("address", address, MAX_ADDRESS, errors) : null;

  const sector = cell("sector");
  if (sector) {
    const match = normaliseSector(sector);
    if (match) values.sector = match;
    else errors.push(`unknown sector "${sector}"`);
  }

  const goodsCell = cell("goods");
  if (goodsCell !== undefined) values.goods = cachedGoods(goods, goodsCell);

  const spend = cell("annual_spend");
  if (spend !== undefined) {
    const amount = parseAmount(spend);
    if (amount === null) values.annualSpend = null;
    else if (Number.isNaN(amount) || !Number.isFinite(amount))
      errors.push(`annual spend "${spend}" is not a number`);
    else if (amount < 0) errors.push(`annual spend "${spend}" is negative`);
    else values.annualSpend = amount;
  }

  const currencyCell = cell("currency");
  if (currencyCell !== undefined) {
    const code = CURRENCY_SYMBOLS[currencyCell] ?? currencyCell.toUpperCase();
    if (!currencyCell) values.currency = null;
    else if (isCurrencyCode(code)) values.currency = code;
    else errors.push(`unknown currency "${currencyCell}" (use an ISO 4217 code such as EUR or USD)`);
  }

  const status = cell("status");
  if (status) {
    const match = SUPPLIER_STATUSES.find((s) => s === status.toLowerCase());
    if (match) values.status = match;
    else errors.push(`unknown status "${status}" (use one of ${SUPPLIER_STATUSES.join(", ")})`);
  }

  const tags = cell("tags");
  if (tags !== undefined) values.tags = normaliseTags(tags);

  const contactName = cell("contact_name");
  if (contactName) values.contactName = truncated("contact name", contactName, MAX_TEXT, errors);

  const email = cell("contact_email");
  if (email) {
    const lower = email.toLowerCase();
    if (lower.length > 254 || !EMAIL.test(lower)) errors.push(`bad email "${email}"`);
    else values.contactEmail = lower;
  }

  const parentCell = cell("parent_external_ref");
  const parentRefs = parentCell === undefined ? undefined : parseParentRefs(parentCell);
  if (parentRefs && externalRef && parentRefs.includes(externalRef)) {
    errors.push("a supplier cannot be its own parent");
  }

  return { values, parentRefs, errors };
}
