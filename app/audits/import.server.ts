import fs from "node:fs";
import { recordAudit } from "~/audit-log/audit-log.server";
import { csvErrorMessage, readCsv, type CsvRecord } from "~/imports/csv-read.server";
import { detectDelimiter, firstLine, SNIFF_BYTES } from "~/imports/sniff";
import type { ReceivedUpload } from "~/imports/upload.server";
import type { Ctx } from "~/infra/context";
import { writeTx } from "~/infra/db.server";
import { parseInput } from "~/infra/validation";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import {
  createAuditSchema,
  insertAudit,
  insertFinding,
  loadVocabulary,
  type CreateAuditInput,
} from "./audits.server";
import { mapAuditHeaders, parseFindingRow, type ImportedFinding } from "./import";

/** An audit report is dozens of rows, not an ERP export: smaller limits than the supplier import. */
export const AUDIT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const AUDIT_IMPORT_MAX_ROWS = 2000;
/** Row errors shown on the page; the count says how many more there are. */
export const ROW_ERRORS_SHOWN = 50;

export type AuditImportResult =
  | { ok: true; auditId: string; findings: number }
  | {
      ok: false;
      /** Why the file as a whole cannot be read (no grade column, a broken quote, no rows). */
      fileError: string | null;
      rowErrors: { line: number; messages: string[] }[];
      rowErrorCount: number;
      rows: number;
    };

async function readRecords(upload: ReceivedUpload): Promise<CsvRecord[]> {
  const fd = fs.openSync(upload.tmpPath, "r");
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, upload.sizeBytes));
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const delimiter = detectDelimiter(firstLine(head.toString("utf8")));
  const out: CsvRecord[] = [];
  for await (const chunk of readCsv(upload.tmpPath, delimiter)) out.push(...chunk);
  return out;
}

const refused = (fileError: string, rows = 0): AuditImportResult => ({
  ok: false,
  fileError,
  rowErrors: [],
  rowErrorCount: 0,
  rows,
});

/**
 * Create an audit from its corrective action report: the audit, one finding per row (graded in the
 * scheme's words through the organisation's vocabulary) and each finding's corrective action, with the
 * report's due date where it gives one. All or nothing, in one transaction: a report imported with some
 * rows missing would understate what the audit found, so any row error leaves nothing behind and every
 * row error is reported (line and reason) for the file to be fixed. The uploaded file is removed.
 */
export async function importAuditReport(
  ctx: Ctx,
  input: CreateAuditInput,
  upload: ReceivedUpload,
): Promise<AuditImportResult> {
  try {
    const v = parseInput(createAuditSchema, input);
    let records: CsvRecord[];
    try {
      records = await readRecords(upload);
    } catch (err) {
      const message = csvErrorMessage(err);
      if (message) return refused(message);
      throw err;
    }
    const [header, ...rows] = records;
    if (!header) return refused("The file is empty.");
    const headers = header.cells.map((h, i) => h.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`);
    const { mapping, problem } = mapAuditHeaders(headers);
    if (problem) return refused(problem, rows.length);
    if (rows.length === 0) return refused("The file has a header row but no findings below it.");

    return writeTx((tx): AuditImportResult => {
      const vocabulary = loadVocabulary(tx, ctx.organizationId)[v.scheme];
      const parsed: ImportedFinding[] = [];
      const rowErrors: { line: number; messages: string[] }[] = [];
      for (const r of rows) {
        const p = parseFindingRow(r.cells, mapping, { scheme: v.scheme, vocabulary, auditDate: v.auditDate });
        if (p.ok) parsed.push(p.value);
        else rowErrors.push({ line: r.line, messages: p.errors });
      }
      if (rowErrors.length)
        return {
          ok: false,
          fileError: null,
          rowErrors: rowErrors.slice(0, ROW_ERRORS_SHOWN),
          rowErrorCount: rowErrors.length,
          rows: rows.length,
        };
      const audit = insertAudit(tx, ctx, v);
      for (const f of parsed) insertFinding(tx, ctx, audit, f);
      recordAudit(tx, ctx, {
        action: "audit.imported",
        entityType: "audit",
        entityId: audit.id,
        details: {
          fileName: upload.fileName,
          sha256: upload.sha256,
          sizeBytes: upload.sizeBytes,
          findings: parsed.length,
          ...(upload.sheet ? { sheet: upload.sheet } : {}),
        },
      });
      recomputeSupplierRisk(tx, ctx, audit.supplierId, "audit.imported");
      return { ok: true, auditId: audit.id, findings: parsed.length };
    });
  } finally {
    fs.rmSync(upload.tmpPath, { force: true });
  }
}
