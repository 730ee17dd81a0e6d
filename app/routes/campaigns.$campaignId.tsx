import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import {
  getCampaign,
  parseStatusFilter,
  resendCampaignAssignment,
  revokeCampaignAssignment,
  supplierActionSchema,
} from "~/campaigns/campaigns.server";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES } from "~/campaigns/status";
import { RateBar } from "~/campaigns/ui/RateBar";
import { SendProgress, type SendProgressData } from "~/campaigns/ui/SendProgress";
import { StatusCounts } from "~/campaigns/ui/StatusCounts";
import { languageName } from "~/i18n/languages";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { FormError, Notice } from "~/ui/form";
import { Badge, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Campaign · Clearsource" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "questionnaires:read");
  const url = new URL(request.url);
  const status = parseStatusFilter(url.searchParams.get("status"));
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const data = await handle(() => getCampaign(ctx, params.campaignId!, { status, page }));
  return { ...data, statusFilter: status, canSend: can(role, "questionnaires:send") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const parsed = parseForm(supplierActionSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const { intent, assignmentId } = parsed.data;
  const campaignId = params.campaignId ?? "";
  return intent === "resend"
    ? resendIntent(ctx, campaignId, assignmentId)
    : revokeIntent(ctx, campaignId, assignmentId);
}

function resendIntent(ctx: Ctx, campaignId: string, assignmentId: string) {
  return handle(async () => {
    await resendCampaignAssignment(ctx, campaignId, assignmentId);
    return { ok: true as const, message: "A new link was sent; the previous link no longer works." };
  }, {});
}

function revokeIntent(ctx: Ctx, campaignId: string, assignmentId: string) {
  return handle(() => {
    revokeCampaignAssignment(ctx, campaignId, assignmentId);
    return { ok: true as const, message: "The link was revoked: the supplier can no longer open it." };
  }, {});
}
export default function CampaignPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!("campaign" in d)) return null;
  const c = d.campaign;
  const progress: SendProgressData = {
    status: c.status,
    total: c.total,
    queued: c.queued,
    percent: c.total === 0 ? 100 : Math.floor((c.queued / c.total) * 100),
    lastError: null,
  };
  const statusLink = (s: string) => `/campaigns/${c.id}?status=${s}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={c.name}
        subtitle={`${c.templateTitle} (version ${c.templateVersion}) · ${c.questionCount} questions · due ${c.dueDate} · ${c.audience}`}
        actions={
          <Link to="/campaigns" className="btn-secondary">
            All campaigns
          </Link>
        }
      />
      {actionData?.ok ? <Notice>{actionData.message}</Notice> : null}
      <FormError
        error={
          actionData?.ok === false ? (actionData.formError ?? actionData.fieldErrors.assignmentId) : undefined
        }
      />

      <div className="grid gap-4 md:grid-cols-3">
        <Card title="Sending">
          <SendProgress key={`${c.id}:${c.status}`} campaignId={c.id} initial={progress} />
          <p className="mt-3 text-xs text-slate-500">
            Reminders{" "}
            {c.reminderDaysBefore.length ? `${c.reminderDaysBefore.join(", ")} days before` : "none"}
            {c.overdueEveryDays ? `, then every ${c.overdueEveryDays} days while overdue` : ""}. Links work
            until {c.linkExpiresAt.slice(0, 10)}.
          </p>
        </Card>
        <Card title="Response rate">
          <RateBar rate={d.rate} />
        </Card>
        <Card title="By status">
          <StatusCounts counts={d.counts} linkTo={statusLink} />
        </Card>
      </div>

      {d.overdue.length > 0 ? (
        <Card title={`Overdue suppliers (${d.counts.overdue})`}>
          <ul className="grid gap-1 text-sm md:grid-cols-2">
            {d.overdue.map((o) => (
              <li key={o.assignmentId}>
                <Link to={`/questionnaires/${o.assignmentId}`} className="link">
                  {o.supplierName}
                </Link>{" "}
                <span className="text-xs text-slate-500">
                  {o.supplierCountry} · {o.recipientEmail}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card
        title={
          d.statusFilter
            ? `${CAMPAIGN_STATUS_LABELS[d.statusFilter]} suppliers (${d.filteredTotal})`
            : `Suppliers (${d.filteredTotal})`
        }
        actions={
          d.statusFilter ? (
            <Link to={`/campaigns/${c.id}`} className="link text-sm">
              Show all
            </Link>
          ) : null
        }
      >
        {d.rows.length === 0 ? (
          <p className="text-sm text-slate-500">
            {c.status === "sent" ? "No supplier in this status." : "Invitations are still being queued."}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th>Supplier</th>
                  <th>Contact</th>
                  <th>Language</th>
                  <th>Status</th>
                  <th>Opened</th>
                  <th>Submitted</th>
                  {d.canSend ? <th className="text-right">Actions</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.rows.map((r) => (
                  <tr key={r.assignmentId} data-testid="campaign-supplier">
                    <td>
                      <Link to={`/questionnaires/${r.assignmentId}`} className="link font-medium">
                        {r.supplierName}
                      </Link>
                      <div className="text-xs text-slate-500">{r.supplierCountry}</div>
                    </td>
                    <td className="text-sm">{r.recipientEmail}</td>
                    <td className="text-sm">{languageName(r.language)}</td>
                    <td>
                      <Badge tone={CAMPAIGN_STATUS_TONES[r.status]}>{CAMPAIGN_STATUS_LABELS[r.status]}</Badge>
                    </td>
                    <td className="text-sm">{r.firstOpenedAt ? r.firstOpenedAt.slice(0, 10) : "—"}</td>
                    <td className="text-sm">{r.submittedAt ? r.submittedAt.slice(0, 10) : "—"}</td>
                    {d.canSend ? (
                      <td className="text-right">
                        <div className="flex justify-end gap-2">
                          {r.canResend ? (
                            <Form method="post">
                              <input type="hidden" name="assignmentId" value={r.assignmentId} />
                              <button
                                type="submit"
                                name="intent"
                                value="resend"
                                className="btn-secondary px-2 py-1 text-xs"
                                disabled={busy}
                                aria-label={`Resend to ${r.supplierName}`}
                              >
                                Resend
                              </button>
                            </Form>
                          ) : null}
                          {r.canRevoke ? (
                            <Form
                              method="post"
                              onSubmit={(e) => {
                                if (!confirm(`Revoke the link sent to ${r.supplierName}?`))
                                  e.preventDefault();
                              }}
                            >
                              <input type="hidden" name="assignmentId" value={r.assignmentId} />
                              <button
                                type="submit"
                                name="intent"
                                value="revoke"
                                className="btn-danger px-2 py-1 text-xs"
                                disabled={busy}
                                aria-label={`Revoke ${r.supplierName}`}
                              >
                                Revoke
                              </button>
                            </Form>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {d.pageCount > 1 ? (
              <div className="mt-3 flex gap-2 text-sm">
                {Array.from({ length: d.pageCount }, (_, i) => i + 1).map((n) => (
                  <Link
                    key={n}
                    to={`/campaigns/${c.id}?${new URLSearchParams({ ...(d.statusFilter ? { status: d.statusFilter } : {}), page: String(n) })}`}
                    className={n === d.page ? "font-semibold" : "link"}
                  >
                    {n}
                  </Link>
                ))}
              </div>
            ) : null}
          </div>
        )}
      </Card>
    </div>
  );
}
