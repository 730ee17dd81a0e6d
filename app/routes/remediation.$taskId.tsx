import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatLimitMb } from "~/evidence/file-types";
import { withUploadForm } from "~/evidence/upload.server";
import { env } from "~/infra/env.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { runBuyerIntent } from "~/remediation/buyer-intents.server";
import {
  followUpAuditOptions,
  getActionDetail,
  listEscalations,
  ownerOptions,
} from "~/remediation/detail.server";
import { listRemedies } from "~/remediation/remedies.server";
import { shareDefaults } from "~/remediation/supplier-access.server";
import { ActionEvidence, EscalationList, evidenceChoices } from "~/remediation/ui/ActionEvidence";
import { BuyerSteps, EscalateForm, OwnerForm, type Failure } from "~/remediation/ui/ActionForms";
import { ActionSummary, PlanCard, VerificationCard } from "~/remediation/ui/ActionSummary";
import { ActionTimeline } from "~/remediation/ui/ActionTimeline";
import { RemedyCard } from "~/remediation/ui/RemedyCard";
import { ShareWithSupplier } from "~/remediation/ui/ShareWithSupplier";
import { availableEvents } from "~/remediation/workflow";
import { Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.item.title} · ` : ""}Corrective action · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "remediation:read");
  const detail = await handle(() => getActionDetail(ctx, params.taskId ?? ""));
  const canWrite = can(role, "remediation:write");
  // `item`, not `action`: the route's own `action` export must stay out of the browser bundle.
  const { action: item, ...rest } = detail;
  return {
    ...rest,
    item,
    escalations: listEscalations(ctx, item.id),
    remedies: listRemedies(ctx, item.id),
    share: canWrite ? shareDefaults(ctx, item.supplierId) : null,
    steps: canWrite ? availableEvents(item.state, "buyer") : [],
    owners: canWrite ? ownerOptions(ctx) : [],
    audits: canWrite ? followUpAuditOptions(ctx, item.supplierId) : [],
    canWrite,
    canUpload: canWrite && can(role, "evidence:upload"),
    canDownload: can(role, "evidence:read"),
    isAdmin: role === "admin",
    uploadLimit: formatLimitMb(env().UPLOAD_MAX_BYTES),
    uploadMaxBytes: env().UPLOAD_MAX_BYTES,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "remediation:write");
  const actionId = params.taskId ?? "";
  // The action must be this tenant's before a byte of an upload is read.
  await handle(() => getActionDetail(member.ctx, actionId));
  return withUploadForm(request, member.ctx.organizationId, "upload", async (form, upload) => {
    const intent = form.get("intent");
    if (typeof intent !== "string") return formFailure(400, { formError: "Unknown form submission." });
    return runBuyerIntent(member, actionId, intent, form, upload);
  });
}

export default function CorrectiveActionPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busyIntent = useSubmittingIntent();
  const failureFor = (intent: string): Failure | undefined =>
    result && !result.ok && result.intent === intent ? result : undefined;
  const a = d.item;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={a.title}
        subtitle={
          <>
            <Link className="link" to={`/suppliers/${a.supplierId}`}>
              {a.supplierName}
            </Link>{" "}
            · raised {a.createdAt.slice(0, 10)} ·{" "}
            <Link className="link" to={`/remediation?supplierId=${a.supplierId}&state=all`}>
              all actions of this supplier
            </Link>
          </>
        }
        actions={
          <Link to="/remediation" className="btn-secondary">
            All actions
          </Link>
        }
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {result && !result.ok && !result.intent ? <Notice>{result.formError}</Notice> : null}
      <ActionSummary item={a} source={d.source} />
      <PlanCard item={a} />
      <VerificationCard item={a} />
      <ActionEvidence
        actionId={a.id}
        evidence={d.evidence}
        canDownload={d.canDownload}
        canUpload={d.canUpload && a.state !== "closed"}
        uploadLimit={d.uploadLimit}
        maxBytes={d.uploadMaxBytes}
        failure={failureFor("upload")}
        busy={busyIntent === "upload"}
        owners={d.owners}
        detailsFailure={failureFor("evidence_details")}
        detailsBusy={busyIntent === "evidence_details"}
        verifyFailure={failureFor("verify_hash")}
        verifyBusy={busyIntent === "verify_hash"}
        withdrawn={d.withdrawn}
        canWithdraw={(e) => d.canUpload && (d.isAdmin || !e.fromSupplier)}
        withdrawFailure={failureFor("withdraw_evidence")}
        withdrawBusy={busyIntent === "withdraw_evidence"}
      />
      {d.canWrite ? (
        <>
          <BuyerSteps events={d.steps} failureFor={failureFor} busyIntent={busyIntent} audits={d.audits} />
          <Card title="Ownership">
            <OwnerForm
              owners={d.owners}
              current={a.buyerOwnerUserId}
              busy={busyIntent === "owner"}
              failure={failureFor("owner")}
            />
          </Card>
          {d.share ? (
            <ShareWithSupplier
              contact={d.share.contact}
              lastShared={d.share.lastShared}
              failure={failureFor("share")}
              busy={busyIntent === "share"}
            />
          ) : null}
          {d.steps.includes("escalate") ? (
            <Card title="Escalate">
              <EscalateForm
                failure={failureFor("escalate")}
                busy={busyIntent === "escalate"}
                owners={d.owners}
              />
            </Card>
          ) : null}
        </>
      ) : null}
      <RemedyCard
        remedies={d.remedies}
        evidence={evidenceChoices(d.evidence)}
        canWrite={d.canWrite}
        failure={failureFor("remedy")}
        busy={busyIntent === "remedy"}
      />
      <EscalationList escalations={d.escalations} />
      <ActionTimeline events={d.events} />
    </div>
  );
}
