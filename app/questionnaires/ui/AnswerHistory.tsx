import type { ReviewedQuestion } from "../review.server";

/** Every answer a question had, per review round, with who gave it and when (UTC). */
export function AnswerHistory({ q }: { q: ReviewedQuestion }) {
  if (q.history.length === 0) return null;
  return (
    <details className="mt-2 text-xs text-slate-600">
      <summary className="cursor-pointer select-none text-slate-600 hover:text-slate-800">
        Answer history ({q.history.length})
      </summary>
      <ol className="mt-1 space-y-1 border-l border-slate-200 pl-3">
        {q.history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <span className="font-medium">Round {h.round}</span> · {h.at.slice(0, 16).replace("T", " ")} UTC ·{" "}
            {h.by}: <span className="text-slate-900">{h.answer}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
