import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { addFinding, addFindingSchema, getAudit } from "~/audits/audits.server";
import { FINDING_GRADES } from "~/audits/catalogue";
import { followUpIntent } from "~/audits/follow-up-intent.server";
import { priorFindings } from "~/audits/follow-up.server";
import { GradeBadge } from "~/audits/GradeBadge";
import { AddFindingForm } from "~/audits/ui/AddFindingForm";
import { AuditEvidenceList, AuditUploadForm } from "~/audits/ui/AuditEvidence";
import { FindingsTable } from "~/audits/ui/FindingsTable";
import { PriorFindings } from "~/audits/ui/PriorFindings";
import { auditUploadIntent } from "~/audits/upload-intent.server";
import { listEvidence } from "~/evidence/evidence.server";
import { formatLimitMb } from "~/evidence/file-types";
import { withUploadForm } from "~/evidence/upload.server";
import { env } from "~/infra/env.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission, type Member } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.audit.supplierName} · ${d.audit.scheme} audit · Clearsource` : "Audit · Clearsource" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "audits:read");
  const detail = await handle(() => getAudit(ctx, params.auditId ?? ""));
  const evidence = can(role, "evidence:read") ? listEvidence(ctx, { auditId: detail.audit.id }) : [];
  return {
    audit: { ...detail.audit, createdAt: detail.audit.createdAt.toISOString() },
    vocabulary: detail.vocabulary,
    findings: detail.findings.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      grade: f.grade,
      schemeGrade: f.schemeGrade,
      clause: f.clause,
      iloIndicator: f.iloIndicator,
      status: f.status,
      closedAt: f.closedAt?.toISOString() ?? null,
      action: f.action,
    })),
    earlierFindings: priorFindings(ctx, detail.audit.id),
    evidence: evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    canWrite: can(role, "audits:write"),
    canUpload: can(role, "evidence:upload"),
    canDownload: can(role, "evidence:read"),
    uploadLimit: formatLimitMb(env().UPLOAD_MAX_BYTES),
    uploadMaxBytes: env().UPLOAD_MAX_BYTES,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "audits:read");
  const auditId = params.auditId ?? "";
  // Nobody who can neither write audits nor upload evidence gets a single byte of the body read.
  if (!can(member.role, "audits:write")) requirePermission(member, "evidence:upload");
  // The audit must be this tenant's before a byte of an upload is read.
  await handle(() => getAudit(member.ctx, auditId));
  // Files stream to storage as they arrive, capped at UPLOAD_MAX_BYTES; text fields at a few KB.
  return withUploadForm(request, member.ctx.organizationId, "upload", async (form, upload) => {
    switch (form.get("intent")) {
      case "upload":
        return auditUploadIntent(member, auditId, form, upload);
      case "add-finding":
        return addFindingIntent(member, auditId, form);
      case "follow-up":
        return followUpIntent(member, auditId, form);
    }
    return formFailure(400, { formError: "Unknown form submission." });
  });
}

function addFindingIntent(member: Member, auditId: string, form: FormData) {
  requirePermission(member, "audits:write");
  form.delete("intent");
  // The audit comes from the URL, never from the body.
  form.set("auditId", auditId);
  const parsed = parseForm(addFindingSchema, form, { intent: "add-finding" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      addFinding(member.ctx, parsed.data);
      const notice = "Finding added, with its corrective action and deadlines from your grade table.";
      return { ok: true as const, intent: "add-finding" as const, notice };
    },
    { intent: "add-finding", values: parsed.values },
  );
}

export default function AuditDetail() {
  const d = useLoaderData<typeof loader>();
  const { audit, findings } = d;
  const result = useActionData<typeof action>();
  const submittingIntent = useSubmittingIntent();
  const openFindings = findings.filter((f) => f.status === "open");
  return (
    <div className="space-y-6">
      <div>
        <Link to="/audits" className="text-sm text-slate-500 hover:text-slate-700">
          ← All audits
        </Link>
      </div>
      <PageHeader
        title={`${audit.scheme} audit of ${audit.supplierName}`}
        subtitle={
          <>
            {audit.auditDate}
            {audit.siteName ? (
              <>
                {" · "}
                {audit.siteId ? (
                  <Link to={`/suppliers/${audit.supplierId}/sites`} className="link">
                    {audit.siteName}
                  </Link>
                ) : (
                  audit.siteName
                )}
              </>
            ) : null}{" "}
            · {audit.supplierCountry} ·{" "}
            <Link to={`/suppliers/${audit.supplierId}`} className="link">
              Supplier profile
            </Link>{" "}
            ·{" "}
            <Link to={`/remediation?auditId=${audit.id}&state=all`} className="link">
              Corrective actions of this audit
            </Link>
          </>
        }
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {audit.summary ? (
        <Card title="Summary">
          <p className="whitespace-pre-line text-sm text-slate-700">{audit.summary}</p>
        </Card>
      ) : null}
      <Card
        title={`Findings (${openFindings.length} open of ${findings.length})`}
        actions={
          <div className="flex flex-wrap gap-1">
            {FINDING_GRADES.map((g) => {
              const n = openFindings.filter((f) => f.grade === g).length;
              return n > 0 ? <GradeBadge key={g} grade={g} count={n} /> : null;
            })}
          </div>
        }
      >
        <FindingsTable findings={findings} canWrite={d.canWrite} />
      </Card>
      {d.canWrite ? (
        <Card title="Add a finding">
          <AddFindingForm
            scheme={audit.scheme}
            vocabulary={d.vocabulary}
            failure={failureFor(result, "add-finding")}
            busy={submittingIntent === "add-finding"}
            saved={!!result?.ok && result.intent === "add-finding"}
          />
        </Card>
      ) : null}
      {d.earlierFindings.length > 0 ? (
        <Card title={`Findings of earlier audits (${d.earlierFindings.length})`}>
          <p className="mb-4 text-sm text-slate-600">
            As a follow-up audit, record what you found for each earlier finding of this supplier: grade it
            again, close it as verified by this audit (only a verified closure removes its risk points), or
            reopen it.
          </p>
          <PriorFindings
            scheme={audit.scheme}
            vocabulary={d.vocabulary}
            findings={d.earlierFindings}
            canWrite={d.canWrite}
            failure={failureFor(result, "follow-up")}
            busy={submittingIntent === "follow-up"}
          />
        </Card>
      ) : null}
      {d.canDownload ? (
        <AuditEvidenceList
          evidence={d.evidence}
          findingTitles={new Map(findings.map((f) => [f.id, f.title]))}
          canUpload={d.canUpload}
        />
      ) : null}
      {d.canUpload ? (
        <AuditUploadForm
          findings={findings}
          uploadLimit={d.uploadLimit}
          maxBytes={d.uploadMaxBytes}
          auditId={audit.id}
          failure={failureFor(result, "upload")}
          busy={submittingIntent === "upload"}
        />
      ) : null}
    </div>
  );
}
