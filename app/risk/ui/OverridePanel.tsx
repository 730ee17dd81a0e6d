import { Form } from "@remix-run/react";
import type { OverrideRow } from "~/risk/overrides.server";
import { Field, FormError } from "~/ui/form";
import { Badge, Card, RiskBadge } from "~/ui/layout";
import { RISK_LEVELS } from "~db/schema/suppliers.constants";

type Failure = {
  intent?: string;
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, unknown>;
};

const STATUS: Record<string, { label: string; tone: "slate" | "green" | "amber" | "red" | "blue" }> = {
  pending: { label: "Awaiting a second person", tone: "amber" },
  approved: { label: "Approved", tone: "green" },
  rejected: { label: "Rejected", tone: "red" },
  withdrawn: { label: "Withdrawn", tone: "slate" },
};

/**
 * Overrides: a permitted member asks for a level with a written justification and an expiry date; a
 * second person approves or rejects it. The computed score stays visible beside an active override.
 */
export function OverridePanel({
  overrides,
  canOverride,
  meId,
  failure,
  today,
}: {
  overrides: OverrideRow[];
  canOverride: boolean;
  meId: string | null;
  failure: Failure | null;
  today: string;
}) {
  const requestFailure = failure?.intent === "request-override" ? failure : null;
  const decideFailure = failure?.intent === "decide-override" ? failure : null;
  const v = (k: string) => String(requestFailure?.values?.[k] ?? "");
  return (
    <Card title="Risk overrides">
      <div className="space-y-4 text-sm">
        {overrides.length ? (
          <ul className="divide-y divide-slate-100">
            {overrides.map((o) => (
              <li key={o.id} className="space-y-1 py-2" data-testid="override-row">
                <div className="flex flex-wrap items-center gap-2">
                  <RiskBadge level={o.level} />
                  <Badge tone={o.expired ? "slate" : STATUS[o.status].tone}>
                    {o.expired ? `Expired ${o.expiresOn}` : STATUS[o.status].label}
                  </Badge>
                  <span className="text-xs text-slate-500">
                    until {o.expiresOn} · requested by {o.requestedByLabel}
                    {o.decidedByLabel ? ` · decided by ${o.decidedByLabel}` : ""} · computed then{" "}
                    {o.computedLevel ?? "unscored"} {o.computedScore ?? ""}
                  </span>
                </div>
                <p className="text-slate-700">{o.justification}</p>
                {o.decisionNote ? <p className="text-xs text-slate-500">Note: {o.decisionNote}</p> : null}
                {canOverride && o.status === "pending" && o.requestedByUserId !== meId ? (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="decide-override" />
                    <input type="hidden" name="overrideId" value={o.id} />
                    <input
                      name="note"
                      className="input max-w-xs"
                      placeholder="Note (optional)"
                      aria-label="Decision note"
                    />
                    <button type="submit" name="decision" value="approve" className="btn-primary">
                      Approve override
                    </button>
                    <button type="submit" name="decision" value="reject" className="btn-secondary">
                      Reject
                    </button>
                  </Form>
                ) : null}
                {canOverride && o.status === "pending" && o.requestedByUserId === meId ? (
                  <p className="text-xs text-slate-500">
                    A second person with override rights must decide this request.
                  </p>
                ) : null}
                {canOverride && (o.status === "pending" || o.active) ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="withdraw-override" />
                    <input type="hidden" name="overrideId" value={o.id} />
                    <button type="submit" className="text-xs text-red-600 hover:underline">
                      {o.active ? "End override now" : "Withdraw request"}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">No overrides. The computed score applies.</p>
        )}
        {decideFailure ? (
          <FormError error={decideFailure.fieldErrors.decision ?? decideFailure.formError} />
        ) : null}
        {canOverride ? (
          <Form method="post" className="space-y-3 border-t border-slate-100 pt-3" noValidate>
            <input type="hidden" name="intent" value="request-override" />
            <p className="font-medium text-slate-700">Request an override</p>
            {requestFailure?.formError && !Object.keys(requestFailure.fieldErrors).length ? (
              <FormError error={requestFailure.formError} />
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="override-level" className="label">
                  Level
                </label>
                <select id="override-level" name="level" className="input" defaultValue={v("level")}>
                  <option value="">Choose…</option>
                  {RISK_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
                {requestFailure?.fieldErrors.level ? (
                  <p className="mt-1 text-xs text-red-600">{requestFailure.fieldErrors.level}</p>
                ) : null}
              </div>
              <Field
                label="Last day it applies"
                name="expiresOn"
                type="date"
                min={today}
                defaultValue={v("expiresOn")}
                error={requestFailure?.fieldErrors.expiresOn}
              />
            </div>
            <div>
              <label htmlFor="override-justification" className="label">
                Justification
              </label>
              <textarea
                id="override-justification"
                name="justification"
                rows={3}
                className="input"
                defaultValue={v("justification")}
                aria-invalid={requestFailure?.fieldErrors.justification ? true : undefined}
              />
              {requestFailure?.fieldErrors.justification ? (
                <p className="mt-1 text-xs text-red-600">{requestFailure.fieldErrors.justification}</p>
              ) : null}
            </div>
            <button type="submit" className="btn-secondary">
              Request override
            </button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
