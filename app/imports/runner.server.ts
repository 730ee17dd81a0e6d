import fs from "node:fs";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type Database from "better-sqlite3";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Actor, Ctx } from "~/infra/context";
import { db, writeTx, type DB, type Tx } from "~/infra/db.server";
import { orderedUuid } from "~/infra/ids";
import { exposurePass, loadExposureNodes } from "~/risk/exposure-all.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import type { ColumnChange } from "~/risk/supplier-update.server";
import { unneutraliseCell } from "~/suppliers/csv";
import { ilabGoods } from "~/suppliers/goods.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { allTierChanges } from "~/suppliers/tiers.server";
import { importJobs, type importPendingLinks } from "~db/schema";
import { csvErrorMessage, readCsv, readCsvColumn, type CsvRecord } from "./csv-read.server";
import { sanitiseMapping, type ColumnMapping } from "./mapping";
import { freshRiskByProfile, type FreshRisk } from "./risk-cache.server";
import { parseRow, type RowValues } from "./rows";
import { importsDir } from "./upload.server";

/**
 * How long one write transaction of an import may hold the database's write lock. The job runs in its own
 * thread (thread.server.ts) with its own connection, so the web server's event loop and its reads never
 * wait for it; a request that writes waits for at most the transaction in flight. Batches are sized to
 * this budget from the measured time per row (between MIN and MAX rows), not by a fixed row count: the
 * same file on a busy machine gets smaller batches. Fewer, bigger commits would be cheaper (each commit
 * rewrites the index pages it touched), which is why the budget is not smaller.
 */
export const IMPORT_TX_BUDGET_MS = 30;
/**
 * The budget of a batch of rows. A web request that starts waiting for the write lock cuts the batch
 * short (RunOptions.writerWaiting), so it waits for one row and the commit rather than the whole budget.
 * Longer row batches (100 ms) cut the import's CPU further, but on the shared bench machine the event-loop
 * p99 did not stay under 50 ms with them, so rows keep the common budget until that is measured quietly.
 */
export const IMPORT_ROW_TX_BUDGET_MS = IMPORT_TX_BUDGET_MS;
const MIN_BATCH_ROWS = 20;
const MAX_BATCH_ROWS = 5_000;
const FIRST_BATCH_ROWS = 100;

/** The next batch size: the rows that fit the budget at the last batch's pace, moving at most 2x a step. */
export function nextBatchSize(rows: number, elapsedMs: number, budgetMs = IMPORT_TX_BUDGET_MS): number {
  const fit = elapsedMs > 0 ? Math.floor((rows * budgetMs) / elapsedMs) : rows * 2;
  return Math.max(MIN_BATCH_ROWS, Math.min(MAX_BATCH_ROWS, rows * 2, Math.max(Math.ceil(rows / 2), fit)));
}

type BatchSizer = {
  size: () => number;
  timed: <T>(rows: number, write: () => T) => T;
  /** timed, for a write that may stop early: it returns how many rows it wrote. */
  timedCount: (write: () => number) => number;
};

/** A fixed size when given (tests), otherwise sized to the transaction budget as batches are timed. */
function batchSizer(fixed: number | undefined, budgetMs = IMPORT_TX_BUDGET_MS): BatchSizer {
  let size = fixed ?? FIRST_BATCH_ROWS;
  return {
    size: () => size,
    timed: (rows, write) => {
      const started = performance.now();
      const out = write();
      if (fixed === undefined && rows > 0) size = nextBatchSize(rows, performance.now() - started, budgetMs);
      return out;
    },
    timedCount: (write) => {
      const started = performance.now();
      const rows = write();
      if (fixed === undefined && rows > 0) size = nextBatchSize(rows, performance.now() - started, budgetMs);
      return rows;
    },
  };
}
export const IMPORT_RISK_TRIGGER = "supplier.imported";

