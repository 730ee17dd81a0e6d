import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { DataTable } from "~/ui/DataTable";
import { Field, FieldError, FormError } from "~/ui/form";
import { AUDIT_SCHEMES, GRADE_LABELS } from "../catalogue";
import { AUDIT_IMPORT_FIELDS, AUDIT_IMPORT_HEADINGS, AUDIT_IMPORT_LABELS } from "../import";
import type { SchemeWord } from "../vocabulary";
import { AuditSiteField, type SiteOption } from "./AuditSiteField";

export type AuditImportFailure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
  rowErrors?: { line: number; messages: string[] }[];
  rowErrorCount?: number;
};

const NEEDED: Record<(typeof AUDIT_IMPORT_FIELDS)[number], string> = {
  clause: "optional",
  title: "a finding or a description",
  description: "a finding or a description",
  grade: "required, in the scheme's words",
  due_date: "optional, YYYY-MM-DD",
  ilo_indicator: "optional, 1–11 or its name",
};

/** The audit's details and its corrective action report (CSV or XLSX), with each row's errors below. */
export function AuditImportForm({
  suppliers,
  sites,
  vocabularies,
  today,
  limits,
  failure,
  busy,
}: {
  suppliers: { id: string; name: string; country: string; tier: number }[];
  sites: SiteOption[];
  vocabularies: Record<string, SchemeWord[]>;
  today: string;
  limits: { size: string; rows: string };
  failure?: AuditImportFailure;
  busy: boolean;
}) {
  const errors = failure?.fieldErrors ?? {};
  const v = (name: string) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : undefined;
  };
  const [supplierId, setSupplierId] = useState(v("supplierId") ?? "");
  const siteValues = {
    siteId: v("siteId"),
    newSiteName: v("newSiteName"),
    newSiteCountry: v("newSiteCountry"),
    newSiteAddress: v("newSiteAddress"),
  };
  return (
    <div className="space-y-6">
      <Form method="post" encType="multipart/form-data" className="space-y-4" noValidate>
        <FormError
          error={
            failure
              ? (failure.formError ??
                (Object.keys(errors).length ? "Please correct the highlighted fields." : undefined))
              : undefined
          }
        />
        <div>
          <label htmlFor="f-supplierId" className="label">
            Supplier
          </label>
          <select
            id="f-supplierId"
            name="supplierId"
            className="input"
            value={supplierId}
            onChange={(e) => setSupplierId(e.target.value)}
            aria-invalid={errors.supplierId ? true : undefined}
            required
          >
            <option value="" disabled>
              Choose a supplier…
            </option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.country}, tier {s.tier})
              </option>
            ))}
          </select>
          <FieldError error={errors.supplierId} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="f-scheme" className="label">
              Scheme
            </label>
            <select
              id="f-scheme"
              name="scheme"
              className="input"
              defaultValue={v("scheme") ?? ""}
              aria-invalid={errors.scheme ? true : undefined}
              required
            >
              <option value="" disabled>
                Choose a scheme…
              </option>
              {AUDIT_SCHEMES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <FieldError error={errors.scheme} />
          </div>
          <Field
            label="Audit date"
            name="auditDate"
            type="date"
            required
            defaultValue={v("auditDate") ?? today}
            error={errors.auditDate}
          />
        </div>
        <AuditSiteField
          sites={sites}
          supplierId={supplierId}
          supplierCountry={suppliers.find((s) => s.id === supplierId)?.country}
          values={siteValues}
          errors={errors}
        />
        <Field
          label="Summary (optional)"
          name="summary"
          maxLength={5000}
          defaultValue={v("summary") ?? ""}
          error={errors.summary}
        />
        <div>
          <label htmlFor="f-file" className="label">
            Corrective action report (CSV or Excel .xlsx)
          </label>
          <input
            id="f-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby="f-file-hint"
          />
          <p id="f-file-hint" className="mt-1 text-xs text-slate-500">
            One row per non-compliance, up to {limits.rows} rows and {limits.size}. A workbook is read from
            its first sheet unless you name another below. All rows are imported or none: a row with an error
            leaves nothing behind.{" "}
            <a className="link" href="/samples/audit-findings-sample.csv" download>
              Download a sample
            </a>
            .
          </p>
          <FieldError error={errors.file && errors.file !== failure?.formError ? errors.file : undefined} />
        </div>
        <Field
          label="Sheet (optional, for a workbook)"
          name="sheet"
          maxLength={100}
          placeholder="e.g. CAPR"
          defaultValue=""
        />
        <div className="flex items-center justify-end gap-2 pt-2">
          <Link to="/audits" className="btn-secondary">
            Cancel
          </Link>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Importing…" : "Import audit"}
          </button>
        </div>
      </Form>

      {failure?.rowErrors?.length ? (
        <section aria-labelledby="row-errors">
          <h2 id="row-errors" className="mb-2 text-sm font-semibold text-slate-900">
            Rows that cannot be imported ({failure.rowErrorCount})
          </h2>
          <DataTable columns={["Line", "Why"]}>
            {failure.rowErrors.map((r) => (
              <tr key={r.line}>
                <td className="whitespace-nowrap">{r.line}</td>
                <td>
                  <ul className="list-disc pl-4">
                    {r.messages.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
          {failure.rowErrorCount && failure.rowErrorCount > failure.rowErrors.length ? (
            <p className="mt-2 text-sm text-slate-600">
              …and {failure.rowErrorCount - failure.rowErrors.length} more rows.
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="columns" className="space-y-3 text-sm text-slate-700">
        <h2 id="columns" className="text-sm font-semibold text-slate-900">
          Columns, found by their headings
        </h2>
        <DataTable columns={["Column", "Headings recognised", "Needed"]}>
          {AUDIT_IMPORT_FIELDS.map((f) => (
            <tr key={f}>
              <td className="font-medium">{AUDIT_IMPORT_LABELS[f]}</td>
              <td className="text-xs">{AUDIT_IMPORT_HEADINGS[f].join(", ")}</td>
              <td className="text-xs">{NEEDED[f]}</td>
            </tr>
          ))}
        </DataTable>
        <h2 className="pt-2 text-sm font-semibold text-slate-900">Grades each scheme uses</h2>
        <ul className="space-y-1">
          {Object.entries(vocabularies).map(([scheme, words]) => (
            <li key={scheme}>
              <span className="font-medium">{scheme}:</span>{" "}
              {words.map((w) => `${w.word} (${GRADE_LABELS[w.grade].toLowerCase()})`).join(", ")}
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">
          Change what a word means on your scale in{" "}
          <Link className="link" to="/settings/remediation">
            the grade settings
          </Link>
          ; deadlines follow your grade table unless the report gives a due date.
        </p>
      </section>
    </div>
  );
}
