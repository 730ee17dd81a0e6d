import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatBytes } from "~/evidence/file-types";
import { previewKind } from "~/evidence/preview";
import { EvidencePreview } from "~/evidence/ui/EvidencePreview";
import { verifyHashIntent } from "~/evidence/verify-intent.server";
import { evidenceView } from "~/evidence/view.server";
import { readForm } from "~/infra/form.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { FormError, Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.file.fileName} · ` : ""}Evidence · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "evidence:read");
  const today = new Date().toISOString().slice(0, 10);
  const file = await handle(() => evidenceView(ctx, params.evidenceId ?? "", today));
  return {
    file: {
      ...file,
      createdAt: file.createdAt.toISOString(),
      supersededAt: file.supersededAt?.toISOString() ?? null,
      withdrawnAt: file.withdrawnAt?.toISOString() ?? null,
    },
    preview: previewKind(file.contentType),
  };
}

/** The lists' Verify buttons post here (app/evidence/ui/VerifyHashButton.tsx), as does this page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "evidence:read");
  const form = await readForm(request);
  if (form.get("intent") !== "verify_hash")
    return formFailure(400, { formError: "Unknown form submission." });
  return verifyHashIntent(member, params.evidenceId ?? "");
}

export default function EvidencePage() {
  const { file, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent() === "verify_hash";
  const attachedTo = [
    file.actionId ? (
      <Link key="action" to={`/remediation/${file.actionId}`} className="link">
        Corrective action: {file.actionTitle}
      </Link>
    ) : null,
    file.auditId ? (
      <Link key="audit" to={`/audits/${file.auditId}`} className="link">
        {file.auditScheme} audit of {file.auditDate}
      </Link>
    ) : null,
    file.supplierId ? (
      <Link key="supplier" to={`/suppliers/${file.supplierId}`} className="link">
        {file.supplierName}
      </Link>
    ) : null,
    file.assignmentId ? (
      <Link key="answer" to={`/questionnaires/${file.assignmentId}`} className="link">
        Questionnaire answer
      </Link>
    ) : null,
  ].filter(Boolean);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={file.fileName}
        subtitle={
          <>
            {file.contentType} · {formatBytes(file.sizeBytes)} · version {file.version} · uploaded{" "}
            {file.createdAt.slice(0, 10)} by {file.uploadedBy ?? file.uploadedByLabel ?? "—"}
          </>
        }
        actions={
          <a href={`/evidence/${file.id}/download`} className="btn-secondary" rel="noopener">
            Download
          </a>
        }
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      <FormError error={result && !result.ok ? result.formError : undefined} />
      <Card title="Record">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-500">Evidences</dt>
          <dd className="flex flex-wrap gap-x-4">{attachedTo.length ? attachedTo : "—"}</dd>
          <dt className="text-slate-500">Owner</dt>
          <dd>{file.owner ?? "—"}</dd>
          <dt className="text-slate-500">Valid until</dt>
          <dd>
            {file.expiresOn ?? "No expiry date"}
            {file.expiry === "expired" ? <strong className="ml-2 text-red-700">Expired</strong> : null}
            {file.expiry === "expiring" ? (
              <strong className="ml-2 text-amber-700">Expires soon</strong>
            ) : null}
          </dd>
          {file.withdrawnAt ? (
            <>
              <dt className="text-slate-500">Withdrawn</dt>
              <dd>
                on {file.withdrawnAt.slice(0, 10)}: {file.withdrawnReason}. Kept because a verification or
                remedy relied on it; it no longer counts as evidence.
              </dd>
            </>
          ) : null}
          {file.supersededAt ? (
            <>
              <dt className="text-slate-500">Replaced</dt>
              <dd>on {file.supersededAt.slice(0, 10)} by a newer version</dd>
            </>
          ) : null}
          <dt className="text-slate-500">SHA-256 at upload</dt>
          <dd className="space-y-1">
            <code className="block break-all text-xs">{file.sha256}</code>
            <Form method="post">
              <input type="hidden" name="intent" value="verify_hash" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {busy ? "Re-reading the stored file…" : "Verify the stored file against it"}
              </button>
            </Form>
          </dd>
        </dl>
      </Card>
      <Card title="Preview">
        <EvidencePreview evidenceId={file.id} fileName={file.fileName} kind={preview} />
      </Card>
    </div>
  );
}
