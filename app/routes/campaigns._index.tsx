import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCampaigns } from "~/campaigns/campaigns.server";
import { CAMPAIGN_STATUS_LABELS, SUPPLIER_CAMPAIGN_STATUSES } from "~/campaigns/status";
import { RateBar } from "~/campaigns/ui/RateBar";
import { StatusCounts } from "~/campaigns/ui/StatusCounts";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { DataTable } from "~/ui/DataTable";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Campaigns · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "questionnaires:read");
  return { ...listCampaigns(ctx), canSend: can(role, "questionnaires:send") };
}

export default function Campaigns() {
  const { campaigns, overview, canSend } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Campaigns"
        subtitle="Questionnaires sent to many suppliers at once, with reminders until they answer."
        actions={
          <>
            <Link to="/questionnaires" className="btn-secondary">
              All questionnaires
            </Link>
            {canSend ? (
              <Link to="/campaigns/new" className="btn-primary">
                New campaign
              </Link>
            ) : null}
          </>
        }
      />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">
          A campaign sends a questionnaire to every supplier you choose, in each supplier&apos;s language, and
          reminds them before the due date.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-3">
            <Card title="Response rate, all campaigns">
              <RateBar rate={overview.rate} />
            </Card>
            <Card title="Suppliers by status">
              <StatusCounts counts={overview.counts} />
            </Card>
            <Card title={`Overdue suppliers (${overview.overdueTotal})`}>
              {overview.overdue.length === 0 ? (
                <p className="text-sm text-slate-500">Nobody is overdue.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {overview.overdue.map((o) => (
                    <li key={o.assignmentId} className="flex items-center justify-between py-1.5">
                      <Link to={`/questionnaires/${o.assignmentId}`} className="link truncate">
                        {o.supplierName}
                      </Link>
                      <span className="ml-2 shrink-0 text-xs text-slate-500">
                        due {o.dueDate} ·{" "}
                        <Link to={`/campaigns/${o.campaignId}?status=overdue`} className="link">
                          {o.campaignName}
                        </Link>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <DataTable
            columns={[
              "Campaign",
              "Due",
              "Suppliers",
              { label: "Response rate", className: "w-64" },
              "Overdue",
            ]}
          >
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/campaigns/${c.id}`} className="link font-medium">
                    {c.name}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {c.templateTitle} · created {c.createdAt.slice(0, 10)}
                  </div>
                </td>
                <td>{c.dueDate}</td>
                <td>
                  {c.status === "sent" ? (
                    c.total
                  ) : (
                    <Badge tone={c.status === "failed" ? "red" : "blue"}>
                      {c.status === "failed" ? "Failed" : `Sending ${c.queued}/${c.total}`}
                    </Badge>
                  )}
                </td>
                <td>
                  <RateBar rate={c.rate} compact />
                </td>
                <td>{c.counts.overdue > 0 ? <Badge tone="red">{c.counts.overdue}</Badge> : "—"}</td>
              </tr>
            ))}
          </DataTable>
          <p className="text-xs text-slate-500">
            Statuses: {SUPPLIER_CAMPAIGN_STATUSES.map((s) => CAMPAIGN_STATUS_LABELS[s]).join(", ")}. Response
            rate counts submitted and accepted questionnaires over all sent and not revoked.
          </p>
        </>
      )}
    </div>
  );
}
