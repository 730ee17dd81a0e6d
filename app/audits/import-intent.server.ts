import fs from "node:fs";
import { data, redirect } from "@remix-run/node";
import { receiveImportUpload } from "~/imports/upload.server";
import { formValues, handle, parseForm } from "~/infra/http.server";
import type { Member } from "~/orgs/guard.server";
import { createAuditSchema } from "./audits.server";
import {
  AUDIT_IMPORT_MAX_BYTES,
  AUDIT_IMPORT_MAX_ROWS,
  importAuditReport,
  type AuditImportResult,
} from "./import.server";

type RowFailure = Extract<AuditImportResult, { ok: false }>;

/**
 * The audit import form: the audit's details plus its corrective action report as CSV or XLSX. The file
 * streams through the supplier import's upload checks (size, rows, text, workbook sheet); a refused
 * file, a field error or row errors re-render the form with what was typed; success opens the audit.
 */
export async function auditImportIntent(member: Member, request: Request) {
  const received = await receiveImportUpload(request, {
    maxBytes: AUDIT_IMPORT_MAX_BYTES,
    maxRows: AUDIT_IMPORT_MAX_ROWS,
  });
  const fields = received.form ?? new FormData();
  fields.delete("file");
  fields.delete("sheet");
  const values = formValues(fields);
  if (!received.ok)
    return data(
      { ok: false as const, formError: received.message, fieldErrors: { file: received.message }, values },
      { status: 400 },
    );
  const upload = received.upload;
  const parsed = parseForm(createAuditSchema, fields);
  if (!parsed.ok) {
    fs.rmSync(upload.tmpPath, { force: true });
    return parsed.response;
  }
  return handle(
    async () => {
      const result = await importAuditReport(member.ctx, parsed.data, upload);
      if (result.ok) return redirect(`/audits/${result.auditId}?imported=${result.findings}`);
      return rowFailure(result, values);
    },
    { values },
  );
}

function rowFailure(r: RowFailure, values: Record<string, string | string[]>) {
  const formError =
    r.fileError ??
    `${r.rowErrorCount} of ${r.rows} row${r.rows === 1 ? "" : "s"} cannot be imported; nothing was imported. Fix ${r.rowErrorCount === 1 ? "that row" : "those rows"} and upload the file again.`;
  return data(
    {
      ok: false as const,
      formError,
      fieldErrors: { file: formError },
      values,
      rowErrors: r.rowErrors,
      rowErrorCount: r.rowErrorCount,
    },
    { status: 400 },
  );
}
