import { Form } from "@remix-run/react";
import { FormError, stringValue, TextArea } from "~/ui/form";
import type { Failure } from "./ActionForms";

export type WithdrawLabels = {
  summary: string;
  reason: string;
  hint: string;
  button: string;
};

export const ENGLISH_WITHDRAW_LABELS: WithdrawLabels = {
  summary: "Withdraw this file",
  reason: "Why is it withdrawn?",
  hint: "The file stops counting as evidence and is deleted, unless a verification or remedy relied on it (then it is kept on record). Its earlier versions go with it.",
  button: "Withdraw file",
};

/**
 * Withdraw one evidence file (D42), with the reason: a small form folded under the file. The failure is
 * shown only under the file it names. `hidden` carries the supplier page's action id.
 */
export function WithdrawEvidenceForm({
  evidenceId,
  failure,
  busy,
  labels = ENGLISH_WITHDRAW_LABELS,
  hidden = {},
}: {
  evidenceId: string;
  failure?: Failure;
  busy: boolean;
  labels?: WithdrawLabels;
  hidden?: Record<string, string>;
}) {
  const mine = stringValue(failure?.values, "evidenceId") === evidenceId ? failure : undefined;
  const id = `withdraw-reason-${evidenceId}`;
  return (
    <details className="text-xs text-slate-600" open={!!mine}>
      <summary className="cursor-pointer text-red-700">{labels.summary}</summary>
      <Form method="post" className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="intent" value="withdraw_evidence" />
        <input type="hidden" name="evidenceId" value={evidenceId} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormError error={mine && !mine.fieldErrors.reason ? mine.formError : undefined} />
        <TextArea
          id={id}
          name="reason"
          label={labels.reason}
          hint={labels.hint}
          rows={2}
          defaultValue={stringValue(mine?.values, "reason") ?? ""}
          error={mine?.fieldErrors.reason}
        />
        <button type="submit" className="btn-secondary text-red-700" disabled={busy}>
          {labels.button}
        </button>
      </Form>
    </details>
  );
}

export type WithdrawnRow = {
  id: string;
  fileName: string;
  version: number;
  sha256: string;
  createdAt: string;
  uploadedBy: string | null;
  at: string;
  by: string;
  reason: string;
  kept: boolean;
};

/** Withdrawn files on record: what, when, by whom and why, and whether the file itself was kept. */
export function WithdrawnList({ rows, canDownload }: { rows: WithdrawnRow[]; canDownload: boolean }) {
  if (!rows.length) return null;
  return (
    <details className="mt-3 text-xs text-slate-600" data-testid="withdrawn-evidence">
      <summary className="cursor-pointer">
        {rows.length} withdrawn file{rows.length === 1 ? "" : "s"} (on record, not counted as evidence)
      </summary>
      <ul className="mt-2 space-y-2 pl-4">
        {rows.map((w) => (
          <li key={w.id} className="break-all">
            {w.kept && canDownload ? (
              <a href={`/evidence/${w.id}/download`} className="link" rel="noopener">
                {w.fileName}
              </a>
            ) : (
              <span className="line-through">{w.fileName}</span>
            )}{" "}
            (version {w.version}, uploaded {w.createdAt.slice(0, 10)} by {w.uploadedBy ?? "—"}) · withdrawn{" "}
            {w.at.slice(0, 10)} by {w.by}: {w.reason} ·{" "}
            {w.kept
              ? "kept: a verification or remedy relied on it"
              : "file deleted from storage; its SHA-256 stays on record"}{" "}
            <code>SHA-256 {w.sha256.slice(0, 16)}…</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
