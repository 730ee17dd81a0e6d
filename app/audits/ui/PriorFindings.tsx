import { Form, Link } from "@remix-run/react";
import { StateBadge } from "~/remediation/ui/StateBadge";
import { FieldError, FormError } from "~/ui/form";
import { Badge, EmptyState } from "~/ui/layout";
import type { FindingGrade, FollowUpOutcome } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import { GRADE_LABELS } from "../catalogue";
import { CHOICE_LABELS, followUpChoices } from "../follow-up";
import { GradeBadge } from "../GradeBadge";
import type { SchemeWord } from "../vocabulary";

export type PriorFindingView = {
  id: string;
  title: string;
  clause: string | null;
  grade: FindingGrade;
  schemeGrade: string | null;
  status: "open" | "closed";
  priorAuditId: string;
  priorScheme: string;
  priorAuditDate: string;
  action: { id: string; state: ActionState; planDueDate: string | null; dueDate: string } | null;
  reviews: {
    id: string;
    outcome: FollowUpOutcome;
    fromGrade: FindingGrade;
    toGrade: FindingGrade;
    note: string | null;
    by: string | null;
    at: string;
  }[];
};

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

const OUTCOME_WORDS: Record<FollowUpOutcome, string> = {
  regraded: "Graded again",
  closed: "Verified and closed",
  reopened: "Reopened",
};

/**
 * A follow-up audit's review of the supplier's earlier findings: for each one, grade it again (its
 * deadlines follow the new grade), close it as verified by this audit, or reopen it. Each row is its
 * own form; a refusal comes back to the row it belongs to.
 */
export function PriorFindings({
  scheme,
  vocabulary,
  findings,
  canWrite,
  failure,
  busy,
}: {
  scheme: string;
  vocabulary: SchemeWord[];
  findings: PriorFindingView[];
  canWrite: boolean;
  failure?: Failure;
  busy: boolean;
}) {
  if (findings.length === 0)
    return (
      <EmptyState title="No earlier findings">
        This supplier has no findings from audits before this one.
      </EmptyState>
    );
  const failedId = typeof failure?.values?.findingId === "string" ? failure.values.findingId : null;
  return (
    <ul className="divide-y divide-slate-100">
      {findings.map((f) => (
        <li key={f.id} className="py-4 first:pt-0 last:pb-0">
          <PriorFindingRow
            f={f}
            scheme={scheme}
            vocabulary={vocabulary}
            canWrite={canWrite}
            failure={failedId === f.id ? failure : undefined}
            busy={busy}
          />
        </li>
      ))}
    </ul>
  );
}

function PriorFindingRow({
  f,
  scheme,
  vocabulary,
  canWrite,
  failure,
  busy,
}: {
  f: PriorFindingView;
  scheme: string;
  vocabulary: SchemeWord[];
  canWrite: boolean;
  failure?: Failure;
  busy: boolean;
}) {
  const choices = f.action ? followUpChoices(f.action.state) : [];
  const v = (name: string) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : "";
  };
  const id = (name: string) => `fu-${f.id}-${name}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <GradeBadge grade={f.grade} />
            {f.schemeGrade ? <span className="text-xs text-slate-500">“{f.schemeGrade}”</span> : null}
            <span className="font-medium text-slate-900">{f.title}</span>
          </div>
          <div className="mt-1 text-xs text-slate-500">
            {f.clause ? `Clause ${f.clause} · ` : ""}
            <Link className="link" to={`/audits/${f.priorAuditId}`}>
              {f.priorScheme} audit of {f.priorAuditDate}
            </Link>
          </div>
        </div>
        <div className="flex items-center gap-2 text-xs text-slate-600">
          {f.status === "open" ? <Badge tone="amber">Open</Badge> : <Badge tone="green">Closed</Badge>}
          {f.action ? (
            <>
              <StateBadge state={f.action.state} />
              <Link className="link" to={`/remediation/${f.action.id}`}>
                Action, due {f.action.dueDate}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      {f.reviews.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-700">
          {f.reviews.map((r) => (
            <li key={r.id}>
              <span className="font-medium">At this audit: {OUTCOME_WORDS[r.outcome]}</span>
              {r.fromGrade !== r.toGrade
                ? ` (${GRADE_LABELS[r.fromGrade].toLowerCase()} → ${GRADE_LABELS[r.toGrade].toLowerCase()})`
                : ""}
              {r.by ? ` by ${r.by}` : ""}, {r.at.slice(0, 10)}
              {r.note ? <span className="text-slate-500"> — {r.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite && choices.length > 0 ? (
        <Form method="post" className="space-y-3 rounded-md bg-slate-50 p-3" noValidate>
          <input type="hidden" name="intent" value="follow-up" />
          <input type="hidden" name="findingId" value={f.id} />
          <FormError error={failure?.formError} />
          <fieldset>
            <legend className="label">What this audit found</legend>
            <div className="flex flex-wrap gap-4">
              {choices.map((c) => (
                <label key={c} className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="decision"
                    value={c}
                    defaultChecked={v("decision") === c}
                    aria-describedby={failure?.fieldErrors.decision ? id("decision-error") : undefined}
                  />
                  {CHOICE_LABELS[c]}
                </label>
              ))}
            </div>
            <FieldError id={id("decision-error")} error={failure?.fieldErrors.decision} />
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor={id("schemeGrade")} className="label">
                Grade ({scheme} words)
              </label>
              <select
                id={id("schemeGrade")}
                name="schemeGrade"
                className="input"
                defaultValue={v("schemeGrade")}
                aria-invalid={failure?.fieldErrors.schemeGrade ? true : undefined}
                aria-describedby={id("schemeGrade-hint")}
              >
                <option value="">Keep the current grade</option>
                {vocabulary.map((w) => (
                  <option key={w.word} value={w.word}>
                    {w.word} → {GRADE_LABELS[w.grade]}
                  </option>
                ))}
              </select>
              <p id={id("schemeGrade-hint")} className="mt-1 text-xs text-slate-500">
                The action&apos;s deadlines follow the new grade.
              </p>
              <FieldError error={failure?.fieldErrors.schemeGrade} />
            </div>
            <div className="sm:col-span-2">
              <label htmlFor={id("note")} className="label">
                What the audit saw
              </label>
              <textarea
                id={id("note")}
                name="note"
                rows={2}
                maxLength={4000}
                className="input"
                defaultValue={v("note")}
                aria-invalid={failure?.fieldErrors.note ? true : undefined}
                placeholder="Needed to close (what shows it is fixed) or reopen (why)."
              />
              <FieldError error={failure?.fieldErrors.note} />
            </div>
          </div>
          <div className="flex justify-end">
            <button type="submit" className="btn-secondary" disabled={busy}>
              {busy ? "Recording…" : "Record for this finding"}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
