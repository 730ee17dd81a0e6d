import { Form, Link } from "@remix-run/react";
import type { ExpiryStatus } from "~/evidence/expiry";
import { formatBytes } from "~/evidence/file-types";
import { Field, FieldError, FormError, Select, stringValue } from "~/ui/form";
import { Card, EmptyState } from "~/ui/layout";
import { EvidenceUploadForm, type Failure } from "./ActionForms";
import { WithdrawEvidenceForm, WithdrawnList, type WithdrawnRow } from "./WithdrawEvidence";

export type EvidenceVersionRow = {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  version: number;
  uploadedBy: string | null;
  uploadedByLabel: string | null;
  createdAt: string;
};

export type ActionEvidenceRow = EvidenceVersionRow & {
  contentType: string;
  /** Sent by the supplier through its link. */
  fromSupplier: boolean;
  ownerUserId: string | null;
  owner: string | null;
  expiresOn: string | null;
  /** Judged by the server from the date (expired = the last valid day has passed). */
  expiry: ExpiryStatus;
  /** Earlier versions of the same document, newest first. */
  previous: EvidenceVersionRow[];
};

const EXPIRY_BADGE: Partial<Record<ExpiryStatus, { label: string; className: string }>> = {
  expired: { label: "Expired", className: "bg-red-100 text-red-800 ring-red-200" },
  expiring: { label: "Expires soon", className: "bg-amber-100 text-amber-800 ring-amber-200" },
};

/** Every file and earlier version, for choosers elsewhere on the page (e.g. a remedy's evidence). */
export function evidenceChoices(evidence: ActionEvidenceRow[]): { id: string; fileName: string }[] {
  return evidence.flatMap((e) => [
    { id: e.id, fileName: e.fileName },
    ...e.previous.map((p) => ({ id: p.id, fileName: `${p.fileName} (version ${p.version})` })),
  ]);
}

function FileLink({ file, canDownload }: { file: EvidenceVersionRow; canDownload: boolean }) {
  return canDownload ? (
    <a href={`/evidence/${file.id}/download`} className="link" rel="noopener">
      {file.fileName}
    </a>
  ) : (
    <>{file.fileName}</>
  );
}

function Uploaded({ file }: { file: EvidenceVersionRow }) {
  return (
    <>
      {formatBytes(file.sizeBytes)} · {file.createdAt.slice(0, 10)} ·{" "}
      {file.uploadedBy ?? file.uploadedByLabel ?? "—"}
    </>
  );
}

/** Re-read a file from storage and compare its SHA-256 with the one recorded at upload. */
function VerifyHashButton({ evidenceId, busy }: { evidenceId: string; busy: boolean }) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value="verify_hash" />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button type="submit" className="link text-xs" disabled={busy}>
        Verify SHA-256
      </button>
    </Form>
  );
}

/** Change who owns a current file and until when it is valid (one small form per file). */
function EvidenceDetailsForm({
  e,
  owners,
  failure,
  busy,
}: {
  e: ActionEvidenceRow;
  owners: { id: string; name: string }[];
  failure?: Failure;
  busy: boolean;
}) {
  const mine = stringValue(failure?.values, "evidenceId") === e.id ? failure : undefined;
  const errors = mine?.fieldErrors ?? {};
  const id = (name: string) => `f-${name}-${e.id}`;
  return (
    <details className="text-xs text-slate-600" open={!!mine}>
      <summary className="cursor-pointer">Change owner or expiry</summary>
      <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="intent" value="evidence_details" />
        <input type="hidden" name="evidenceId" value={e.id} />
        <FormError error={mine && !Object.keys(errors).length ? mine.formError : undefined} />
        <div>
          <label htmlFor={id("ownerUserId")} className="label">
            Owner
          </label>
          <select
            id={id("ownerUserId")}
            name="ownerUserId"
            className="input"
            defaultValue={stringValue(mine?.values, "ownerUserId") ?? e.ownerUserId ?? ""}
            aria-invalid={errors.ownerUserId ? true : undefined}
          >
            <option value="">Choose a member</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldError error={errors.ownerUserId} />
        </div>
        <div>
          <label htmlFor={id("expiresOn")} className="label">
            Valid until
          </label>
          <input
            id={id("expiresOn")}
            name="expiresOn"
            type="date"
            className="input"
            defaultValue={stringValue(mine?.values, "expiresOn") ?? e.expiresOn ?? ""}
            aria-invalid={errors.expiresOn ? true : undefined}
          />
          <FieldError error={errors.expiresOn ?? errors.evidenceId} />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy}>
          Save
        </button>
      </Form>
    </details>
  );
}

