import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { FieldError } from "~/ui/form";
import type { reviewIntent } from "../review-intents.server";
import type { ReviewedQuestion } from "../review.server";

/** Accept or return one question; a fetcher so reviewing sixty questions never reloads the page. */
export function ReviewDecision({ q }: { q: ReviewedQuestion }) {
  const fetcher = useFetcher<typeof reviewIntent>();
  const [mode, setMode] = useState(q.review?.decision === "returned");
  const error =
    fetcher.data && !fetcher.data.ok
      ? (fetcher.data.fieldErrors?.comment ?? fetcher.data.formError)
      : undefined;
  const sending = fetcher.state !== "idle";
  return (
    <div className="mt-2 flex flex-wrap items-start gap-2">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="questionId" value={q.id} />
        <input type="hidden" name="decision" value="accepted" />
        <button
          type="submit"
          className={`rounded-md border px-2 py-1 text-xs font-medium ${q.review?.decision === "accepted" ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          disabled={sending}
          aria-pressed={q.review?.decision === "accepted"}
        >
          {q.review?.decision === "accepted" ? "✓ Accepted" : "Accept"}
        </button>
      </fetcher.Form>
      {mode ? (
        <fetcher.Form method="post" className="flex min-w-[18rem] flex-1 flex-col gap-1">
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="questionId" value={q.id} />
          <input type="hidden" name="decision" value="returned" />
          <label htmlFor={`c-${q.id}`} className="sr-only">
            Comment for the supplier on {q.id}
          </label>
          <textarea
            id={`c-${q.id}`}
            name="comment"
            rows={2}
            className="input text-sm"
            placeholder="What should the supplier change?"
            defaultValue={q.review?.comment ?? ""}
            aria-invalid={error ? true : undefined}
          />
          <FieldError error={error} />
          <div>
            <button type="submit" className="btn-secondary py-1 text-xs" disabled={sending}>
              {q.review?.decision === "returned" ? "Update comment" : "Mark to return with this comment"}
            </button>
          </div>
        </fetcher.Form>
      ) : (
        <button
          type="button"
          onClick={() => setMode(true)}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          Return with a comment
        </button>
      )}
    </div>
  );
}
