import { formatBytes } from "~/evidence/file-types";
import { Card, EmptyState } from "~/ui/layout";
import { EvidenceUploadForm, type Failure } from "./ActionForms";

export type ActionEvidenceRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedByLabel: string | null;
  createdAt: string;
};

export function ActionEvidence({
  evidence,
  canDownload,
  canUpload,
  uploadLimit,
  failure,
  busy,
}: {
  evidence: ActionEvidenceRow[];
  canDownload: boolean;
  canUpload: boolean;
  uploadLimit: string;
  failure?: Failure;
  busy: boolean;
}) {
  return (
    <Card title={`Evidence (${evidence.length})`}>
      {evidence.length === 0 ? (
        <EmptyState title="No evidence yet">
          Verification needs at least one file: a photo, a record, a receipt.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {evidence.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="break-all">
                {canDownload ? (
                  <a href={`/evidence/${e.id}/download`} className="link" rel="noopener">
                    {e.fileName}
                  </a>
                ) : (
                  e.fileName
                )}{" "}
                <span className="text-xs text-slate-500">
                  {formatBytes(e.sizeBytes)} · {e.createdAt.slice(0, 10)} ·{" "}
                  {e.uploadedBy ?? e.uploadedByLabel ?? "—"}
                </span>
              </span>
              <code className="text-xs text-slate-500" title={e.sha256}>
                SHA-256 {e.sha256.slice(0, 16)}…
              </code>
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <EvidenceUploadForm failure={failure} busy={busy} uploadLimit={uploadLimit} />
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
