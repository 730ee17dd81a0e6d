import { Form } from "@remix-run/react";
import { FieldError, FormError } from "~/ui/form";
import { FINDING_GRADES, GRADE_LABELS } from "../catalogue";
import type { SchemeWord } from "../vocabulary";

type Failure = { formError?: string; fieldErrors: Record<string, string> };

/** One scheme's grade words, each mapped onto the organisation's scale, plus a word to add. */
export function VocabularyForm({
  scheme,
  words,
  failure,
  busy,
}: {
  scheme: string;
  words: SchemeWord[];
  failure?: Failure;
  busy: boolean;
}) {
  const slug = scheme.replace(/\W+/g, "-");
  return (
    <Form method="post" className="space-y-3" noValidate aria-label={`${scheme} grade words`}>
      <input type="hidden" name="intent" value="vocabulary" />
      <input type="hidden" name="scheme" value={scheme} />
      <FormError error={failure?.formError} />
      <div className="grid gap-2 sm:grid-cols-2">
        {words.map((w) => (
          <div key={w.word} className="flex items-center gap-2">
            <label htmlFor={`v-${slug}-${w.word}`} className="w-48 text-sm">
              “{w.word}”
            </label>
            <select
              id={`v-${slug}-${w.word}`}
              name={`words.${w.word}`}
              className="input"
              defaultValue={w.grade}
            >
              {FINDING_GRADES.map((g) => (
                <option key={g} value={g}>
                  {GRADE_LABELS[g]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <FieldError error={failure?.fieldErrors.words} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`v-${slug}-new`} className="label">
            Add a word (optional)
          </label>
          <input id={`v-${slug}-new`} name="newWord" className="input" maxLength={100} />
          <FieldError error={failure?.fieldErrors.newWord} />
        </div>
        <div>
          <label htmlFor={`v-${slug}-newGrade`} className="label">
            maps to
          </label>
          <select id={`v-${slug}-newGrade`} name="newGrade" className="input" defaultValue="">
            <option value="">—</option>
            {FINDING_GRADES.map((g) => (
              <option key={g} value={g}>
                {GRADE_LABELS[g]}
              </option>
            ))}
          </select>
          <FieldError error={failure?.fieldErrors.newGrade} />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy}>
          Save {scheme} words
        </button>
      </div>
    </Form>
  );
}