function EvidenceItem({
  e,
  canDownload,
  edit,
  verifyBusy,
  withdraw,
}: {
  e: ActionEvidenceRow;
  canDownload: boolean;
  edit?: { owners: { id: string; name: string }[]; failure?: Failure; busy: boolean };
  verifyBusy: boolean;
  withdraw?: { failure?: Failure; busy: boolean };
}) {
  const badge = EXPIRY_BADGE[e.expiry];
  return (
    <li className="space-y-1 py-2" data-testid="evidence-file">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="break-all">
          <FileLink file={e} canDownload={canDownload} />{" "}
          {canDownload ? (
            <>
              <Link to={`/evidence/${e.id}`} className="link text-xs">
                Preview
              </Link>{" "}
            </>
          ) : null}
          <span className="text-xs text-slate-500">
            version {e.version} · <Uploaded file={e} />
          </span>
        </span>
        <span className="flex items-center gap-2">
          <code className="text-xs text-slate-500" title={e.sha256}>
            SHA-256 {e.sha256.slice(0, 16)}…
          </code>
          {canDownload ? <VerifyHashButton evidenceId={e.id} busy={verifyBusy} /> : null}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>Owner: {e.owner ?? "nobody yet"}</span>
        <span>·</span>
        <span>{e.expiresOn ? `Valid until ${e.expiresOn}` : "No expiry date"}</span>
        {badge ? (
          <span
            className={`inline-flex items-center rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${badge.className}`}
          >
            {badge.label}
          </span>
        ) : null}
      </div>
      {e.previous.length ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">
            {e.previous.length} earlier version{e.previous.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-1 space-y-1 pl-4">
            {e.previous.map((p) => (
              <li key={p.id} className="break-all">
                Version {p.version}: <FileLink file={p} canDownload={canDownload} /> · <Uploaded file={p} /> ·{" "}
                <code>SHA-256 {p.sha256}</code>{" "}
                {canDownload ? <VerifyHashButton evidenceId={p.id} busy={verifyBusy} /> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {edit ? <EvidenceDetailsForm e={e} {...edit} /> : null}
      {withdraw ? <WithdrawEvidenceForm evidenceId={e.id} {...withdraw} /> : null}
    </li>
  );
}

/** The buyer's extra upload fields: who owns the file, when it expires, which file it replaces. */
function EvidenceMetaFields({
  evidence,
  owners,
  failure,
}: {
  evidence: ActionEvidenceRow[];
  owners: { id: string; name: string }[];
  failure?: Failure;
}) {
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Select
        label="Owner"
        name="ownerUserId"
        defaultValue={stringValue(failure?.values, "ownerUserId") ?? ""}
        error={errors.ownerUserId}
      >
        <option value="">Me (whoever uploads)</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Field
        label="Valid until (optional)"
        name="expiresOn"
        type="date"
        defaultValue={stringValue(failure?.values, "expiresOn") ?? ""}
        error={errors.expiresOn}
        hint="Its last valid day, e.g. a certificate's expiry."
      />
      <Select
        label="Replaces"
        name="replacesId"
        defaultValue={stringValue(failure?.values, "replacesId") ?? ""}
        error={errors.replacesId}
      >
        <option value="">Nothing: a new file</option>
        {evidence.map((e) => (
          <option key={e.id} value={e.id}>
            New version of {e.fileName}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function ActionEvidence({
  actionId,
  evidence,
  canDownload,
  canUpload,
  uploadLimit,
  maxBytes,
  failure,
  busy,
  owners,
  detailsFailure,
  detailsBusy = false,
  verifyFailure,
  verifyBusy = false,
  withdrawn = [],
  canWithdraw,
  withdrawFailure,
  withdrawBusy = false,
}: {
  actionId: string;
  evidence: ActionEvidenceRow[];
  /** Files withdrawn earlier, kept on record. */
  withdrawn?: WithdrawnRow[];
  /** Whether this member may withdraw a file (admins any; others the buyer's own uploads). */
  canWithdraw?: (e: ActionEvidenceRow) => boolean;
  withdrawFailure?: Failure;
  withdrawBusy?: boolean;
  canDownload: boolean;
  canUpload: boolean;
  uploadLimit: string;
  /** The file limit in bytes (checked before a file is sent). */
  maxBytes?: number;
  failure?: Failure;
  busy: boolean;
  owners: { id: string; name: string }[];
  /** The failed "change owner or expiry" form, if any (it names its file). */
  detailsFailure?: Failure;
  detailsBusy?: boolean;
  /** A hash check that found the stored file changed or gone. */
  verifyFailure?: Failure;
  verifyBusy?: boolean;
}) {
  return (
    <Card title={`Evidence (${evidence.length})`}>
      <FormError error={verifyFailure?.formError} />
      {withdrawFailure && !withdrawFailure.values?.evidenceId ? (
        <FormError error={withdrawFailure.formError} />
      ) : null}
      {evidence.length === 0 ? (
        <EmptyState title="No evidence yet">
          Verification needs at least one file: a photo, a record, a receipt.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {evidence.map((e) => (
            <EvidenceItem
              key={e.id}
              e={e}
              canDownload={canDownload}
              edit={canUpload ? { owners, failure: detailsFailure, busy: detailsBusy } : undefined}
              verifyBusy={verifyBusy}
              withdraw={canWithdraw?.(e) ? { failure: withdrawFailure, busy: withdrawBusy } : undefined}
            />
          ))}
        </ul>
      )}
      <WithdrawnList rows={withdrawn} canDownload={canDownload} />
      {canUpload ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <EvidenceUploadForm
            uploadUrl={`/remediation/${actionId}/upload`}
            failure={failure}
            busy={busy}
            uploadLimit={uploadLimit}
            maxBytes={maxBytes}
          >
            {(shown) => <EvidenceMetaFields evidence={evidence} owners={owners} failure={shown} />}
          </EvidenceUploadForm>
        </div>
      ) : null}
    </Card>
  );
}

const KIND_LABELS = {
  suspension: "Suspension of new orders",
  responsible_exit: "Responsible exit plan",
} as const;

export function EscalationList({
  escalations,
}: {
  escalations: {
    id: string;
    kind: keyof typeof KIND_LABELS;
    reason: string;
    requestedBy: string | null;
    approvedBy: string | null;
    at: string;
  }[];
}) {
  if (escalations.length === 0) return null;
  return (
    <Card title="Escalations">
      <ul className="space-y-3 text-sm">
        {escalations.map((e) => (
          <li key={e.id}>
            <div className="font-medium text-red-800">{KIND_LABELS[e.kind]}</div>
            <p className="whitespace-pre-wrap text-slate-700">{e.reason}</p>
            <div className="text-xs text-slate-500">
              {e.at.slice(0, 10)} · requested by {e.requestedBy ?? "—"} · approved by {e.approvedBy ?? "—"}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
