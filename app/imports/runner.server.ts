import fs from "node:fs";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Actor, Ctx } from "~/infra/context";
import { db, writeTx, type DB } from "~/infra/db.server";
import { recomputeOrgExposure } from "~/risk/exposure-all.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { unneutraliseCell } from "~/suppliers/csv";
import { ilabGoods } from "~/suppliers/goods.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { recomputeTiers } from "~/suppliers/suppliers.server";
import { importJobs, type importPendingLinks } from "~db/schema";
import { csvErrorMessage, readCsv, readCsvColumn, type CsvRecord } from "./csv-read.server";
import { sanitiseMapping, type ColumnMapping } from "./mapping";
import { freshRiskByProfile } from "./risk-cache.server";
import { parseRow, type RowValues } from "./rows";
import { importsDir } from "./upload.server";

/**
 * Rows per batch transaction: about a tenth of the file, between 2,000 and 10,000. Every commit rewrites
 * most index pages of the suppliers table (keys are random), so the cost of an import grows with the
 * number of commits: measured on 100,000 rows, 2,000-row batches took about twice as long as 10,000-row
 * ones. A bigger batch holds the event loop longer (well under a second per 10,000 rows on an idle
 * machine), and a crash loses at most one batch.
 */
export function importBatchSize(totalRows: number): number {
  return Math.min(10_000, Math.max(2_000, Math.ceil(totalRows / 10)));
}
export const IMPORT_RISK_TRIGGER = "supplier.imported";

export type RunOptions = {
  batchSize?: number;
  /** Stop (as a crash would) after this many committed batches: tests of the resume path. */
  maxBatches?: number;
  /** Checked between batches: the worker stops cleanly on shutdown. */
  shouldStop?: () => boolean;
  database?: DB;
};
export type RunOutcome = "done" | "paused" | "failed" | "skipped";

type Job = typeof importJobs.$inferSelect;
type PendingRow = Pick<typeof importPendingLinks.$inferSelect, "rowNumber" | "line" | "childSupplierId"> & {
  parentRefs: string;
};

/** A problem with the file as a whole (broken quoting): the job fails with this message. */
class ImportFileError extends Error {
  name = "ImportFileError";
}

type ExistingSupplier = {
  id: string;
  name: string;
  trade_name: string | null;
  address: string | null;
  sector: string;
  goods: string;
  annual_spend: number | null;
  currency: string | null;
  status: string;
  tags: string;
  contact_name: string;
  contact_email: string;
  country: string;
};

export function jobFilePath(job: Pick<Job, "storagePath">): string {
  return path.join(importsDir(), job.storagePath);
}

/**
 * Statements prepared once per run. Imports write through better-sqlite3 directly: 100,000 rows through
 * the query builder cost several times the SQL itself. Every statement is bound to the job's tenant.
 */
