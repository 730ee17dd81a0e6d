import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { readForm } from "~/infra/form.server";
import { formValues, handle, invariantResponse, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { isoDate } from "~/risk/gather.server";
import { decideOverride, requestOverride, withdrawOverride } from "~/risk/overrides.server";
import { OverridePanel } from "~/risk/ui/OverridePanel";
import { RiskExplanation } from "~/risk/ui/RiskExplanation";
import { RiskSummaryCard } from "~/risk/ui/RiskSummaryCard";
import { supplierRiskView } from "~/risk/view.server";
import { addSupplierLink, removeSupplierLink } from "~/suppliers/links.server";
import { findLinkCandidates, getSupplierDetail } from "~/suppliers/suppliers.server";
import { SupplierProfileCard } from "~/suppliers/ui/SupplierProfileCard";
import {
  AuditsCard,
  ContactsCard,
  EvidenceCard,
  QuestionnairesCard,
  RemediationCard,
  SitesCard,
} from "~/suppliers/ui/SupplierRecords";
import { SupplyChainCard } from "~/suppliers/ui/SupplyChainCard";
import { Notice } from "~/ui/form";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.supplier.name} · ` : ""}Suppliers · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role, user } = requireMember(request, "suppliers:read");
  const url = new URL(request.url);
  const detail = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  const canWrite = can(role, "suppliers:write");
  const find = (url.searchParams.get("find") ?? "").slice(0, 100);
  return {
    ...detail,
    riskView: supplierRiskView(ctx, detail.supplier.id),
    meId: user.id,
    today: isoDate(new Date()),
    created: url.searchParams.has("created"),
    find,
    candidates: canWrite && find ? findLinkCandidates(ctx, detail.supplier.id, find) : [],
    can: {
      addSubSupplier: canWrite,
      editLinks: canWrite,
      edit: canWrite,
      sendQuestionnaire: can(role, "questionnaires:send"),
      recordAudit: can(role, "audits:write"),
      downloadEvidence: can(role, "evidence:read"),
      override: can(role, "risk:override"),
    },
  };
}

const linkAction = z.object({
  intent: z.enum(["add-parent", "add-child", "remove-parent", "remove-child"], {
    error: "Unknown action.",
  }),
  /** The other supplier's id; "buyer" for the direct relationship with your organisation. */
  otherId: z.string().trim().min(1, "Choose a supplier.").max(64),
});
const requestOverrideForm = z.object({
  level: z.string().max(20).optional(),
  justification: z.string().max(4000).optional(),
  expiresOn: z.string().max(20).optional(),
});
const decideOverrideForm = z.object({
  overrideId: z.string().min(1).max(64),
  decision: z.string().max(20).optional(),
  note: z.string().max(2000).optional(),
});
const withdrawOverrideForm = z.object({ overrideId: z.string().min(1).max(64) });

/** Each intent calls one verb: links (this supplier is the child or the parent), or overrides. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "suppliers:read");
  const { ctx } = member;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const here = params.supplierId ?? "";
  if (intent === "request-override" || intent === "decide-override" || intent === "withdraw-override") {
    requirePermission(member, "risk:override", "You may not override risk levels.");
    const values = formValues(form);
    if (intent === "request-override") {
      const p = parseForm(requestOverrideForm, form);
      if (!p.ok) return p.response;
      return handle(
        () => {
          requestOverride(ctx, here, p.data);
          return {
            ok: true as const,
            intent,
            message: "Override requested: a second person with override rights must approve it.",
          };
        },
        { intent, values },
      );
    }
    if (intent === "decide-override") {
      const p = parseForm(decideOverrideForm, form);
      if (!p.ok) return p.response;
      return handle(
        () => ({
          ok: true as const,
          intent,
          message: `Override ${decideOverride(ctx, p.data.overrideId, p.data).status}.`,
        }),
        { intent, values },
      );
    }
    const p = parseForm(withdrawOverrideForm, form);
    if (!p.ok) return p.response;
    return handle(
      () => {
        withdrawOverride(ctx, p.data.overrideId);
        return { ok: true as const, intent, message: "Override ended." };
      },
      { intent },
    );
  }

  requirePermission(member, "suppliers:write", "You may not change this supplier's links.");
  const parsed = parseForm(linkAction, form);
  if (!parsed.ok) return parsed.response;
  const { otherId } = parsed.data;
  const linkIntent = parsed.data.intent;
  return handle(
    () => {
      if (linkIntent === "add-parent" || linkIntent === "remove-parent") {
        const input = { parentSupplierId: otherId === "buyer" ? null : otherId, childSupplierId: here };
        const r = linkIntent === "add-parent" ? addSupplierLink(ctx, input) : removeSupplierLink(ctx, input);
        return {
          ok: true as const,
          intent: "link",
          message: `Link ${linkIntent === "add-parent" ? "added" : "removed"}: now tier ${r.childTier}.`,
        };
      }
      invariantResponse(otherId !== "buyer", "Your organisation cannot be a sub-supplier");
      const input = { parentSupplierId: here, childSupplierId: otherId };
      const r = linkIntent === "add-child" ? addSupplierLink(ctx, input) : removeSupplierLink(ctx, input);
      return {
        ok: true as const,
        intent: "link",
        message: `Sub-supplier ${linkIntent === "add-child" ? "added" : "removed"} (it is now tier ${r.childTier}).`,
      };
    },
    { intent: "link" },
  );
}

export default function SupplierDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const s = d.supplier;
  const failure = result && "fieldErrors" in result ? result : null;
  const forLinks = !result || !("intent" in result) || result.intent === "link" || !result.intent;
  const linkError =
    forLinks && failure ? (failure.formError ?? Object.values(failure.fieldErrors)[0]) : undefined;
  const message = result && "message" in result ? result.message : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title={s.name}
        subtitle={
          <>
            {s.tradeName ? <>trading as {s.tradeName} · </> : null}
            {s.countryName} · {s.sector} · Tier {s.tier}
            {s.externalRef ? <> · ref {s.externalRef}</> : null}
          </>
        }
        actions={
          <>
            <Link to={`/suppliers/${s.id}/graph`} className="btn-secondary">
              View graph
            </Link>
            {d.can.edit ? (
              <Link to={`/suppliers/${s.id}/edit`} className="btn-secondary">
                Edit
              </Link>
            ) : null}
            {d.can.sendQuestionnaire ? (
              <Link to={`/questionnaires/send?supplierId=${s.id}`} className="btn-primary">
                Send questionnaire
              </Link>
            ) : null}
            {d.can.recordAudit ? (
              <Link to={`/audits/new?supplierId=${s.id}`} className="btn-secondary">
                Record audit
              </Link>
            ) : null}
          </>
        }
      />

      {d.created ? (
        <Notice>
          Supplier added at <strong>tier {s.tier}</strong>
          {d.parents.length
            ? ` (sub-supplier of ${d.parents.map((p) => p.name).join(", ")})`
            : " (direct supplier)"}
          . Its first risk score is below.
        </Notice>
      ) : null}
      {message && !forLinks ? <Notice>{message}</Notice> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <SupplierProfileCard d={d} />
        <SupplyChainCard
          d={d}
          linkError={linkError}
          linkMessage={forLinks ? message : undefined}
          busy={busy}
        />
        <RiskSummaryCard risk={d.riskView} />
      </div>

      <RiskExplanation risk={d.riskView} />
      {d.can.override || d.riskView.overrides.length ? (
        <OverridePanel
          overrides={d.riskView.overrides}
          canOverride={d.can.override}
          meId={d.meId}
          failure={failure && !forLinks ? failure : null}
          today={d.today}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ContactsCard d={d} />
        <SitesCard d={d} />
      </div>
      <RemediationCard d={d} />
      <div className="grid gap-6 lg:grid-cols-2">
        <QuestionnairesCard d={d} />
        <AuditsCard d={d} />
      </div>
      <EvidenceCard d={d} />
    </div>
  );
}
