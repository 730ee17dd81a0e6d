import type { ReactNode } from "react";
import { Badge, Card, RiskBadge } from "~/ui/layout";
import type { getAssignmentForReview } from "../review.server";
import { STATUS_LABELS, STATUS_TONES } from "../status";

type Review = ReturnType<typeof getAssignmentForReview>;

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** The assignment at a glance: status, supplier risk, dates, language, answers and red flags, declarant. */
export function AssignmentSummary({
  assignment: a,
  supplier,
  summary,
}: {
  assignment: Review["assignment"];
  supplier: Review["supplier"];
  summary: Review["summary"];
}) {
  return (
    <Card>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-7">
        <Meta label="Status">
          <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
        </Meta>
        <Meta label="Supplier risk">
          <RiskBadge level={supplier.riskLevel} score={supplier.riskScore} />
        </Meta>
        <Meta label="Due">{a.dueDate ?? "—"}</Meta>
        <Meta label="Opened">{a.firstOpenedAt ? a.firstOpenedAt.slice(0, 10) : "Not yet"}</Meta>
        <Meta label="Submitted">{a.submittedAt ? a.submittedAt.slice(0, 10) : "—"}</Meta>
        <Meta label="Answered in">{a.languageName}</Meta>
        <Meta label="Answers">
          {summary.answered}/{summary.questions}
          {summary.notShown > 0 ? (
            <span className="ml-1 text-xs text-slate-500">
              ({summary.notShown} follow-up question{summary.notShown === 1 ? "" : "s"} not shown for these
              answers)
            </span>
          ) : null}
          {summary.redFlags > 0 ? (
            <span className="ml-2">
              <Badge tone="red">
                {summary.redFlags} red flag{summary.redFlags === 1 ? "" : "s"}
              </Badge>
            </span>
          ) : null}
        </Meta>
      </dl>
      {a.declarationName ? (
        <p className="mt-4 text-sm text-slate-600">
          Declared by <strong>{a.declarationName}</strong>
          {a.declarationTitle ? `, ${a.declarationTitle}` : ""}. Review round {a.round}.
        </p>
      ) : null}
    </Card>
  );
}
