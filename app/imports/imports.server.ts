import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { countryName } from "~/suppliers/countries";
import { csvCell, csvField, unneutraliseCell } from "~/suppliers/csv";
import { ilabGoods } from "~/suppliers/goods.server";
import { importJobs, importMappings, importRowErrors, suppliers } from "~db/schema";
import type {
  ImportKind,
  ImportPhase,
  ImportProblemSeverity,
  ImportStatus,
} from "~db/schema/imports.constants";
import { csvErrorMessage, readCsv } from "./csv-read.server";
import {
  headerSignature,
  IMPORT_FIELDS,
  mappingErrors,
  sanitiseMapping,
  suggestMapping,
  type ColumnMapping,
} from "./mapping";
import { parseParentRefs, parseRow } from "./rows";
import { jobFilePath } from "./runner.server";
import { detectDelimiter, firstLine, SNIFF_BYTES } from "./sniff";
import { importsDir, type ReceivedUpload } from "./upload.server";
import { wakeImportWorker } from "./worker.server";

export const PREVIEW_ROWS = 10;

export type ImportJobSummary = {
  id: string;
  fileName: string;
  status: ImportStatus;
  phase: ImportPhase;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  warningCount: number;
  linksAdded: number;
  failureMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type JobRow = typeof importJobs.$inferSelect;

export function summary(j: JobRow): ImportJobSummary {
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status,
    phase: j.phase,
    totalRows: j.totalRows,
    processedRows: j.processedRows,
    createdCount: j.createdCount,
    updatedCount: j.updatedCount,
    unchangedCount: j.unchangedCount,
    errorCount: j.errorCount,
    warningCount: j.warningCount,
    linksAdded: j.linksAdded,
    failureMessage: j.failureMessage,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** The organisation's job of this kind (a sites job is not a supplier import's page, and back). */
export function loadJob(ctx: Ctx, jobId: string, kind: ImportKind = "suppliers"): JobRow {
  const job = db()
    .select()
    .from(importJobs)
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.organizationId, ctx.organizationId),
        eq(importJobs.kind, kind),
      ),
    )
    .get();
  if (!job) throw new NotFoundError("Import not found");
  return job;
}

