import { Form } from "@remix-run/react";
import { FieldError } from "~/ui/form";
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
          <div>
            <label htmlFor="f-boardApprovalDate" className="label">
              Board approval date
            </label>
            <input
              id="f-boardApprovalDate"
              name="boardApprovalDate"
              type="date"
              className="input"
              defaultValue={values?.boardApprovalDate ?? s.boardApprovalDate ?? ""}
              aria-invalid={fieldErrors.boardApprovalDate ? true : undefined}
              aria-describedby={fieldErrors.boardApprovalDate ? "f-boardApprovalDate-error" : undefined}
            />
            <FieldError id="f-boardApprovalDate-error" error={fieldErrors.boardApprovalDate} />
          </div>
          <div>
            <label htmlFor="f-directorName" className="label">
              Director who signs
            </label>
            <input
              id="f-directorName"
              name="directorName"
              className="input"
              defaultValue={values?.directorName ?? s.directorName ?? ""}
              aria-invalid={fieldErrors.directorName ? true : undefined}
              aria-describedby={fieldErrors.directorName ? "f-directorName-error" : undefined}
            />
            <FieldError id="f-directorName-error" error={fieldErrors.directorName} />
          </div>
          <div>
            <label htmlFor="f-directorTitle" className="label">
              Director&apos;s title
            </label>
            <input
              id="f-directorTitle"
              name="directorTitle"
              className="input"
              placeholder="e.g. Chief Executive Officer"
              defaultValue={values?.directorTitle ?? s.directorTitle ?? ""}
              aria-invalid={fieldErrors.directorTitle ? true : undefined}
              aria-describedby={fieldErrors.directorTitle ? "f-directorTitle-error" : undefined}
            />
            <FieldError id="f-directorTitle-error" error={fieldErrors.directorTitle} />
          </div>
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
