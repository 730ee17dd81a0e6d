import { Badge } from "~/ui/layout";
import type { ReviewedQuestion } from "../review.server";
import { AnswerHistory } from "./AnswerHistory";
import { ReviewDecision } from "./ReviewDecision";

/**
 * One question as the buyer reviews it: the answer (red flags and returned ones marked), its risk points,
 * evidence, earlier comments, the accept/return controls while reviewing, and its history.
 */
export function ReviewedAnswer({
  q,
  reviewing,
  answersVisible,
  canReadEvidence,
}: {
  q: ReviewedQuestion;
  reviewing: boolean;
  answersVisible: boolean;
  canReadEvidence: boolean;
}) {
  return (
    <li
      id={`q-${q.id}`}
      className={`py-3 ${q.redFlag ? "-mx-4 border-l-4 border-red-500 bg-red-50 px-4" : q.review?.decision === "returned" ? "-mx-4 border-l-4 border-amber-400 bg-amber-50 px-4" : ""}`}
      data-red-flag={q.redFlag ? "true" : undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-sm text-slate-800">
          <span className="mr-2 font-mono text-xs text-slate-600">{q.id}</span>
          {q.text}
        </p>
        <div className="flex flex-wrap gap-1">
          {q.redFlag ? <Badge tone="red">Red flag</Badge> : null}
          {q.controlStatus === "evidenced" ? <Badge tone="green">Evidenced control</Badge> : null}
          {q.controlStatus === "self-declared" ? <Badge tone="amber">Self-declared control</Badge> : null}
          {q.control && !q.controlStatus ? <Badge tone="green">Control</Badge> : null}
          {q.review?.decision === "accepted" ? <Badge tone="green">Accepted</Badge> : null}
          {q.review?.decision === "returned" ? (
            <Badge tone="amber">{q.review.sent ? "Returned" : "To return"}</Badge>
          ) : null}
          {q.ilo.map((i) => (
            <span key={i.n} title={i.label}>
              <Badge tone="blue">ILO {i.n}</Badge>
            </span>
          ))}
        </div>
      </div>
      <p
        className={`mt-1 whitespace-pre-wrap text-sm font-medium ${q.answered ? (q.redFlag ? "text-red-700" : "text-slate-900") : "italic text-slate-600"}`}
      >
        {q.answer}
        {q.writtenIn ? (
          <span className="ml-2 text-xs font-normal italic text-slate-600">(written in {q.writtenIn})</span>
        ) : null}
        {q.points !== 0 ? (
          <span className="ml-2 text-xs font-normal text-slate-600">
            ({q.points > 0 ? "+" : ""}
            {q.points} risk points)
          </span>
        ) : null}
      </p>
      {q.evidenceRequest ? (
        <p className="mt-1 text-xs text-slate-600">Evidence requested: {q.evidenceRequest}</p>
      ) : null}
      {q.files.length > 0 ? (
        <ul className="mt-1 flex flex-wrap gap-2 text-sm">
          {q.files.map((f) => (
            <li key={f.id}>
              {canReadEvidence ? (
                <a className="link" href={`/evidence/${f.id}/download`}>
                  {f.fileName}
                </a>
              ) : (
                <span>{f.fileName}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {q.earlierComments.map((c) => (
        <p key={c.round} className="mt-1 text-xs text-amber-800">
          Returned in round {c.round} by {c.by}: “{c.comment}”
        </p>
      ))}
      {q.review?.decision === "returned" && q.review.comment && (q.review.sent || !reviewing) ? (
        <p className="mt-1 text-xs text-amber-800">Comment: “{q.review.comment}”</p>
      ) : null}
      {reviewing && answersVisible ? <ReviewDecision q={q} /> : null}
      <AnswerHistory q={q} />
    </li>
  );
}
