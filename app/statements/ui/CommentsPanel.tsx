import { Form } from "@remix-run/react";
import { FieldError } from "~/ui/form";
import { Card } from "~/ui/layout";

type Comment = { id: string; criterionKey: string | null; body: string; author: string; createdAt: string };

/** Review comments on this version; closed once it is approved. */
export function CommentsPanel({
  comments,
  criteria,
  open,
  error,
}: {
  comments: Comment[];
  criteria: { key: string; heading: string }[];
  open: boolean;
  error?: string;
}) {
  const heading = (key: string | null) => criteria.find((c) => c.key === key)?.heading ?? "Whole statement";
  return (
    <Card title="Review comments">
      {comments.length === 0 ? <p className="text-sm text-slate-500">No comments yet.</p> : null}
      <ul className="space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="text-sm">
            <p className="text-xs text-slate-500">
              {c.author} · {c.createdAt.slice(0, 16).replace("T", " ")} UTC · {heading(c.criterionKey)}
            </p>
            <p className="whitespace-pre-line text-slate-800">{c.body}</p>
          </li>
        ))}
      </ul>
      {open ? (
        <Form method="post" className="mt-3 space-y-2" noValidate>
          <input type="hidden" name="intent" value="comment" />
          <select name="criterionKey" className="input" aria-label="About">
            <option value="">Whole statement</option>
            {criteria.map((c) => (
              <option key={c.key} value={c.key}>
                {c.heading}
              </option>
            ))}
          </select>
          <textarea name="body" rows={2} className="input" aria-label="Comment" />
          <FieldError error={error} />
          <button type="submit" className="btn-secondary w-full">
            Add comment
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