function statements(database: DB) {
  const c = database.$client;
  return {
    refsOfOrg: c.prepare<[string], { external_ref: string; id: string }>(
      "SELECT external_ref, id FROM suppliers WHERE organization_id = ? AND external_ref IS NOT NULL",
    ),
    supplierById: c.prepare<[string, string], ExistingSupplier>(
      `SELECT id, name, trade_name, address, sector, goods, annual_spend, currency, status, tags,
              contact_name, contact_email, country
         FROM suppliers WHERE id = ? AND organization_id = ?`,
    ),
    insertSupplier: c.prepare(
      `INSERT INTO suppliers (id, organization_id, name, trade_name, external_ref, address, goods, annual_spend,
         currency, status, tags, country, sector, contact_name, contact_email, tier, risk_score, risk_level,
         inherent_score, residual_score, coverage, risk_headline, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateSupplier: c.prepare(
      `UPDATE suppliers SET name = ?, trade_name = ?, address = ?, sector = ?, goods = ?, annual_spend = ?,
         currency = ?, status = ?, tags = ?, contact_name = ?, contact_email = ?, country = ?, updated_at = ?
       WHERE id = ? AND organization_id = ?`,
    ),
    // The primary contact row (when the supplier has one) mirrors suppliers.contact_name / contact_email.
    updatePrimaryContact: c.prepare(
      `UPDATE supplier_contacts SET name = ?, email = ?
        WHERE organization_id = ? AND supplier_id = ? AND is_primary = 1`,
    ),
    insertRisk: c.prepare(
      `INSERT INTO risk_assessments (id, organization_id, supplier_id, score, level, model_version, factors,
         "trigger", inherent_score, coverage, inputs, editions, change_note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'first assessment', ?)`,
    ),
    insertLink: c.prepare(
      `INSERT INTO supplier_links (id, organization_id, parent_supplier_id, child_supplier_id, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    linksOfOrg: c.prepare<[string], { parent_supplier_id: string | null; child_supplier_id: string }>(
      "SELECT parent_supplier_id, child_supplier_id FROM supplier_links WHERE organization_id = ?",
    ),
    insertPending: c.prepare(
      `INSERT INTO import_pending_links (job_id, row_number, line, child_supplier_id, parent_refs)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    pendingAfter: c.prepare<[string, number, number], PendingRow>(
      `SELECT row_number AS rowNumber, line, child_supplier_id AS childSupplierId, parent_refs AS parentRefs
         FROM import_pending_links WHERE job_id = ? AND row_number > ? ORDER BY row_number LIMIT ?`,
    ),
    deletePending: c.prepare("DELETE FROM import_pending_links WHERE job_id = ?"),
    insertError: c.prepare(
      "INSERT INTO import_row_errors (organization_id, job_id, row_number, line, message) VALUES (?, ?, ?, ?, ?)",
    ),
    advance: c.prepare(
      `UPDATE import_jobs SET cursor = ?, processed_rows = ?, created_count = created_count + ?,
         updated_count = updated_count + ?, unchanged_count = unchanged_count + ?, error_count = error_count + ?,
         links_added = links_added + ?, updated_at = ?
       WHERE id = ?`,
    ),
    advanceLinks: c.prepare(
      `UPDATE import_jobs SET cursor = ?, error_count = error_count + ?, links_added = links_added + ?,
         updated_at = ? WHERE id = ?`,
    ),
  };
}
type Statements = ReturnType<typeof statements>;

type Counts = { created: number; updated: number; unchanged: number; errors: number; links: number };
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, errors: 0, links: 0 });

function loadJob(database: DB, jobId: string): Job | undefined {
  return database.select().from(importJobs).where(eq(importJobs.id, jobId)).get();
}

/**
 * Run (or resume) one import job to the end. Each batch is one BEGIN IMMEDIATE transaction that writes
 * its suppliers, errors and pending links and advances the job's cursor, so a crash loses at most the
 * batch in flight and a restart continues after the last committed one; upserts by external reference
 * make re-processing harmless anyway. Yields to the event loop between batches.
 */
export async function runImportJob(jobId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const database = opts.database ?? db();
  let job = loadJob(database, jobId);
  if (!job || (job.status !== "queued" && job.status !== "running")) return "skipped";
  const ctx: Ctx = { organizationId: job.organizationId, actor: job.actor as Actor };
  const batchSize = opts.batchSize ?? importBatchSize(job.totalRows);
  let batches = 0;
  const stopNow = () => {
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return true;
    return opts.shouldStop?.() ?? false;
  };

  try {
    if (job.status === "queued") {
      const now = new Date();
      writeTx((tx) => {
        tx.update(importJobs)
          .set({ status: "running", startedAt: job!.startedAt ?? now, updatedAt: now })
          .where(eq(importJobs.id, jobId))
          .run();
      }, database);
    }
    const st = statements(database);
    const bulk = bulkLoadSettings(database);
    try {
      let refs: Map<string, string> | undefined;
      if (job.phase === "rows") {
        const result = await rowsPhase(database, st, job, ctx, batchSize, () => {
          batches++;
          bulk.checkpointIfLarge();
          return stopNow();
        });
        if (!result) return "paused";
        refs = result.refs;
        job = loadJob(database, jobId)!;
      }
      if (job.phase === "links") {
        const finished = await linksPhase(database, st, job, batchSize, refs, () => {
          batches++;
          bulk.checkpointIfLarge();
          return stopNow();
        });
        if (!finished) return "paused";
        job = loadJob(database, jobId)!;
      }
      finishPhase(database, st, job, ctx);
      return "done";
    } finally {
      bulk.restore();
    }
  } catch (err) {
    const message =
      err instanceof ImportFileError
        ? err.message
        : "The import stopped because of an unexpected error. Nothing from the unfinished batch was saved; retry it.";
    if (!(err instanceof ImportFileError)) console.error(`import ${jobId} failed`, err);
    writeTx((tx) => {
      tx.update(importJobs)
        .set({ status: "failed", failureMessage: message, updatedAt: new Date() })
        .where(eq(importJobs.id, jobId))
        .run();
    }, database);
    return "failed";
  }
}

/** Between batches, the WAL is copied back into the database once it passes this size. */
export const WAL_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/**
 * While a job runs: a bigger page cache, and WAL checkpoints between batches once the WAL passes
 * WAL_CHECKPOINT_BYTES instead of inside every commit past 4 MB. Each batch rewrites most index pages of
 * the suppliers table (random keys), so with the default every commit paid a full checkpoint (copy back
 * + fsync): that, not the inserts, dominated the import. Afterwards the previous settings come back and
 * one final checkpoint truncates the WAL.
 */
function bulkLoadSettings(database: DB): { checkpointIfLarge: () => void; restore: () => void } {
  const c = database.$client;
  const cacheSize = c.pragma("cache_size", { simple: true }) as number;
  const autoCheckpoint = c.pragma("wal_autocheckpoint", { simple: true }) as number;
  const walFile = `${c.name}-wal`;
  c.pragma("cache_size = -32768");
  c.pragma("wal_autocheckpoint = 0");
  return {
    checkpointIfLarge: () => {
      let size = 0;
      try {
        size = fs.statSync(walFile).size;
      } catch {
        return;
      }
      if (size > WAL_CHECKPOINT_BYTES) c.pragma("wal_checkpoint(PASSIVE)");
    },
    restore: () => {
      c.pragma(`cache_size = ${cacheSize}`);
      c.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      c.pragma("wal_checkpoint(TRUNCATE)");
    },
  };
}

/** Parser errors (broken quoting) become the job's failure message. */
async function* fileErrors<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (err) {
    const message = csvErrorMessage(err);
    if (message) throw new ImportFileError(message);
    throw err;
  }
}

/**
 * Phase 1. A scan first learns every external reference in the file (for duplicates and for parents that
 * appear further down) and the exact row count; it writes nothing, so a file with broken quoting fails
 * before any supplier is touched. Then the rows are validated and upserted in batches.
 */
async function rowsPhase(
  database: DB,
  st: Statements,
  job: Job,
  ctx: Ctx,
  batchSize: number,
  afterBatch: () => boolean,
): Promise<{ refs: Map<string, string> } | null> {
  const mapping = sanitiseMapping(job.mapping, job.headers.length);
  // Every reference in the file with the row it first appears on; rows that have a later duplicate are
  // noted so the import can name their line in the duplicate's error.
  const firstRowOfRef = new Map<string, number>();
  const duplicated = new Set<number>();
  let total = 0;
  const refColumn = mapping.external_ref ?? 0;
  for await (const chunk of fileErrors(readCsvColumn(jobFilePath(job), job.delimiter, refColumn))) {
    for (const { rowNumber, value } of chunk) {
      total = rowNumber;
      const ref = unneutraliseCell(value.trim());
      if (!ref) continue;
      const first = firstRowOfRef.get(ref);
      if (first === undefined) firstRowOfRef.set(ref, rowNumber);
      else duplicated.add(first);
    }
  }
  if (total !== job.totalRows) {
    database.update(importJobs).set({ totalRows: total }).where(eq(importJobs.id, job.id)).run();
  }

  const orgRefs = new Map<string, string>();
  for (const r of st.refsOfOrg.iterate(job.organizationId)) orgRefs.set(r.external_ref, r.id);

  const goods = ilabGoods();
  const risk = freshRiskByProfile(job.organizationId, new Date().toISOString().slice(0, 10));
  const lineOfRow = new Map<number, number>();
  const deps: RowDeps = { firstRowOfRef, lineOfRow, orgRefs, goods, risk };
  let batch: CsvRecord[] = [];
  const flush = () => {
    processRowBatch(database, st, job, ctx, mapping, batch, deps);
    batch = [];
  };
  for await (const chunk of fileErrors(readCsv(jobFilePath(job), job.delimiter))) {
    for (const rec of chunk) {
      if (duplicated.has(rec.rowNumber)) lineOfRow.set(rec.rowNumber, rec.line);
      if (rec.rowNumber === 0 || rec.rowNumber <= job.cursor) continue;
      batch.push(rec);
      if (batch.length >= batchSize) {
        flush();
        if (afterBatch()) return null;
        await yieldToEventLoop();
      }
    }
  }
  if (batch.length) {
    flush();
    if (afterBatch()) return null;
  }
  writeTx((tx) => {
    tx.update(importJobs)
      .set({ phase: "links", cursor: 0, updatedAt: new Date() })
      .where(eq(importJobs.id, job.id))
      .run();
  }, database);
  // Every supplier of the file is in here now: the links phase reuses it instead of reading it again.
  return { refs: orgRefs };
}

type RowDeps = {
  firstRowOfRef: Map<string, number>;
  lineOfRow: Map<number, number>;
  orgRefs: Map<string, string>;
  goods: ReturnType<typeof ilabGoods>;
  risk: ReturnType<typeof freshRiskByProfile>;
};

function merged(existing: ExistingSupplier, v: RowValues) {
  return {
    name: v.name,
    trade_name: v.tradeName !== undefined ? v.tradeName : existing.trade_name,
    address: v.address !== undefined ? v.address : existing.address,
    sector: v.sector ?? existing.sector,
    goods: v.goods !== undefined ? JSON.stringify(v.goods) : existing.goods,
    annual_spend: v.annualSpend !== undefined ? v.annualSpend : existing.annual_spend,
    currency: v.currency !== undefined ? v.currency : existing.currency,
    status: v.status ?? existing.status,
    tags: v.tags !== undefined ? JSON.stringify(v.tags) : existing.tags,
    contact_name: v.contactName ?? existing.contact_name,
    contact_email: v.contactEmail ?? existing.contact_email,
    country: v.country,
  };
}

function processRowBatch(
  database: DB,
  st: Statements,
  job: Job,
  ctx: Ctx,
  mapping: ColumnMapping,
  batch: CsvRecord[],
  deps: RowDeps,
): void {
  const org = job.organizationId;
  const counts = zero();
  writeTx((tx) => {
    const now = Date.now();
    for (const rec of batch) {
      const parsed = parseRow(rec.cells, mapping, deps.goods);
      const { values, parentRefs, errors } = parsed;
      if (values.externalRef) {
        const first = deps.firstRowOfRef.get(values.externalRef);
        if (first !== undefined && first !== rec.rowNumber) {
          const line = deps.lineOfRow.get(first);
          errors.push(`duplicate external reference "${values.externalRef}" (first on line ${line ?? "?"})`);
        }
      }
      for (const ref of parentRefs ?? []) {
        if (ref !== values.externalRef && !deps.firstRowOfRef.has(ref) && !deps.orgRefs.has(ref)) {
          errors.push(`parent "${ref}" not found in the file or among your suppliers`);
        }
      }
      if (errors.length) {
        st.insertError.run(org, job.id, rec.rowNumber, rec.line, errors.join("; "));
        counts.errors++;
        continue;
      }

      const existingId = deps.orgRefs.get(values.externalRef);
      if (!existingId) {
        const id = crypto.randomUUID();
        const r = deps.risk({
          country: values.country,
          sector: values.sector ?? "Other",
          goods: values.goods ?? [],
        });
        st.insertSupplier.run(
          id,
          org,
          values.name,
          values.tradeName ?? null,
          values.externalRef,
          values.address ?? null,
          JSON.stringify(values.goods ?? []),
          values.annualSpend ?? null,
          values.currency ?? null,
          values.status ?? "active",
          JSON.stringify(values.tags ?? []),
          values.country,
          values.sector ?? "Other",
          values.contactName ?? "",
          values.contactEmail ?? "",
          r.score,
          r.level,
          r.inherent,
          r.score,
          r.coverage,
          r.headline,
          now,
          now,
        );
        st.insertRisk.run(
          crypto.randomUUID(),
          org,
          id,
          r.score,
          r.level,
          r.modelVersion,
          r.factorsJson,
          IMPORT_RISK_TRIGGER,
          r.inherent,
          r.coverage,
          r.inputsJson,
          r.editionsJson,
          now,
        );
        deps.orgRefs.set(values.externalRef, id);
        counts.created++;
        if (parentRefs && parentRefs.length) {
          st.insertPending.run(job.id, rec.rowNumber, rec.line, id, JSON.stringify(parentRefs));
        } else {
          // A new supplier without parents is direct; it has no children yet, so no cycle is possible.
          st.insertLink.run(crypto.randomUUID(), org, null, id, now);
          counts.links++;
        }
        continue;
      }

      const existing = st.supplierById.get(existingId, org)!;
      const next = merged(existing, values);
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== existing[k]);
      if (changed) {
        st.updateSupplier.run(
          next.name,
          next.trade_name,
          next.address,
          next.sector,
          next.goods,
          next.annual_spend,
          next.currency,
          next.status,
          next.tags,
          next.contact_name,
          next.contact_email,
          next.country,
          now,
          existingId,
          org,
        );
        if (next.contact_name !== existing.contact_name || next.contact_email !== existing.contact_email) {
          st.updatePrimaryContact.run(next.contact_name, next.contact_email, org, existingId);
        }
        // Country, sector and goods feed the risk model among these fields; answers, findings and tasks
        // may exist for an existing supplier, so the full recompute reads them.
        if (
          next.country !== existing.country ||
          next.sector !== existing.sector ||
          next.goods !== existing.goods
        ) {
          recomputeSupplierRisk(tx, ctx, existingId, IMPORT_RISK_TRIGGER);
        }
        counts.updated++;
      } else counts.unchanged++;
      if (parentRefs) {
        st.insertPending.run(job.id, rec.rowNumber, rec.line, existingId, JSON.stringify(parentRefs));
      }
    }
    const last = batch[batch.length - 1].rowNumber;
    st.advance.run(
      last,
      last,
      counts.created,
      counts.updated,
      counts.unchanged,
      counts.errors,
      counts.links,
      now,
      job.id,
    );
    recordAudit(tx, ctx, {
      action: "import.batch",
      entityType: "import",
      entityId: job.id,
      details: {
        rows: [batch[0].rowNumber, last],
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        errors: counts.errors,
      },
    });
  }, database);
  // The supplier list memoises its totals per organisation: bulk writers say when they changed.
  invalidateSupplierCounts(org);
}

/** The organisation's links, in memory for cycle checks (a DFS per new link, no SQL per step). */
class LinkGraph {
  private children = new Map<string, string[]>();
  private direct = new Set<string>();

  add(parent: string | null, child: string): void {
    if (parent === null) {
      this.direct.add(child);
      return;
    }
    const list = this.children.get(parent);
    if (list) list.push(child);
    else this.children.set(parent, [child]);
  }

  has(parent: string | null, child: string): boolean {
    return parent === null ? this.direct.has(child) : (this.children.get(parent)?.includes(child) ?? false);
  }

  /** Would parent → child close a loop, i.e. is parent already downstream of child (or child itself)? */
  wouldCycle(parent: string, child: string): boolean {
    if (parent === child) return true;
    const seen = new Set<string>([child]);
    const stack = [child];
    while (stack.length) {
      const id = stack.pop()!;
      for (const next of this.children.get(id) ?? []) {
        if (next === parent) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }
}

/** Phase 2: every supplier of the file exists now, so parents further down the file resolve too. */
async function linksPhase(
  database: DB,
  st: Statements,
  job: Job,
  batchSize: number,
  knownRefs: Map<string, string> | undefined,
  afterBatch: () => boolean,
): Promise<boolean> {
  const org = job.organizationId;
  let refs = knownRefs;
  if (!refs) {
    refs = new Map<string, string>();
    for (const r of st.refsOfOrg.iterate(org)) refs.set(r.external_ref, r.id);
  }
  const graph = new LinkGraph();
  for (const l of st.linksOfOrg.iterate(org)) graph.add(l.parent_supplier_id, l.child_supplier_id);

  let cursor = job.cursor;
  for (;;) {
    const pending = st.pendingAfter.all(job.id, cursor, batchSize);
    if (!pending.length) break;
    const counts = zero();
    writeTx(() => {
      const now = Date.now();
      for (const p of pending) {
        const parentRefs = JSON.parse(p.parentRefs) as string[];
        const problems: string[] = [];
        if (parentRefs.length === 0 && !graph.has(null, p.childSupplierId)) {
          st.insertLink.run(crypto.randomUUID(), org, null, p.childSupplierId, now);
          graph.add(null, p.childSupplierId);
          counts.links++;
        }
        for (const ref of parentRefs) {
          const parentId = refs.get(ref);
          if (!parentId) {
            problems.push(
              `not linked to parent "${ref}": that row has errors, so the parent was not imported`,
            );
          } else if (graph.has(parentId, p.childSupplierId)) {
            continue;
          } else if (graph.wouldCycle(parentId, p.childSupplierId)) {
            problems.push(
              `not linked to parent "${ref}": that would create a cycle ("${ref}" is already below this supplier)`,
            );
          } else {
            st.insertLink.run(crypto.randomUUID(), org, parentId, p.childSupplierId, now);
            graph.add(parentId, p.childSupplierId);
            counts.links++;
          }
        }
        if (problems.length) {
          st.insertError.run(org, job.id, p.rowNumber, p.line, `supplier saved, but ${problems.join("; ")}`);
          counts.errors++;
        }
      }
      cursor = pending[pending.length - 1].rowNumber;
      st.advanceLinks.run(cursor, counts.errors, counts.links, now, job.id);
    }, database);
    invalidateSupplierCounts(org);
    if (afterBatch()) return false;
    await yieldToEventLoop();
  }
  writeTx((tx) => {
    tx.update(importJobs)
      .set({ phase: "finish", cursor: 0, updatedAt: new Date() })
      .where(eq(importJobs.id, job.id))
      .run();
  }, database);
  return true;
}

/** Phase 3: tiers once for the whole import (not per row), clean up, close the job. */
function finishPhase(database: DB, st: Statements, job: Job, ctx: Ctx): void {
  writeTx((tx) => {
    const tiersChanged = recomputeTiers(tx, job.organizationId);
    // Imported links carry sub-suppliers' risk upwards: one pass over the organisation, not per link.
    recomputeOrgExposure(database.$client, job.organizationId);
    st.deletePending.run(job.id);
    const now = new Date();
    const done = tx
      .update(importJobs)
      .set({ status: "done", phase: "finish", finishedAt: now, updatedAt: now })
      .where(eq(importJobs.id, job.id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "import.completed",
      entityType: "import",
      entityId: job.id,
      details: {
        fileName: done.fileName,
        rows: done.totalRows,
        created: done.createdCount,
        updated: done.updatedCount,
        unchanged: done.unchangedCount,
        errors: done.errorCount,
        linksAdded: done.linksAdded,
        tiersChanged,
      },
    });
  }, database);
  invalidateSupplierCounts(job.organizationId);
}
