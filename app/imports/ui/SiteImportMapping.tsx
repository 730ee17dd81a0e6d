import { Form, useSubmit } from "@remix-run/react";
import type { FieldErrors } from "~/infra/validation";
import { FieldError, FormError } from "~/ui/form";
import { Card } from "~/ui/layout";
import { SITE_FIELD_LABELS, SITE_FIELDS, SITE_REQUIRED_FIELDS } from "../sites/mapping";
import type { SiteImportDetail } from "../sites/sites-import.server";

/**
 * Which column of the file goes into which site field. Changing a select saves the mapping and refreshes
 * the preview (intent preview); Import sites commits the file (intent commit).
 */
export function SiteImportMapping({
  job,
  fieldErrors,
  formError,
  busy,
}: {
  job: SiteImportDetail;
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
          const fd = new FormData(e.currentTarget);
          fd.set("intent", "preview");
          submit(fd, { method: "post", preventScrollReset: true });
        }}
      >
        <p className="text-sm text-slate-600">
          Each row is one site of a supplier already in Clearsource, found by the supplier&apos;s external
          reference. A supplier&apos;s site with the same name is updated (only the columns you import);
          otherwise the site is added. Fields marked * are required. Yes/no columns take yes, no, y, n, 1 or
          0; leave a cell blank when it is not known.
        </p>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {SITE_FIELDS.map((field) => {
            const error = fieldErrors?.[field];
            return (
              <div key={field}>
                <label htmlFor={`map-${field}`} className="label">
                  {SITE_FIELD_LABELS[field]}
                  {SITE_REQUIRED_FIELDS.includes(field) ? <span className="text-red-600"> *</span> : null}
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
          <button type="submit" name="intent" value="commit" className="btn-primary" disabled={busy}>
            {busy ? "Importing…" : "Import sites"}
          </button>
          <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={busy}>
            Update preview
          </button>
        </div>
      </Form>
    </Card>
  );
}