export type RunOptions = {
  /** A fixed number of rows per transaction (tests); by default batches follow IMPORT_TX_BUDGET_MS. */
  batchSize?: number;
  /** Stop (as a crash would) after this many committed batches: tests of the resume path. */
  maxBatches?: number;
  /** Checked between batches: the worker stops cleanly on shutdown. */
  shouldStop?: () => boolean;
  /** After every commit that changed the organisation's suppliers (the web thread drops its memoised totals). */
  onChange?: (organizationId: string) => void;
  /** Before each write transaction: the import thread lets waiting web requests write first. */
  beforeWrite?: () => void;
  /**
   * Checked between rows inside a batch: true while a web request waits for the write lock. The batch
   * then commits the rows it has (cursor included) and the rest follow in the next transaction, so that
   * request waits for one row and a commit, not for the rest of the batch.
   */
  writerWaiting?: () => boolean;
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
         "trigger", inherent_score, coverage, inputs, shared_inputs, editions, change_note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'first assessment', ?)`,
    ),
    // D33: the part of the inputs suppliers share, once per organisation and hash.
    insertInputPart: c.prepare(
      "INSERT INTO risk_input_parts (organization_id, hash, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
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
    deletePendingUpTo: c.prepare("DELETE FROM import_pending_links WHERE job_id = ? AND row_number <= ?"),
    setTierIf: c.prepare("UPDATE suppliers SET tier = ? WHERE id = ? AND organization_id = ? AND tier = ?"),
    insertError: c.prepare(
      "INSERT INTO import_row_errors (organization_id, job_id, row_number, line, message) VALUES (?, ?, ?, ?, ?)",
    ),
    insertWarning: c.prepare(
      `INSERT INTO import_row_errors (organization_id, job_id, row_number, line, message, severity)
       VALUES (?, ?, ?, ?, ?, 'warning')`,
    ),
    advance: c.prepare(
      `UPDATE import_jobs SET cursor = ?, processed_rows = ?, created_count = created_count + ?,
         updated_count = updated_count + ?, unchanged_count = unchanged_count + ?, error_count = error_count + ?,
         links_added = links_added + ?, updated_at = ?
       WHERE id = ?`,
    ),
    advanceLinks: c.prepare(
      `UPDATE import_jobs SET cursor = ?, warning_count = warning_count + ?, links_added = links_added + ?,
         updated_at = ? WHERE id = ?`,
    ),
  };
}
type Statements = ReturnType<typeof statements>;

type Counts = {
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  warnings: number;
  links: number;
};
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0, links: 0 });

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
  const sizer = batchSizer(opts.batchSize);
  let batches = 0;
  // The supplier list memoises its totals per organisation: bulk writers say when they changed.
  const changed = () => {
    invalidateSupplierCounts(job!.organizationId);
    opts.onChange?.(job!.organizationId);
  };
  const write = <T>(fn: (tx: Tx) => T): T => {
    opts.beforeWrite?.();
    return writeTx(fn, database);
  };
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
        const cut = opts.writerWaiting ?? (() => false);
        const rowSizer = batchSizer(opts.batchSize, IMPORT_ROW_TX_BUDGET_MS);
        const result = await rowsPhase(database, st, job, ctx, rowSizer, write, cut, changed, () => {
          batches++;
          bulk.checkpointIfLarge();
          return stopNow();
        });
        if (!result) return "paused";
        refs = result.refs;
        job = loadJob(database, jobId)!;
      }
      if (job.phase === "links") {
        const finished = await linksPhase(database, st, job, sizer, refs, write, changed, () => {
          batches++;
          bulk.checkpointIfLarge();
          return stopNow();
        });
        if (!finished) return "paused";
        job = loadJob(database, jobId)!;
      }
      await finishPhase(database, st, job, ctx, sizer, write, changed);
      return "done";
    } finally {
      bulk.restore();
    }
  } catch (err) {
    const message = err instanceof ImportFileError ? err.message : UNEXPECTED_FAILURE;
    if (!(err instanceof ImportFileError)) console.error(`import ${jobId} failed`, err);
    failImportJob(database, jobId, message);
    return "failed";
  }
}

const UNEXPECTED_FAILURE =
  "The import stopped because of an unexpected error. Nothing from the unfinished batch was saved; retry it.";

/** Mark a job failed (committed batches stay; the message is what the import page shows). */
export function failImportJob(database: DB, jobId: string, message = UNEXPECTED_FAILURE): void {
  writeTx((tx) => {
    tx.update(importJobs)
      .set({ status: "failed", failureMessage: message, updatedAt: new Date() })
      .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, ["queued", "running"])))
      .run();
  }, database);
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
  // At least 32 MB of page cache (the connection's own setting when that is already bigger).
  const cacheKib =
    cacheSize < 0 ? -cacheSize : (cacheSize * (c.pragma("page_size", { simple: true }) as number)) / 1024;
  if (cacheKib < 32768) c.pragma("cache_size = -32768");
  c.pragma("wal_autocheckpoint = 0");
  // A checkpoint does not shrink the WAL file: the next commit writes from its start again, and without a
  // size limit the file would stay past WAL_CHECKPOINT_BYTES, so every batch would checkpoint. With the
  // limit, restarting the log truncates it and the file size measures the log again.
  const sizeLimit = c.pragma("journal_size_limit", { simple: true }) as number;
  c.pragma("journal_size_limit = 0");
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
      c.pragma(`journal_size_limit = ${sizeLimit}`);
      // The copy first, which lets other connections write meanwhile; then the truncation, which holds
      // off new writers only for as long as it takes to reset the (by then copied) log.
      c.pragma("wal_checkpoint(PASSIVE)");
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
  sizer: BatchSizer,
  write: <T>(fn: (tx: Tx) => T) => T,
  cut: () => boolean,
  changed: () => void,
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
  let batch: PreparedRow[] = [];
  const flush = () => {
    let rows = batch;
    batch = [];
    while (rows.length) {
      const part = rows;
      const written = sizer.timedCount(() => writeRowBatch(write, st, job, ctx, part, deps, cut));
      changed();
      rows = rows.slice(written);
    }
  };
  for await (const chunk of fileErrors(readCsv(jobFilePath(job), job.delimiter))) {
    for (const rec of chunk) {
      if (duplicated.has(rec.rowNumber)) lineOfRow.set(rec.rowNumber, rec.line);
      if (rec.rowNumber === 0 || rec.rowNumber <= job.cursor) continue;
      batch.push(prepareRow(rec, mapping, deps));
      if (batch.length >= sizer.size()) {
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

/** One row validated and made ready to write, outside the write transaction (it needs no lock). */
type PreparedRow = {
  rec: CsvRecord;
  values: RowValues;
  parentRefs: string[] | undefined;
  /** Parents named by no row of the file and no supplier: the row is saved without those links. */
  unknownParents: string[];
  /** Every problem with the row, joined; null when it can be written. */
  error: string | null;
  /** The first score, when the reference was not yet among the organisation's suppliers. */
  risk: FreshRisk | null;
  goodsJson: string;
  tagsJson: string;
};

function prepareRow(rec: CsvRecord, mapping: ColumnMapping, deps: RowDeps): PreparedRow {
  const { values, parentRefs, errors } = parseRow(rec.cells, mapping, deps.goods);
  if (values.externalRef) {
    const first = deps.firstRowOfRef.get(values.externalRef);
    if (first !== undefined && first !== rec.rowNumber) {
      const line = deps.lineOfRow.get(first);
      errors.push(`duplicate external reference "${values.externalRef}" (first on line ${line ?? "?"})`);
    }
  }
  // An unknown parent does not stop the row: the supplier is saved without that link and the links phase
  // reports it as a link warning.
  const unknownParents = (parentRefs ?? []).filter(
    (ref) => ref !== values.externalRef && !deps.firstRowOfRef.has(ref) && !deps.orgRefs.has(ref),
  );
  const ok = errors.length === 0;
  return {
    rec,
    values,
    parentRefs,
    unknownParents,
    error: ok ? null : errors.join("; "),
    risk:
      ok && !deps.orgRefs.has(values.externalRef)
        ? deps.risk({ country: values.country, sector: values.sector ?? "Other", goods: values.goods ?? [] })
        : null,
    goodsJson: JSON.stringify(values.goods ?? []),
    tagsJson: JSON.stringify(values.tags ?? []),
  };
}

function writeRowBatch(
  write: <T>(fn: (tx: Tx) => T) => T,
  st: Statements,
  job: Job,
  ctx: Ctx,
  batch: PreparedRow[],
  deps: RowDeps,
  cut: () => boolean,
): number {
  const org = job.organizationId;
  const counts = zero();
  let written = 0;
  write((tx) => {
    const now = Date.now();
    // Shared input parts written in this transaction (a memo across transactions could name a part that
    // a rolled-back batch never stored).
    const parts = new Set<string>();
    for (const row of batch) {
      if (written > 0 && cut()) break;
      written++;
      const { rec, values, parentRefs, unknownParents, error, risk: prepared, goodsJson, tagsJson } = row;
      const pending = JSON.stringify(pendingLinks(parentRefs ?? [], unknownParents));
      if (error !== null) {
        st.insertError.run(org, job.id, rec.rowNumber, rec.line, error);
        counts.errors++;
        continue;
      }

      const existingId = deps.orgRefs.get(values.externalRef);
      if (!existingId) {
        const id = orderedUuid(now);
        const r =
          prepared ??
          deps.risk({ country: values.country, sector: values.sector ?? "Other", goods: values.goods ?? [] });
        st.insertSupplier.run(
          id,
          org,
          values.name,
          values.tradeName ?? null,
          values.externalRef,
          values.address ?? null,
          goodsJson,
          values.annualSpend ?? null,
          values.currency ?? null,
          values.status ?? "active",
          tagsJson,
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
        if (!parts.has(r.sharedHash)) {
          st.insertInputPart.run(org, r.sharedHash, r.sharedJson);
          parts.add(r.sharedHash);
        }
        st.insertRisk.run(
          orderedUuid(now),
          org,
          id,
          r.score,
          r.level,
          r.modelVersion,
          r.factorsJson,
          IMPORT_RISK_TRIGGER,
          r.inherent,
          r.coverage,
          r.ownInputsJson,
          r.sharedHash,
          r.editionsJson,
          now,
        );
        deps.orgRefs.set(values.externalRef, id);
        counts.created++;
        if (parentRefs && parentRefs.length) {
          st.insertPending.run(job.id, rec.rowNumber, rec.line, id, pending);
        } else {
          // A new supplier without parents is direct; it has no children yet, so no cycle is possible.
          st.insertLink.run(orderedUuid(now), org, null, id, now);
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
        st.insertPending.run(job.id, rec.rowNumber, rec.line, existingId, pending);
      }
    }
    const last = batch[written - 1].rec.rowNumber;
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
        rows: [batch[0].rec.rowNumber, last],
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        errors: counts.errors,
      },
    });
  });
  return written;
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

/**
 * A row's parent references as the links phase reads them: a plain list (every reference known when the
 * row was written), or the known ones with the unknown ones apart, which become link warnings. A row whose
 * parents are all unknown gets no link at all: it is not a direct supplier just because its parent is
 * missing.
 */
type PendingLinks = string[] | { refs: string[]; unknown: string[] };

function pendingLinks(refs: string[], unknown: string[]): PendingLinks {
  return unknown.length ? { refs: refs.filter((r) => !unknown.includes(r)), unknown } : refs;
}

function readPendingLinks(json: string): { refs: string[]; unknown: string[] } {
  const value = JSON.parse(json) as PendingLinks;
  return Array.isArray(value) ? { refs: value, unknown: [] } : value;
}

/** Phase 2: every supplier of the file exists now, so parents further down the file resolve too. */
async function linksPhase(
  database: DB,
  st: Statements,
  job: Job,
  sizer: BatchSizer,
  knownRefs: Map<string, string> | undefined,
  write: <T>(fn: (tx: Tx) => T) => T,
  changed: () => void,
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
    const pending = st.pendingAfter.all(job.id, cursor, sizer.size());
    if (!pending.length) break;
    const counts = zero();
    sizer.timed(pending.length, () =>
      write(() => {
        const now = Date.now();
        for (const p of pending) {
          const { refs: parentRefs, unknown } = readPendingLinks(p.parentRefs);
          const problems = unknown.map(
            (ref) =>
              `not linked to parent "${ref}": no supplier has that reference, in the file or among your suppliers`,
          );
          if (parentRefs.length === 0 && unknown.length === 0 && !graph.has(null, p.childSupplierId)) {
            st.insertLink.run(orderedUuid(now), org, null, p.childSupplierId, now);
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
              st.insertLink.run(orderedUuid(now), org, parentId, p.childSupplierId, now);
              graph.add(parentId, p.childSupplierId);
              counts.links++;
            }
          }
          if (problems.length) {
            st.insertWarning.run(
              org,
              job.id,
              p.rowNumber,
              p.line,
              `supplier saved, but ${problems.join("; ")}`,
            );
            counts.warnings++;
          }
        }
        cursor = pending[pending.length - 1].rowNumber;
        st.advanceLinks.run(cursor, counts.warnings, counts.links, now, job.id);
        // Done with: the finish phase then has nothing left to delete in one go.
        st.deletePendingUpTo.run(job.id, cursor);
      }),
    );
    changed();
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

/**
 * Phase 3: tiers, then upstream exposure, once for the whole import (not per row), then close the job.
 * Each pass reads the organisation in one read snapshot (no write lock) and writes what changed in
 * budgeted transactions. A write applies only if the supplier still holds the value the pass read: a
 * user's change in between (a link edit recomputes tiers and exposure incrementally) is newer and stays.
 * A crash in this phase reruns it whole, which is harmless.
 */
async function finishPhase(
  database: DB,
  st: Statements,
  job: Job,
  ctx: Ctx,
  sizer: BatchSizer,
  write: <T>(fn: (tx: Tx) => T) => T,
  changed: () => void,
): Promise<void> {
  const org = job.organizationId;
  const c = database.$client;
  const tierChanges = database.transaction((tx) => allTierChanges(tx, org), { behavior: "deferred" });
  let tiersChanged = 0;
  await inSlices(tierChanges, sizer, (slice) =>
    write(() => {
      for (const t of slice) tiersChanged += st.setTierIf.run(t.tier, t.id, org, t.before).changes;
    }),
  );
  if (tierChanges.length) changed();

  // Imported links carry sub-suppliers' risk upwards: one pass over the organisation, not per link.
  const riskChanges: { id: string; changes: readonly ColumnChange[] }[] = [];
  database.transaction(
    () =>
      exposurePass(c, org, loadExposureNodes(c, org), (_client, _org, id, changes) => {
        riskChanges.push({ id, changes });
        return true;
      }),
    { behavior: "deferred" },
  );
  await inSlices(riskChanges, sizer, (slice) =>
    write(() => {
      for (const r of slice) updateRiskIfUnchanged(c, org, r.id, r.changes);
    }),
  );
  if (riskChanges.length) changed();

  write((tx) => {
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
  });
}

/** Apply items in transactions sized to the budget like the batches, yielding in between. */
async function inSlices<T>(
  items: readonly T[],
  sizer: BatchSizer,
  apply: (slice: T[]) => void,
): Promise<void> {
  for (let i = 0; i < items.length;) {
    const slice = items.slice(i, i + sizer.size());
    sizer.timed(slice.length, () => apply(slice));
    i += slice.length;
    await yieldToEventLoop();
  }
}

const casStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * updateSupplierRisk, but only while every changed column still holds the value the pass read (IS: null
 * compares equal to null). False when the supplier changed in between or nothing differs.
 */
function updateRiskIfUnchanged(
  client: Database.Database,
  organizationId: string,
  supplierId: string,
  changes: readonly ColumnChange[],
): boolean {
  const set = changes.filter(([, before, after]) => before !== after);
  if (!set.length) return false;
  let cache = casStatements.get(client);
  if (!cache) casStatements.set(client, (cache = new Map()));
  const key = set.map(([col]) => col).join(",");
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = client.prepare(
      `UPDATE suppliers SET ${set.map(([col]) => `${col} = ?`).join(", ")}
        WHERE id = ? AND organization_id = ? AND ${set.map(([col]) => `${col} IS ?`).join(" AND ")}`,
    );
    cache.set(key, stmt);
  }
  const result = stmt.run(
    ...set.map(([, , after]) => after),
    supplierId,
    organizationId,
    ...set.map(([, before]) => before),
  );
  return result.changes > 0;
}
