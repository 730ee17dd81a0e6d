import { Form } from "@remix-run/react";
import { Field, FieldError } from "~/ui/form";
import { Card } from "~/ui/layout";
import { SECTION_HEADING, SECTIONS, hasPlaceholder } from "../sections";
import type { getStatement } from "../statements.server";

type Statement = Awaited<ReturnType<typeof getStatement>>;

/**
 * The draft's text, section by section (s.54(5)(a)–(f)), and the board approval and signature fields: one
 * form, intent save. After a refused save or approval it shows what was typed and the errors.
 */
export function StatementForm({
  s,
  values,
  fieldErrors,
  saving,
}: {
  s: Statement;
  values?: Record<string, string>;
  fieldErrors: Record<string, string | undefined>;
  saving: boolean;
}) {
  const placeholders = SECTIONS.filter((sec) => hasPlaceholder(s.narrative[sec.key])).length;
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      <Card title="Statement text, section 54(5)(a)–(f)">
        <div className="space-y-5">
          {placeholders > 0 ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {placeholders} section{placeholders === 1 ? "" : "s"} still contain bracketed starting text
              ([Replace: …]). Replace it with your own words before approval.
            </p>
          ) : null}
          {SECTIONS.map((sec) => (
            <div key={sec.key}>
              <label htmlFor={`f-${sec.key}`} className="label">
                {SECTION_HEADING(sec)}
              </label>
              <p id={`f-${sec.key}-hint`} className="mb-1 text-xs text-slate-500">
                s.54(5)({sec.letter}): {sec.law}. The PDF adds the live figures for this area.
              </p>
              <textarea
                id={`f-${sec.key}`}
                name={sec.key}
                rows={6}
                className="input"
                defaultValue={values?.[sec.key] ?? s.narrative[sec.key]}
                aria-invalid={fieldErrors[sec.key] ? true : undefined}
                aria-describedby={fieldErrors[sec.key] ? `f-${sec.key}-error` : `f-${sec.key}-hint`}
              />
              <FieldError id={`f-${sec.key}-error`} error={fieldErrors[sec.key]} />
            </div>
          ))}
        </div>
      </Card>
      <Card title="Board approval and signature">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Board approval date"
            name="boardApprovalDate"
            type="date"
            defaultValue={values?.boardApprovalDate ?? s.boardApprovalDate ?? ""}
            error={fieldErrors.boardApprovalDate}
          />
          <Field
            label="Director who signs"
            name="directorName"
            defaultValue={values?.directorName ?? s.directorName ?? ""}
            error={fieldErrors.directorName}
          />
          <Field
            label="Director's title"
            name="directorTitle"
            placeholder="e.g. Chief Executive Officer"
            defaultValue={values?.directorTitle ?? s.directorTitle ?? ""}
            error={fieldErrors.directorTitle}
          />
        </div>
        <div className="mt-4 flex justify-end">
          <button type="submit" className="btn-primary" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </button>
        </div>
      </Card>
    </Form>
  );
}
