import { Form, useSubmit } from "@remix-run/react";
import type { FieldErrors } from "~/infra/validation";
import { FieldError, FormError } from "~/ui/form";
import { Card } from "~/ui/layout";
import type { ImportJobDetail } from "../imports.server";
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from "../mapping";

type Job = ImportJobDetail;

/**
 * Which column of the file goes into which supplier field. Changing a select saves the mapping as a draft
 * and refreshes the preview (intent preview); Start import queues the job (intent start).
 */
export function ImportMapping({
  job,
  fieldErrors,
  formError,
  busy,
}: {
  job: Job;
  fieldErrors: FieldErrors;
  formError?: string;
  busy: boolean;
}) {
  const submit = useSubmit();
  return (
    <Card title="Match your columns">
      <Form
        method="post"
        className="space-y-4"
        noValidate
        onChange={(e) => {
          // Changing a select refreshes the preview with the new mapping (saved as a draft).
          const fd = new FormData(e.currentTarget);
          fd.set("intent", "preview");
          submit(fd, { method: "post", preventScrollReset: true });
        }}
      >
        <p className="text-sm text-slate-600">
          We matched what we could from your header names. Fields marked * are required; columns left as “not
          imported” keep the supplier’s current value. Your choice is remembered for files with the same
          headers.
        </p>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {IMPORT_FIELDS.map((field: ImportField) => {
            const error = fieldErrors?.[field];
            return (
              <div key={field}>
                <label htmlFor={`map-${field}`} className="label">
                  {FIELD_LABELS[field]}
                  {REQUIRED_FIELDS.includes(field) ? <span className="text-red-600"> *</span> : null}
                </label>
                <select
                  id={`map-${field}`}
                  name={field}
                  className="input"
                  defaultValue={job.mapping[field] === undefined ? "" : String(job.mapping[field])}
                  aria-invalid={error ? true : undefined}
                >
                  <option value="">— not imported —</option>
                  {job.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h}
                    </option>
                  ))}
                </select>
                <FieldError error={error} />
              </div>
            );
          })}
        </div>
        <FormError error={formError} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" name="intent" value="start" className="btn-primary" disabled={busy}>
            Start import
          </button>
          <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={busy}>
            Update preview
          </button>
        </div>
      </Form>
    </Card>
  );
}
