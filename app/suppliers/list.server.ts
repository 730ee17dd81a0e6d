import type Database from "better-sqlite3";
import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { LEVEL_THRESHOLDS } from "~/risk/model";
import {
  RISK_COVERAGE,
  RISK_LEVELS,
  SUPPLIER_STATUSES,
  type RiskCoverage,
  type RiskLevel,
  type SupplierStatus,
} from "~db/schema/suppliers.constants";
import { COUNTRY_CODES, countryName } from "./countries";
import { DEFAULT_DIRECTION, SORT_KEYS, type SortDirection, type SortKey } from "./list-options";
import { SECTORS } from "./sectors";

/**
 * The supplier list: server-side search, filters and sort, with keyset ("seek") pagination on
 * (sort key, id). A page deep in the list costs the same as the first: the query seeks into an index that
 * ends in (sort key, id) instead of skipping rows with OFFSET. Risk and spend can be empty; empty values
 * always come last, in both directions, as their own segment of the order (paged by id).
 */
export const SUPPLIERS_PAGE_SIZE = 50;

const cursorSchema = z.tuple([
  z.union([z.string().max(400), z.number(), z.null()]),
  z.string().min(1).max(64),
]);
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

function decodeCursor(raw: string | undefined, sort: SortKey): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    const [k] = parsed.data;
    // The key's type must fit the sort, else the URL was edited: start from the top instead.
    if (
      sort === "name"
        ? typeof k !== "string"
        : sort === "updated"
          ? typeof k !== "number"
          : typeof k === "string"
    )
      return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const supplierFilterSchema = z.object({
  q: optional(z.string().trim().min(1).max(200)),
  country: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => COUNTRY_CODES.includes(v)),
  ),
  tier: optional(z.coerce.number().int().min(1).max(50)),
  level: optional(z.enum(RISK_LEVELS)),
  /** Assessment coverage ("not_assessed" is its own state). */
  coverage: optional(z.enum(RISK_COVERAGE)),
  /** Level bands of the inherent and the residual score (the dashboard matrix links here). */
  inherent: optional(z.enum(RISK_LEVELS)),
  residual: optional(z.enum(RISK_LEVELS)),
  /** Only suppliers carrying upstream exposure above their own residual score. */
  exposed: optional(z.enum(["1"])),
  status: optional(z.enum(SUPPLIER_STATUSES)),
  sector: optional(z.enum(SECTORS)),
  goods: optional(z.string().trim().min(1).max(100)),
  tag: optional(z.string().trim().min(1).max(50)),
  sort: optional(z.enum(SORT_KEYS)),
  dir: optional(z.enum(["asc", "desc"])),
  after: optional(z.string().max(600)),
  before: optional(z.string().max(600)),
  /** The total computed on the first page, carried by Next/Previous links so deep pages do not count. */
  count: optional(z.coerce.number().int().min(0).max(10_000_000)),
});
export type SupplierFilter = z.infer<typeof supplierFilterSchema>;

const FILTER_KEYS = Object.keys(supplierFilterSchema.shape) as (keyof SupplierFilter)[];

/** Filters come from the URL; anything invalid there is ignored rather than failing the page. */
export function parseSupplierFilter(params: URLSearchParams): SupplierFilter {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  return supplierFilterSchema.parse(raw);
}

export type SupplierListRow = {
  id: string;
  name: string;
  tradeName: string | null;
  externalRef: string | null;
  country: string;
  countryName: string;
  sector: string;
  tier: number;
  status: SupplierStatus;
  riskScore: number | null;
  riskLevel: RiskLevel | null;
  inherentScore: number | null;
  residualScore: number | null;
  coverage: RiskCoverage | null;
  exposureScore: number | null;
  /** An approved override still in force today, else null. */
  overrideLevel: RiskLevel | null;
  overrideExpiresOn: string | null;
  annualSpend: number | null;
  currency: string | null;
  tags: string[];
  updatedAt: string;
};

export type SupplierList = {
  rows: SupplierListRow[];
  total: number;
  sort: SortKey;
  dir: SortDirection;
  /** Cursors for the neighbouring pages, null at either end. */
  next: string | null;
  prev: string | null;
  pageSize: number;
  countries: string[];
};

const SORT_COLUMN: Record<SortKey, string> = {
  name: "name",
  risk: "risk_score",
  spend: "annual_spend",
  updated: "updated_at",
};
const NULLABLE: Record<SortKey, boolean> = { name: false, risk: true, spend: true, updated: false };

const SELECT = `select id, name, trade_name, external_ref, country, sector, tier, status, risk_score, risk_level,
  inherent_score, residual_score, coverage, exposure_score, override_level, override_expires_on,
  annual_spend, currency, tags, updated_at from suppliers`;

type RawRow = {
  id: string;
  name: string;
  trade_name: string | null;
  external_ref: string | null;
  country: string;
  sector: string;
  tier: number;
  status: SupplierStatus;
  risk_score: number | null;
  risk_level: RiskLevel | null;
  inherent_score: number | null;
  residual_score: number | null;
  coverage: RiskCoverage | null;
  exposure_score: number | null;
  override_level: RiskLevel | null;
  override_expires_on: string | null;
  annual_spend: number | null;
  currency: string | null;
  tags: string;
  updated_at: number;
};

