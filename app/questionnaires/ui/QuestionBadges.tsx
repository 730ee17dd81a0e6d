import { Badge } from "~/ui/layout";
import { iloLabel, QUESTION_TYPE_LABELS, type Question } from "../model";

/** What a question is at a glance: type, required, rules, evidence, condition, ILO indicators. */
export function QuestionBadges({ q }: { q: Question }) {
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      <Badge>{QUESTION_TYPE_LABELS[q.type]}</Badge>
      {q.required ? <Badge tone="blue">required</Badge> : <Badge>optional</Badge>}
      {q.allowNotApplicable ? <Badge>N/A allowed</Badge> : null}
      {q.rule.redFlag ? <Badge tone="red">red flag</Badge> : null}
      {q.rule.control ? <Badge tone="green">control</Badge> : null}
      {q.evidence ? <Badge tone="blue">evidence requested</Badge> : null}
      {q.visibleWhen ? (
        <Badge tone="amber">
          shown when {q.visibleWhen.questionId}{" "}
          {"equals" in q.visibleWhen ? `= ${q.visibleWhen.equals}` : `in ${q.visibleWhen.in.join(", ")}`}
        </Badge>
      ) : null}
      {q.iloIndicators.map((n) => (
        <span key={n} title={iloLabel(n)}>
          <Badge>ILO {n}</Badge>
        </span>
      ))}
    </div>
  );
}
