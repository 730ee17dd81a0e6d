import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { riskJobsOf } from "~/risk/recompute-org.server";
import { referenceTables } from "~/risk/reference-view.server";
import { currentRiskSettings, requestOrgRecompute, updateRiskSettings } from "~/risk/settings.server";
import { RecomputePanel } from "~/risk/ui/RecomputePanel";
import { ReferenceTables } from "~/risk/ui/ReferenceTables";
import { Notice } from "~/ui/form";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Risk reference data · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "risk:read");
  return {
    tables: referenceTables(),
    jobs: riskJobsOf(ctx),
    settings: currentRiskSettings(ctx),
    canManage: can(role, "risk:override"),
  };
}

const form = z.object({
  intent: z.enum(["settings", "recompute"], { error: "Unknown action." }),
  auditMaxAgeMonths: z.string().max(10).optional(),
});

/** Settings (the audit age) or "recompute now": each queues one background recompute of the organisation. */
export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "risk:override");
  const parsed = parseForm(form, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const { intent, auditMaxAgeMonths } = parsed.data;
  return handle(
    () => {
      if (intent === "recompute") {
        requestOrgRecompute(ctx);
        return { ok: true as const, message: "Recompute queued: progress below." };
      }
      const r = updateRiskSettings(ctx, { auditMaxAgeMonths });
      return {
        ok: true as const,
        message: r.jobId ? "Saved. Every supplier is being rescored: progress below." : "Nothing changed.",
      };
    },
    { intent, values: { auditMaxAgeMonths: auditMaxAgeMonths ?? "" } },
  );
}

export default function RiskReferencePage() {
  const { tables, jobs, settings, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "fieldErrors" in result ? result : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Risk reference data"
        subtitle={
          <>
            The public data the risk model reads, with editions.{" "}
            <Link className="link" to="/risk/model">
              How the score is built
            </Link>
          </>
        }
      />
      {result && "message" in result ? <Notice>{result.message}</Notice> : null}
      <ReferenceTables tables={tables} />
      <RecomputePanel
        jobs={jobs}
        canManage={canManage}
        auditMaxAgeMonths={settings.auditMaxAgeMonths}
        error={failure ? (failure.fieldErrors.auditMaxAgeMonths ?? failure.formError) : undefined}
        typed={failure ? String(failure.values?.auditMaxAgeMonths ?? "") : undefined}
      />
    </div>
  );
}