/** Header names as shown in the mapping step; a blank header becomes "Column N". */
function displayHeaders(cells: string[]): string[] {
  return cells.map((h, i) => h.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`);
}

/**
 * Register an uploaded file as an import waiting for its column mapping. Reads the header (and checks
 * there is at least one row), pre-applies the mapping remembered for this header row or guesses one from
 * the header names, moves the file into the job folder and records the upload.
 */
export async function createImportJob(
  ctx: Ctx,
  upload: ReceivedUpload,
  // Another kind of file (app/imports/sites/) brings its own mapping; the rest of the upload is shared.
  kind: { kind: ImportKind; suggest: (headers: string[]) => ColumnMapping; rows: string } = {
    kind: "suppliers",
    suggest: suggestMapping,
    rows: "suppliers",
  },
): Promise<{ id: string }> {
  const removeTmp = () => fs.rmSync(upload.tmpPath, { force: true });
  let headers: string[] | undefined;
  let delimiter: string;
  let hasRow = false;
  try {
    const fd = fs.openSync(upload.tmpPath, "r");
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, upload.sizeBytes));
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    delimiter = detectDelimiter(firstLine(head.toString("utf8")));
    reading: for await (const chunk of readCsv(upload.tmpPath, delimiter)) {
      for (const rec of chunk) {
        if (rec.rowNumber === 0) headers = displayHeaders(rec.cells);
        else {
          hasRow = true;
          break reading;
        }
      }
    }
  } catch (err) {
    removeTmp();
    const message = csvErrorMessage(err);
    if (message) throw new ValidationError({ file: message }, message);
    throw err;
  }
  if (!headers || !hasRow) {
    removeTmp();
    const message = headers
      ? `The file has a header row but no ${kind.rows} below it.`
      : "The file is empty.";
    throw new ValidationError({ file: message }, message);
  }

  const remembered = db()
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(
      and(
        eq(importMappings.organizationId, ctx.organizationId),
        eq(importMappings.signature, kindSignature(kind.kind, headers)),
      ),
    )
    .get();
  const mapping = remembered
    ? kind.kind === "suppliers"
      ? sanitiseMapping(remembered.mapping, headers.length)
      : (remembered.mapping as ColumnMapping)
    : kind.suggest(headers);

  const id = crypto.randomUUID();
  const storagePath = path.join(ctx.organizationId, `${id}.csv`);
  const finalPath = path.join(importsDir(), storagePath);
  fs.mkdirSync(path.dirname(finalPath), { recursive: true });
  fs.renameSync(upload.tmpPath, finalPath);
  try {
    writeTx((tx) => {
      const now = nowOf(ctx);
      tx.insert(importJobs)
        .values({
          id,
          organizationId: ctx.organizationId,
          kind: kind.kind,
          actor: ctx.actor,
          fileName: upload.fileName,
          storagePath,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          delimiter,
          headers: headers!,
          mapping,
          totalRows: upload.approxRows,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      recordAudit(tx, ctx, {
        action: "import.uploaded",
        entityType: "import",
        entityId: id,
        details: {
          fileName: upload.fileName,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          // A workbook: the sheet read (the stored file is that sheet as CSV; the hash is the workbook's).
          ...(upload.sheet ? { sheet: upload.sheet } : {}),
        },
      });
    });
  } catch (err) {
    fs.rmSync(finalPath, { force: true });
    throw err;
  }
  return { id };
}

/** Remembered mappings of another kind of file are kept apart from the supplier files' ones. */
export function kindSignature(kind: ImportKind, headers: readonly string[]): string {
  return kind === "suppliers" ? headerSignature(headers) : `${kind}:${headerSignature(headers)}`;
}

export function listImportJobs(ctx: Ctx, limit = 50, kind: ImportKind = "suppliers"): ImportJobSummary[] {
  return db()
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.organizationId, ctx.organizationId), eq(importJobs.kind, kind)))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit)
    .all()
    .map(summary);
}

export type PreviewRow = {
  line: number;
  cells: string[];
  /** Canonical field → the value as it will be stored (normalised), for mapped fields. */
  mapped: Partial<Record<(typeof IMPORT_FIELDS)[number], string>>;
  /** The row will not be imported. */
  errors: string[];
  /** The row will be imported, with these caveats (a link left out, a later row with its reference). */
  warnings: string[];
};

/** What the preview found over the whole file, not just its first rows. */
export type PreviewFileCheck = {
  rows: number;
  /** Rows whose reference an earlier row already has: not imported. */
  duplicateRows: number;
  /** Rows naming a parent that is neither in the file nor among the organisation's suppliers. */
  unknownParentRows: number;
};

export type ImportJobDetail = ImportJobSummary & {
  headers: string[];
  delimiter: string;
  mapping: ColumnMapping;
  preview: PreviewRow[];
  /** Null when the preview could not read the file to its end (the import reports the broken line). */
  fileCheck: PreviewFileCheck | null;
  errorSample: { line: number; message: string; severity: ImportProblemSeverity }[];
};

function describeValue(field: (typeof IMPORT_FIELDS)[number], v: ReturnType<typeof parseRow>): string {
  const x = v.values;
  switch (field) {
    case "external_ref":
      return x.externalRef;
    case "name":
      return x.name;
    case "country":
      return x.country ? `${countryName(x.country)} (${x.country})` : "";
    case "trade_name":
      return x.tradeName ?? "";
    case "address":
      return x.address ?? "";
    case "sector":
      return x.sector ?? "";
    case "goods":
      return (x.goods ?? []).join("; ");
    case "annual_spend":
      return x.annualSpend === undefined || x.annualSpend === null ? "" : String(x.annualSpend);
    case "currency":
      return x.currency ?? "";
    case "status":
      return x.status ?? "";
    case "tags":
      return (x.tags ?? []).join("; ");
    case "contact_name":
      return x.contactName ?? "";
    case "contact_email":
      return x.contactEmail ?? "";
    case "parent_external_ref":
      return (v.parentRefs ?? []).join("; ");
  }
}

/**
 * The references of the whole file (external reference → the lines it is on, and each row's parent
 * references), read in one streaming pass over the two mapped columns: the preview judges duplicates and
 * parents against the whole file, as the import will, not against its first rows.
 */
async function fileReferences(job: JobRow, mapping: ColumnMapping) {
  const linesOfRef = new Map<string, number[]>();
  const parentsOfRow: { line: number; ref: string; parents: string[] }[] = [];
  let rows = 0;
  const refColumn = mapping.external_ref;
  const parentColumn = mapping.parent_external_ref;
  for await (const chunk of readCsv(jobFilePath(job), job.delimiter)) {
    for (const rec of chunk) {
      if (rec.rowNumber === 0) continue;
      rows = rec.rowNumber;
      const ref = refColumn === undefined ? "" : unneutraliseCell((rec.cells[refColumn] ?? "").trim());
      if (ref) {
        const lines = linesOfRef.get(ref);
        if (lines) lines.push(rec.line);
        else linesOfRef.set(ref, [rec.line]);
      }
      if (parentColumn !== undefined) {
        const parents = parseParentRefs(unneutraliseCell((rec.cells[parentColumn] ?? "").trim()));
        if (parents.length) parentsOfRow.push({ line: rec.line, ref, parents });
      }
    }
  }
  return { rows, linesOfRef, parentsOfRow };
}

async function previewRows(
  ctx: Ctx,
  job: JobRow,
  mapping: ColumnMapping,
): Promise<{ preview: PreviewRow[]; fileCheck: PreviewFileCheck | null }> {
  const out: PreviewRow[] = [];
  const goods = ilabGoods();
  reading: for await (const chunk of readCsv(jobFilePath(job), job.delimiter)) {
    for (const rec of chunk) {
      if (rec.rowNumber === 0) continue;
      const parsed = parseRow(rec.cells, mapping, goods);
      const mapped: PreviewRow["mapped"] = {};
      for (const field of IMPORT_FIELDS) {
        if (mapping[field] !== undefined) mapped[field] = describeValue(field, parsed);
      }
      out.push({
        line: rec.line,
        cells: rec.cells,
        mapped,
        errors: parsed.errors,
        warnings: [],
      });
      if (out.length >= PREVIEW_ROWS) break reading;
    }
  }
  if (mapping.external_ref === undefined) return { preview: out, fileCheck: null };

  let refs: Awaited<ReturnType<typeof fileReferences>>;
  try {
    refs = await fileReferences(job, mapping);
  } catch (err) {
    if (csvErrorMessage(err)) return { preview: out, fileCheck: null };
    throw err;
  }
  const known = (ref: string) => refs.linesOfRef.has(ref) || orgHasReference(ctx, ref);
  const knownCache = new Map<string, boolean>();
  const isKnown = (ref: string) => {
    let k = knownCache.get(ref);
    if (k === undefined) knownCache.set(ref, (k = known(ref)));
    return k;
  };
  let duplicateRows = 0;
  for (const lines of refs.linesOfRef.values()) duplicateRows += lines.length - 1;
  const unknownParentRows = refs.parentsOfRow.filter((r) =>
    r.parents.some((p) => p !== r.ref && !isKnown(p)),
  ).length;

  for (const row of out) {
    const ref = row.mapped.external_ref;
    if (ref) {
      const lines = refs.linesOfRef.get(ref) ?? [];
      if (lines.length > 1 && lines[0] !== row.line) {
        row.errors.push(`duplicate external reference "${ref}" (first on line ${lines[0]})`);
      } else if (lines.length > 1) {
        const later = lines.slice(1).join(", ");
        row.warnings.push(
          `reference "${ref}" appears again on line${lines.length > 2 ? "s" : ""} ${later}: only this row will be imported`,
        );
      }
    }
    const parents = refs.parentsOfRow.find((r) => r.line === row.line)?.parents ?? [];
    for (const parent of parents) {
      if (parent !== ref && !isKnown(parent))
        row.warnings.push(
          `parent "${parent}" not found in the file or among your suppliers: saved without that link`,
        );
    }
  }
  return { preview: out, fileCheck: { rows: refs.rows, duplicateRows, unknownParentRows } };
}

function orgHasReference(ctx: Ctx, ref: string): boolean {
  return !!db()
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, ctx.organizationId), eq(suppliers.externalRef, ref)))
    .get();
}

/** The job page: mapping + preview while mapping, progress and summary afterwards. */
export async function getImportJob(ctx: Ctx, jobId: string): Promise<ImportJobDetail> {
  const job = loadJob(ctx, jobId);
  const mapping = sanitiseMapping(job.mapping, job.headers.length);
  let preview: PreviewRow[] = [];
  let fileCheck: PreviewFileCheck | null = null;
  if (job.status === "mapping") {
    try {
      ({ preview, fileCheck } = await previewRows(ctx, job, mapping));
    } catch (err) {
      // A broken quote further down is reported by the import itself; the preview shows what it could read.
      if (!csvErrorMessage(err)) throw err;
    }
  }
  const errorSample = db()
    .select({
      line: importRowErrors.line,
      message: importRowErrors.message,
      severity: importRowErrors.severity,
    })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.jobId, job.id), eq(importRowErrors.organizationId, ctx.organizationId)))
    .orderBy(asc(importRowErrors.rowNumber))
    .limit(20)
    .all();
  return {
    ...summary(job),
    headers: job.headers,
    delimiter: job.delimiter,
    mapping,
    preview,
    fileCheck,
    errorSample,
  };
}

/** What the progress bar polls. */
export function importProgress(ctx: Ctx, jobId: string): ImportJobSummary & { percent: number } {
  const job = summary(loadJob(ctx, jobId));
  return { ...job, percent: progressPercent(job) };
}

export function progressPercent(
  job: Pick<ImportJobSummary, "status" | "phase" | "processedRows" | "totalRows">,
): number {
  if (job.status === "done") return 100;
  if (job.status === "mapping" || job.status === "queued") return 0;
  // Rows are most of the work; linking and tiers take the last few percent.
  if (job.phase === "rows")
    return Math.min(95, Math.floor((95 * job.processedRows) / Math.max(1, job.totalRows)));
  return job.phase === "links" ? 97 : 99;
}

/** The job page's form: an intent plus one select per field (header index, "" = do not import). */
export const importJobFormSchema = z.object({
  intent: z.enum(["preview", "start", "retry"], { error: "Unknown action." }),
  ...Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(6).optional()])),
}) as z.ZodType<{ intent: "preview" | "start" | "retry" } & Record<string, string | undefined>>;

/** Form values (field → header index as text, "" = do not import) into a mapping. */
export function mappingFromForm(
  form: Record<string, string | undefined>,
  headerCount: number,
): ColumnMapping {
  const raw: Record<string, number> = {};
  for (const field of IMPORT_FIELDS) {
    const v = form[field];
    if (v !== undefined && v !== "" && /^\d+$/.test(v)) raw[field] = Number(v);
  }
  return sanitiseMapping(raw, headerCount);
}

/**
 * Save the mapping chosen on the job page. With `start`, the mapping must be complete: it is remembered
 * for this header row and the job is queued for the background worker.
 */
export function saveImportMapping(
  ctx: Ctx,
  input: { jobId: string; form: Record<string, string | undefined>; start: boolean },
): { status: ImportStatus } {
  const job = loadJob(ctx, input.jobId);
  if (job.status !== "mapping") throw new ConflictError("This import has already started.");
  const mapping = mappingFromForm(input.form, job.headers.length);
  if (input.start) {
    const errors = mappingErrors(mapping, job.headers);
    if (Object.keys(errors).length)
      throw new ValidationError(errors, "Choose a column for each required field.");
  }
  const status = writeTx((tx) => {
    const now = nowOf(ctx);
    // Re-checked inside the write lock: a double-click must not queue the job twice.
    const updated = tx
      .update(importJobs)
      .set({ mapping, status: input.start ? "queued" : "mapping", updatedAt: now })
      .where(
        and(
          eq(importJobs.id, job.id),
          eq(importJobs.organizationId, ctx.organizationId),
          eq(importJobs.status, "mapping"),
        ),
      )
      .returning({ status: importJobs.status })
      .get();
    if (!updated) throw new ConflictError("This import has already started.");
    if (input.start) {
      tx.insert(importMappings)
        .values({
          organizationId: ctx.organizationId,
          signature: headerSignature(job.headers),
          mapping,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [importMappings.organizationId, importMappings.signature],
          set: { mapping, updatedAt: now },
        })
        .run();
      recordAudit(tx, ctx, {
        action: "import.started",
        entityType: "import",
        entityId: job.id,
        details: { fileName: job.fileName, mapping },
      });
    }
    return updated.status;
  });
  if (status === "queued") wakeImportWorker();
  return { status };
}

/** A failed import goes back to the queue: it resumes after its last committed batch. */
export function retryImportJob(ctx: Ctx, jobId: string): void {
  loadJob(ctx, jobId);
  writeTx((tx) => {
    const updated = tx
      .update(importJobs)
      .set({ status: "queued", failureMessage: null, updatedAt: nowOf(ctx) })
      .where(
        and(
          eq(importJobs.id, jobId),
          eq(importJobs.organizationId, ctx.organizationId),
          eq(importJobs.status, "failed"),
        ),
      )
      .returning({ id: importJobs.id })
      .get();
    if (!updated) throw new ConflictError("Only a failed import can be retried.");
    recordAudit(tx, ctx, { action: "import.retried", entityType: "import", entityId: jobId });
  });
  wakeImportWorker();
}

/**
 * The rows that were not imported, as a CSV to fix and re-upload: the file's own header and cells plus
 * an "error" column, in the file's separator. Streamed from the uploaded file, so memory holds only the
 * error messages. Text cells are neutralised against formula injection; the import strips that again.
 */
export function importErrorsCsv(
  ctx: Ctx,
  jobId: string,
  kind: ImportKind = "suppliers",
): { fileName: string; body: Readable } {
  const job = loadJob(ctx, jobId, kind);
  const messages = new Map<number, string>();
  const org = ctx.organizationId;
  const rows = db()
    .$client.prepare<[string, string], { rowNumber: number; message: string }>(
      `SELECT row_number AS rowNumber, message FROM import_row_errors
        WHERE job_id = ? AND organization_id = ? ORDER BY row_number, id`,
    )
    .iterate(job.id, org);
  for (const e of rows) {
    const previous = messages.get(e.rowNumber);
    messages.set(e.rowNumber, previous ? `${previous}; ${e.message}` : e.message);
  }
  const sep = job.delimiter;
  const field = (value: string) => {
    const cell = csvCell(value);
    return sep === ","
      ? csvField(cell)
      : /["\r\n]/.test(cell) || cell.includes(sep)
        ? `"${cell.replace(/"/g, '""')}"`
        : cell;
  };
  const line = (cells: string[]) => `${cells.map(field).join(sep)}\r\n`;
  async function* generate() {
    // A BOM so Excel opens the UTF-8 text with the right characters.
    yield "\uFEFF";
    let width = job.headers.length;
    for await (const chunk of readCsv(jobFilePath(job), job.delimiter)) {
      let text = "";
      for (const rec of chunk) {
        if (rec.rowNumber === 0) {
          width = rec.cells.length;
          text += line([...rec.cells, "error"]);
          continue;
        }
        const message = messages.get(rec.rowNumber);
        if (!message) continue;
        const cells = rec.cells.slice(0, width);
        while (cells.length < width) cells.push("");
        text += line([...cells, `line ${rec.line}: ${message}`]);
      }
      if (text) yield text;
    }
  }
  const base = job.fileName.replace(/\.[^.]*$/, "");
  return { fileName: `${base}-errors.csv`, body: Readable.from(generate()) };
}
