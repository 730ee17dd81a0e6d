import type Database from "better-sqlite3";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { exposureText, type Exposure } from "~/risk/exposure";
import { csvCell, csvLine, csvNumber } from "./csv";
import {
  LIST_SEPARATOR,
  SITE_CSV_COLUMNS,
  SUPPLIER_CSV_COLUMNS,
  SUPPLIER_RISK_CSV_COLUMNS,
} from "./csv-columns";

/**
 * CSV exports with the import's columns (csv-columns.ts), so an export re-imports unchanged; the supplier
 * export appends read-only risk columns after them (inherent, residual, coverage, exposure, override).
 * Rows are read in batches by keyset on id, each batch a complete query: a better-sqlite3 iterator held
 * open across awaits would keep the shared connection busy for every other request. Text cells are
 * neutralised against formula injection (csvCell); numeric cells are written as plain numbers.
 *
 * What the columns cannot express: a supplier that sells both to the buyer directly and to other
 * suppliers is exported with its parents only; links to a parent without an external reference are left
 * out (there is nothing to refer to it by).
 */
const BATCH = 1000;

type SupplierRow = {
  id: string;
  external_ref: string | null;
  name: string;
  trade_name: string | null;
  country: string;
  address: string | null;
  sector: string;
  goods: string;
  annual_spend: number | null;
  currency: string | null;
  status: string;
  tags: string;
  contact_name: string;
  contact_email: string;
  risk_level: string | null;
  risk_score: number | null;
  inherent_score: number | null;
  residual_score: number | null;
  coverage: string | null;
  exposure_score: number | null;
  exposure_path: string | null;
  override_level: string | null;
  override_expires_on: string | null;
};

type SiteRow = {
  id: string;
  supplier_external_ref: string | null;
  name: string;
  address: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  workers_total: number | null;
  migrant_workers_pct: number | null;
  agency_workers_pct: number | null;
  dormitories: number | null;
  seasonal_work: number | null;
  xinjiang_nexus: number;
};

const list = (json: string) => (JSON.parse(json) as string[]).join(LIST_SEPARATOR);

function supplierBatch(client: Database.Database, organizationId: string, afterId: string): SupplierRow[] {
  return client
    .prepare(
      `select id, external_ref, name, trade_name, country, address, sector, goods, annual_spend, currency, status,
              tags, contact_name, contact_email, risk_level, risk_score, inherent_score, residual_score,
              coverage, exposure_score, exposure_path, override_level, override_expires_on
         from suppliers where organization_id = ? and id > ? order by id limit ?`,
    )
    .all(organizationId, afterId, BATCH) as SupplierRow[];
}

function parentRefs(client: Database.Database, organizationId: string, ids: string[]): Map<string, string[]> {
  const rows = client
    .prepare(
      `select l.child_supplier_id as child, p.external_ref as ref
         from supplier_links l join suppliers p on p.id = l.parent_supplier_id
        where l.organization_id = ? and p.organization_id = ? and p.external_ref is not null
          and l.child_supplier_id in (select value from json_each(?))
        order by p.external_ref`,
    )
    .all(organizationId, organizationId, JSON.stringify(ids)) as { child: string; ref: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const refs = out.get(r.child);
    if (refs) refs.push(r.ref);
    else out.set(r.child, [r.ref]);
  }
  return out;
}

export function supplierCsvLine(r: SupplierRow, parents: string[], today: string): string {
  const override = r.override_level && r.override_expires_on && r.override_expires_on >= today;
  const path = r.exposure_path ? exposureText(JSON.parse(r.exposure_path) as Exposure) : null;
  return csvLine([
    csvCell(r.external_ref),
    csvCell(r.name),
    csvCell(r.trade_name),
    csvCell(r.country),
    csvCell(r.address),
    csvCell(r.sector),
    csvCell(list(r.goods)),
    csvNumber(r.annual_spend),
    csvCell(r.currency),
    csvCell(r.status),
    csvCell(list(r.tags)),
    csvCell(r.contact_name),
    csvCell(r.contact_email),
    csvCell(parents.join(LIST_SEPARATOR)),
    csvCell(override ? r.override_level : r.risk_level),
    csvNumber(r.risk_score),
    csvNumber(r.inherent_score),
    csvNumber(r.residual_score),
    csvCell(r.coverage),
    csvNumber(r.exposure_score),
    csvCell(path),
    csvCell(r.risk_level),
    csvCell(override ? r.override_expires_on : null),
  ]);
}

/** The supplier export as chunks of CSV text (header first), one chunk per batch of suppliers. */
export async function* supplierCsvChunks(ctx: Ctx): AsyncGenerator<string> {
  const client = db().$client;
  yield csvLine([...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_RISK_CSV_COLUMNS]);
  const today = (ctx.now ? ctx.now() : new Date()).toISOString().slice(0, 10);
  let after = "";
  for (;;) {
    const rows = supplierBatch(client, ctx.organizationId, after);
    if (rows.length === 0) return;
    const parents = parentRefs(
      client,
      ctx.organizationId,
      rows.map((r) => r.id),
    );
    yield rows.map((r) => supplierCsvLine(r, parents.get(r.id) ?? [], today)).join("");
    after = rows[rows.length - 1].id;
    // Let other requests use the connection between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A yes/no site fact; unknown stays empty (never "no"). */
const yesNo = (v: number | null) => (v === null ? "" : v ? "yes" : "no");

/** The sites export, keyed to suppliers by their external reference. */
export async function* siteCsvChunks(ctx: Ctx): AsyncGenerator<string> {
  const client = db().$client;
  yield csvLine(SITE_CSV_COLUMNS);
  let after = "";
  const st = client.prepare(
    `select s.id, p.external_ref as supplier_external_ref, s.name, s.address, s.country, s.latitude, s.longitude,
            s.workers_total, s.migrant_workers_pct, s.agency_workers_pct, s.dormitories, s.seasonal_work,
            s.xinjiang_nexus
       from sites s join suppliers p on p.id = s.supplier_id and p.organization_id = s.organization_id
      where s.organization_id = ? and s.id > ? order by s.id limit ?`,
  );
  for (;;) {
    const rows = st.all(ctx.organizationId, after, BATCH) as SiteRow[];
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        csvLine([
          csvCell(r.supplier_external_ref),
          csvCell(r.name),
          csvCell(r.address),
          csvCell(r.country),
          csvNumber(r.latitude),
          csvNumber(r.longitude),
          csvNumber(r.workers_total),
          csvNumber(r.migrant_workers_pct),
          csvNumber(r.agency_workers_pct),
          yesNo(r.dormitories),
          yesNo(r.seasonal_work),
          yesNo(r.xinjiang_nexus),
        ]),
      )
      .join("");
    after = rows[rows.length - 1].id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A streaming Response body from CSV chunks, UTF-8 with a BOM so spreadsheet programs read accents right. */
export function csvResponse(chunks: AsyncGenerator<string>, fileName: string): Response {
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(first ? `\uFEFF${next.value}` : next.value));
      first = false;
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