/** Score bands of each level, [from, to): the model's thresholds (app/risk/model.ts LEVEL_THRESHOLDS). */
export const LEVEL_BANDS: Record<RiskLevel, [number, number]> = {
  low: [0, LEVEL_THRESHOLDS.medium],
  medium: [LEVEL_THRESHOLDS.medium, LEVEL_THRESHOLDS.high],
  high: [LEVEL_THRESHOLDS.high, LEVEL_THRESHOLDS.critical],
  critical: [LEVEL_THRESHOLDS.critical, 101],
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE clause of the filters (no cursor); every query starts with the tenant. */
export function filterWhere(organizationId: string, f: SupplierFilter): { sql: string; params: unknown[] } {
  const parts = ["organization_id = ?"];
  const params: unknown[] = [organizationId];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    parts.push(
      "(name like ? escape '\\' or trade_name like ? escape '\\' or external_ref like ? escape '\\')",
    );
    params.push(like, like, like);
  }
  if (f.country) {
    parts.push("country = ?");
    params.push(f.country);
  }
  if (f.tier) {
    parts.push("tier = ?");
    params.push(f.tier);
  }
  if (f.level) {
    parts.push("risk_level = ?");
    params.push(f.level);
  }
  if (f.coverage) {
    parts.push("coverage = ?");
    params.push(f.coverage);
  }
  for (const [key, col] of [
    ["inherent", "inherent_score"],
    ["residual", "residual_score"],
  ] as const) {
    const band = f[key] ? LEVEL_BANDS[f[key]] : null;
    if (band) {
      parts.push(`${col} >= ? and ${col} < ?`);
      params.push(band[0], band[1]);
    }
  }
  if (f.exposed) parts.push("exposure_score is not null and exposure_score > coalesce(residual_score, 0)");
  if (f.status) {
    parts.push("status = ?");
    params.push(f.status);
  }
  if (f.sector) {
    parts.push("sector = ?");
    params.push(f.sector);
  }
  if (f.goods) {
    parts.push("exists (select 1 from json_each(suppliers.goods) where lower(value) = lower(?))");
    params.push(f.goods);
  }
  if (f.tag) {
    parts.push("exists (select 1 from json_each(suppliers.tags) where lower(value) = lower(?))");
    params.push(f.tag);
  }
  return { sql: parts.join(" and "), params };
}

type Segment = { sql: string; params: unknown[] };

/**
 * The queries that fetch one page, in order: the non-empty-key segment then (for nullable keys) the
 * empty-key segment. `backwards` walks the order in reverse (for "Previous"), the caller reverses back.
 */
