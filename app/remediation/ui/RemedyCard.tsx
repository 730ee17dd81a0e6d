import { Form } from "@remix-run/react";
import { CURRENCIES } from "~/suppliers/currencies";
import { Field, FieldError, FormError } from "~/ui/form";
import { Card } from "~/ui/layout";
import { REMEDY_KINDS, type RemedyKind } from "~db/schema/remediation.constants";
import { formatMoney, REMEDY_KIND_LABELS } from "../remedy-kinds";
import type { Failure } from "./ActionForms";

export type RemedyRow = {
  id: string;
  kind: RemedyKind;
  description: string | null;
  amountMinor: number | null;
  currency: string | null;
  workers: number;
  remediedOn: string;
  evidenceId: string | null;
  recordedBy: string | null;
};

/** What reached the workers through this action, and (for members who may write) a form to record more. */
export function RemedyCard({
  remedies,
  evidence,
  canWrite,
  failure,
  busy,
}: {
  remedies: RemedyRow[];
  evidence: { id: string; fileName: string }[];
  canWrite: boolean;
  failure?: Failure;
  busy: boolean;
}) {
  const v = (name: string) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : "";
  };
  const files = new Map(evidence.map((e) => [e.id, e.fileName]));
  return (
    <Card title="Remedy to workers">
      {remedies.length ? (
        <ul className="mb-4 divide-y divide-slate-100 text-sm">
          {remedies.map((r) => (
            <li key={r.id} className="py-2">
              <span className="font-medium">{REMEDY_KIND_LABELS[r.kind]}</span> · {r.workers} worker
              {r.workers === 1 ? "" : "s"}
              {r.amountMinor !== null && r.currency
                ? ` · ${formatMoney(r.amountMinor, r.currency)}`
                : ""} · {r.remediedOn}
              {r.evidenceId && files.get(r.evidenceId) ? (
                <a className="link ml-1" href={`/evidence/${r.evidenceId}/download`}>
                  ({files.get(r.evidenceId)})
                </a>
              ) : null}
              {r.description ? <p className="text-slate-600">{r.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-500">No remedy to workers recorded yet.</p>
      )}
      {canWrite ? (
        <Form method="post" className="space-y-3" noValidate aria-label="Record a remedy">
          <input type="hidden" name="intent" value="remedy" />
          <FormError error={failure?.formError} />
          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="r-kind" className="label">
                What was remedied
              </label>
              <select id="r-kind" name="kind" className="input" defaultValue={v("kind")}>
                <option value="">Choose…</option>
                {REMEDY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {REMEDY_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
              <FieldError error={failure?.fieldErrors.kind} />
            </div>
            <Field
              id="r-workers"
              label="Number of workers"
              name="workers"
              type="number"
              min={1}
              defaultValue={v("workers")}
              error={failure?.fieldErrors.workers}
            />
            <Field
              id="r-remediedOn"
              label="Date of the remedy"
              name="remediedOn"
              type="date"
              defaultValue={v("remediedOn")}
              error={failure?.fieldErrors.remediedOn}
            />
            <Field
              id="r-amount"
              label="Amount paid (optional)"
              name="amount"
              inputMode="decimal"
              defaultValue={v("amount")}
              error={failure?.fieldErrors.amount}
            />
            <div>
              <label htmlFor="r-currency" className="label">
                Currency
              </label>
              <select id="r-currency" name="currency" className="input" defaultValue={v("currency")}>
                <option value="">—</option>
                {CURRENCIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} · {c.name}
                  </option>
                ))}
              </select>
              <FieldError error={failure?.fieldErrors.currency} />
            </div>
            <div>
              <label htmlFor="r-evidenceId" className="label">
                Evidence file
              </label>
              <select id="r-evidenceId" name="evidenceId" className="input" defaultValue={v("evidenceId")}>
                <option value="">—</option>
                {evidence.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.fileName}
                  </option>
                ))}
              </select>
              <FieldError error={failure?.fieldErrors.evidenceId} />
            </div>
          </div>
          <div>
            <label htmlFor="r-description" className="label">
              Details (optional)
            </label>
            <textarea
              id="r-description"
              name="description"
              rows={2}
              className="input"
              defaultValue={v("description")}
            />
          </div>
          <button type="submit" className="btn-secondary" disabled={busy}>
            Record remedy
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
