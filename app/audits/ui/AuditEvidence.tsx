import { Link } from "@remix-run/react";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_HINT, formatBytes } from "~/evidence/file-types";
import { UploadForm } from "~/evidence/ui/UploadForm";
import { VerifyHashButton } from "~/evidence/ui/VerifyHashButton";
import { DataTable } from "~/ui/DataTable";
import { FieldError, FormError } from "~/ui/form";
import { Card, EmptyState } from "~/ui/layout";
import { GRADE_LABELS, type FindingGrade } from "../catalogue";

export type AuditEvidenceRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  findingId: string | null;
  createdAt: string;
};

type Failure = { formError?: string; fieldErrors: Record<string, string> };

export function AuditEvidenceList({
  evidence,
  findingTitles,
  canUpload,
}: {
  evidence: AuditEvidenceRow[];
  findingTitles: Map<string, string>;
  canUpload: boolean;
}) {
  return (
    <Card title={`Evidence (${evidence.length})`}>
      {evidence.length === 0 ? (
        <EmptyState title="No evidence uploaded">
          {canUpload ? "Upload the audit report, photos or corrective-action evidence below." : null}
        </EmptyState>
      ) : (
        <DataTable
          box="flush"
          columns={[
            "File",
            "Type",
            { label: "Size", className: "text-right" },
            "Finding",
            "Uploaded",
            "SHA-256",
            "Check",
          ]}
        >
          {evidence.map((e) => (
            <tr key={e.id}>
              <td className="max-w-xs break-all">
                {/* A plain link: the download is a document request the app streams as an attachment. */}
                <a href={`/evidence/${e.id}/download`} className="link" rel="noopener">
                  {e.fileName}
                </a>
              </td>
              <td className="text-xs">{e.contentType}</td>
              <td className="whitespace-nowrap text-right tabular-nums">{formatBytes(e.sizeBytes)}</td>
              <td className="text-xs">
                {e.findingId ? (findingTitles.get(e.findingId) ?? "—") : "Whole audit"}
              </td>
              <td className="whitespace-nowrap text-xs tabular-nums">{e.createdAt.slice(0, 10)}</td>
              <td>
                <code className="text-xs text-slate-500" title={e.sha256}>
                  {e.sha256.slice(0, 12)}…
                </code>
              </td>
              <td className="whitespace-nowrap">
                <Link to={`/evidence/${e.id}`} className="link text-xs">
                  Preview
                </Link>{" "}
                · <VerifyHashButton evidenceId={e.id} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}

export function AuditUploadForm({
  auditId,
  findings,
  uploadLimit,
  maxBytes,
  failure,
  busy,
}: {
  auditId: string;
  findings: { id: string; title: string; grade: FindingGrade }[];
  uploadLimit: string;
  /** The file limit in bytes: a bigger file is refused before it is sent. */
  maxBytes?: number;
  failure?: Failure;
  busy: boolean;
}) {
  return (
    <Card title="Upload evidence">
      <UploadForm
        uploadUrl={`/audits/${auditId}/upload`}
        failure={failure}
        busy={busy}
        className="space-y-4"
        maxFile={
          maxBytes
            ? {
                bytes: maxBytes,
                message: `The file is larger than the ${uploadLimit} limit. Please upload a smaller file (or split it).`,
              }
            : undefined
        }
      >
        {({ failure, busy }) => (
          <>
            <input type="hidden" name="intent" value="upload" />
            <FormError error={failure?.formError} />
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="f-file" className="label">
                  File
                </label>
                <input
                  id="f-file"
                  name="file"
                  type="file"
                  required
                  accept={ACCEPT_ATTRIBUTE}
                  className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
                  aria-invalid={failure?.fieldErrors.file ? true : undefined}
                  aria-describedby="f-file-hint"
                />
                <p id="f-file-hint" className="mt-1 text-xs text-slate-500">
                  {ALLOWED_TYPES_HINT}, up to {uploadLimit}. The type is checked from the file&apos;s content,
                  not its name.
                </p>
                {failure?.fieldErrors.file && failure.fieldErrors.file !== failure.formError ? (
                  <FieldError error={failure.fieldErrors.file} />
                ) : null}
              </div>
              <div>
                <label htmlFor="f-findingId" className="label">
                  Relates to finding (optional)
                </label>
                <select id="f-findingId" name="findingId" className="input" defaultValue="">
                  <option value="">The audit as a whole</option>
                  {findings.map((f) => (
                    <option key={f.id} value={f.id}>
                      {GRADE_LABELS[f.grade]}: {f.title}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="flex justify-end">
              <button type="submit" className="btn-primary" disabled={busy}>
                {busy ? "Uploading…" : "Upload"}
              </button>
            </div>
          </>
        )}
      </UploadForm>
    </Card>
  );
}
