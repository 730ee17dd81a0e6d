import { Form } from "@remix-run/react";
import type { RowError } from "~/training/training-import.server";
import { FieldError, FormError } from "~/ui/form";

type Failure = { formError?: string; fieldErrors: Record<string, string>; rowErrors?: RowError[] };

/** Completions from a CSV file: all rows or none, each wrong row named with its number. */
export function ImportForm({ failure, busy }: { failure?: Failure; busy: boolean }) {
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="intent" value="import" />
      <p className="text-sm text-slate-600">
        A header row with <code>course</code>, <code>name</code> and <code>completed_on</code> (YYYY-MM-DD);
        optional <code>email</code>, <code>supplier</code> (name or your reference; required for
        supplier-staff courses) and <code>score</code> (percent). The course must exist by its title. If any
        row is wrong nothing is saved.
      </p>
      <FormError error={failure?.formError} />
      {failure?.rowErrors?.length ? (
        <ul
          className="max-h-60 list-disc overflow-y-auto ps-6 text-sm text-red-800"
          aria-label="Rows to correct"
        >
          {failure.rowErrors.map((e, i) => (
            <li key={i}>
              Row {e.row}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <label htmlFor="import-file" className="label">
          CSV file
        </label>
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".csv,text/csv"
          aria-invalid={failure?.fieldErrors.file ? true : undefined}
          aria-describedby={failure?.fieldErrors.file ? "import-file-error" : undefined}
        />
        <FieldError id="import-file-error" error={failure?.fieldErrors.file} />
      </div>
      <button type="submit" className="btn-secondary" disabled={busy}>
        Import completions
      </button>
    </Form>
  );
}