export function pageQueries(
  organizationId: string,
  f: SupplierFilter,
  limit: number,
): { segments: Segment[]; backwards: boolean; sort: SortKey; dir: SortDirection } {
  const sort = f.sort ?? "name";
  const dir = f.dir ?? DEFAULT_DIRECTION[sort];
  const col = SORT_COLUMN[sort];
  const nullable = NULLABLE[sort];
  const where = filterWhere(organizationId, f);
  const backwards = !f.after && !!f.before;
  const cursor = decodeCursor(backwards ? f.before : f.after, sort);
  // Walking order: the sort direction, flipped when going backwards.
  const asc = (dir === "asc") !== backwards;
  const cmp = asc ? ">" : "<";
  const order = asc ? "asc" : "desc";
  const keyed: Segment = {
    sql: `${SELECT} where ${where.sql}${nullable ? ` and ${col} is not null` : ""}`,
    params: [...where.params],
  };
  if (cursor && cursor[0] !== null) {
    keyed.sql += ` and (${col}, id) ${cmp} (?, ?)`;
    keyed.params.push(cursor[0], cursor[1]);
  }
  keyed.sql += ` order by ${col} ${order}, id ${order} limit ?`;
  keyed.params.push(limit);
  if (!nullable) return { segments: [keyed], backwards, sort, dir };
  const empty: Segment = {
    sql: `${SELECT} where ${where.sql} and ${col} is null`,
    params: [...where.params],
  };
  if (cursor && cursor[0] === null) {
    empty.sql += ` and id ${cmp} ?`;
    empty.params.push(cursor[1]);
  }
  empty.sql += ` order by id ${order} limit ?`;
  empty.params.push(limit);
  // Empty keys come last: forwards the keyed segment is read first; backwards, the empty one is.
  const cursorInEmpty = !!cursor && cursor[0] === null;
  const segments = backwards
    ? cursorInEmpty
      ? [empty, keyed]
      : [keyed]
    : cursorInEmpty
      ? [empty]
      : [keyed, empty];
  return { segments, backwards, sort, dir };
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(client: Database.Database, sql: string): Database.Statement {
  let m = statementCache.get(client);
  if (!m) statementCache.set(client, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    st = client.prepare(sql);
    // Filter combinations are finite, but guard against unbounded growth all the same.
    if (m.size > 500) m.clear();
    m.set(sql, st);
  }
  return st;
}

/** Run the page queries: up to `limit` rows in walking order (segments filled one after another). */
export function runPageQueries(client: Database.Database, segments: Segment[], limit: number): RawRow[] {
  const out: RawRow[] = [];
  for (const seg of segments) {
    if (out.length >= limit) break;
    const params = [...seg.params];
    params[params.length - 1] = limit - out.length;
    out.push(...(prepared(client, seg.sql).all(...params) as RawRow[]));
  }
  return out;
}

/** Countries in use by the tenant, by index seeks from one distinct value to the next. */
function usedCountries(client: Database.Database, organizationId: string): string[] {
  const rows = prepared(
    client,
    `with recursive c(x) as (
       select min(country) from suppliers where organization_id = ?
       union all
       select (select min(country) from suppliers where organization_id = ? and country > c.x) from c where c.x is not null
     ) select x from c where x is not null`,
  ).all(organizationId, organizationId) as { x: string }[];
  return rows.map((r) => r.x);
}

/**
 * Totals are the one part of a page whose cost grows with the result (an index count: ~10 ms for 30,000
 * suppliers on a small machine). Next/Previous links carry the total, and first pages share a short-lived
 * memo per organisation and filter, dropped whenever the organisation's suppliers change through
 * invalidateSupplierCounts (called by the supplier verbs; bulk writers such as imports should call it
 * after each batch). The TTL bounds staleness for writers that do not.
 */
const COUNT_TTL_MS = 30_000;
const COUNT_MEMO_MAX = 2000;
const countMemo = new Map<string, { n: number; at: number; generation: number }>();
const generations = new Map<string, number>();

export function invalidateSupplierCounts(organizationId: string): void {
  generations.set(organizationId, (generations.get(organizationId) ?? 0) + 1);
}

function countSuppliers(client: Database.Database, ctx: Ctx, filter: SupplierFilter): number {
  const where = filterWhere(ctx.organizationId, filter);
  const key = `${where.sql}\u0000${JSON.stringify(where.params)}`;
  const generation = generations.get(ctx.organizationId) ?? 0;
  const now = Date.now();
  const hit = countMemo.get(key);
  if (hit && hit.generation === generation && now - hit.at < COUNT_TTL_MS) return hit.n;
  const row = prepared(client, `select count(*) as n from suppliers where ${where.sql}`).get(...where.params);
  const n = (row as { n: number }).n;
  if (countMemo.size >= COUNT_MEMO_MAX) countMemo.clear();
  countMemo.set(key, { n, at: now, generation });
  return n;
}

export function listSuppliers(
  ctx: Ctx,
  filter: SupplierFilter = {},
  pageSize = SUPPLIERS_PAGE_SIZE,
): SupplierList {
  const client = db().$client;
  const { segments, backwards, sort, dir } = pageQueries(ctx.organizationId, filter, pageSize + 1);
  const raw = runPageQueries(client, segments, pageSize + 1);
  const more = raw.length > pageSize;
  const page = raw.slice(0, pageSize);
  if (backwards) page.reverse();
  const keyOf = (r: RawRow): Cursor => [
    sort === "name"
      ? r.name
      : sort === "risk"
        ? r.risk_score
        : sort === "spend"
          ? r.annual_spend
          : r.updated_at,
    r.id,
  ];
  const hasCursor = !!(filter.after || filter.before);
  const first = page[0];
  const last = page[page.length - 1];
  // Forwards: more rows after means a next page; having come from a cursor means a previous page.
  const next = last && (backwards ? hasCursor : more) ? encodeCursor(keyOf(last)) : null;
  const prev = first && (backwards ? more : hasCursor) ? encodeCursor(keyOf(first)) : null;
  const total = hasCursor && filter.count !== undefined ? filter.count : countSuppliers(client, ctx, filter);
  const today = (ctx.now ? ctx.now() : new Date()).toISOString().slice(0, 10);
  return {
    rows: page.map((r) => ({
      id: r.id,
      name: r.name,
      tradeName: r.trade_name,
      externalRef: r.external_ref,
      country: r.country,
      countryName: countryName(r.country),
      sector: r.sector,
      tier: r.tier,
      status: r.status,
      riskScore: r.risk_score,
      riskLevel: r.risk_level,
      inherentScore: r.inherent_score,
      residualScore: r.residual_score,
      coverage: r.coverage,
      exposureScore: r.exposure_score,
      overrideLevel: r.override_expires_on && r.override_expires_on >= today ? r.override_level : null,
      overrideExpiresOn:
        r.override_expires_on && r.override_expires_on >= today ? r.override_expires_on : null,
      annualSpend: r.annual_spend,
      currency: r.currency,
      tags: JSON.parse(r.tags) as string[],
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    total,
    sort,
    dir,
    next,
    prev,
    pageSize,
    countries: usedCountries(client, ctx.organizationId),
  };
}
