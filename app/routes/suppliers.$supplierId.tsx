import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotFoundError } from "~/infra/errors";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { getSupplierDetail } from "~/suppliers/suppliers.server";
import { Notice } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader, RiskBadge } from "~/ui/layout";
import { LEVEL_THRESHOLDS } from "~/risk/score";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.supplier.name} · ` : ""}Suppliers · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "suppliers:read");
  let detail;
  try {
    detail = getSupplierDetail(ctx, params.supplierId ?? "");
  } catch (err) {
    if (err instanceof NotFoundError) throw new Response("Supplier not found", { status: 404 });
    throw err;
  }
  return {
    ...detail,
    created: new URL(request.url).searchParams.has("created"),
    can: {
      addSubSupplier: can(role, "suppliers:write"),
      sendQuestionnaire: can(role, "questionnaires:send"),
      recordAudit: can(role, "audits:write"),
      downloadEvidence: can(role, "evidence:read"),
    },
  };
}

const STATUS_LABELS: Record<string, string> = {
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted",
  accepted: "Accepted",
  returned: "Returned",
  revoked: "Revoked",
};

const dateOnly = (iso: string) => iso.slice(0, 10);
const formatBytes = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(0)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

export default function SupplierDetail() {
  const d = useLoaderData<typeof loader>();
  const s = d.supplier;
  const openTasks = d.tasks.filter((t) => t.status === "open");

  return (
    <div className="space-y-6">
      <PageHeader
        title={s.name}
        subtitle={
          <>
            {s.countryName} · {s.sector} · Tier {s.tier}
          </>
        }
        actions={
          <>
            <Link to={`/suppliers/${s.id}/graph`} className="btn-secondary">
              View graph
            </Link>
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

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Profile">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Country</dt>
              <dd>
                {s.countryName} <span className="text-slate-400">({s.country})</span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Sector</dt>
              <dd>{s.sector}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Contact</dt>
              <dd>
                {s.contactName}
                <br />
                <a className="link" href={`mailto:${s.contactEmail}`}>
                  {s.contactEmail}
                </a>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Added</dt>
              <dd>{dateOnly(s.createdAt)}</dd>
            </div>
          </dl>
        </Card>

        <Card
          title="Supply chain"
          actions={
            d.can.addSubSupplier ? (
              <Link to={`/suppliers/new?parent=${s.id}`} className="link text-sm">
                Add sub-supplier
              </Link>
            ) : null
          }
        >
          <div className="space-y-4 text-sm">
            <div>
              <p className="font-medium text-slate-700">Tier {s.tier}</p>
              <p className="text-slate-500">
                {s.tier === 1
                  ? "Sells to you directly."
                  : `${s.tier - 1} step${s.tier > 2 ? "s" : ""} away from your direct suppliers.`}
              </p>
            </div>
            <div>
              <p className="mb-1 text-slate-500">Sells to</p>
              <ul className="space-y-1">
                {d.direct ? <li>Your organisation (direct)</li> : null}
                {d.parents.map((p) => (
                  <li key={p.id}>
                    <Link className="link" to={`/suppliers/${p.id}`}>
                      {p.name}
                    </Link>{" "}
                    <span className="text-slate-400">tier {p.tier}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <p className="mb-1 text-slate-500">Sub-suppliers</p>
              {d.children.length ? (
                <ul className="space-y-1">
                  {d.children.map((c) => (
                    <li key={c.id} className="flex items-center gap-2">
                      <Link className="link" to={`/suppliers/${c.id}`}>
                        {c.name}
                      </Link>
                      <span className="text-slate-400">{c.countryName}</span>
                      <RiskBadge level={c.riskLevel} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-400">None recorded.</p>
              )}
            </div>
          </div>
        </Card>

        <Card title="Risk">
          {d.risk ? (
            <div className="space-y-3 text-sm">
              <div className="flex items-baseline gap-3">
                <span className="text-4xl font-semibold text-slate-900">{d.risk.score}</span>
                <span className="text-slate-400">/ 100</span>
                <RiskBadge level={d.risk.level} />
              </div>
              <p className="text-slate-500">
                Computed {dateOnly(d.risk.computedAt)} by model {d.risk.modelVersion}. Levels: low under{" "}
                {LEVEL_THRESHOLDS.medium}, medium under {LEVEL_THRESHOLDS.high}, high under{" "}
                {LEVEL_THRESHOLDS.critical}, critical from {LEVEL_THRESHOLDS.critical}.
              </p>
              {d.history.length > 1 ? (
                <div>
                  <p className="mb-1 text-slate-500">History</p>
                  <ol className="space-y-1">
                    {d.history.slice(0, 6).map((h) => (
                      <li key={h.id} className="flex items-center justify-between gap-2">
                        <span className="text-slate-500">
                          {dateOnly(h.computedAt)} · {h.trigger}
                        </span>
                        <RiskBadge level={h.level} score={h.score} />
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-400">Not scored yet.</p>
          )}
        </Card>
      </div>

      {d.risk ? (
        <Card title="What makes up the score">
          <div className="overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th>What</th>
                  <th className="text-right">Points</th>
                  <th>Source</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.risk.factors.map((f, i) => (
                  <tr key={i}>
                    <td>{f.factor}</td>
                    <td className="text-right tabular-nums">{f.points > 0 ? `+${f.points}` : f.points}</td>
                    <td className="text-slate-500">{f.source}</td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <td>Score</td>
                  <td className="text-right tabular-nums">{d.risk.score}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      <Card
        title={`Remediation${openTasks.length ? ` (${openTasks.length} open)` : ""}`}
        actions={
          <Link to="/remediation" className="link text-sm">
            All tasks
          </Link>
        }
      >
        {d.tasks.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.tasks.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link className="link" to={`/remediation/${t.id}`}>
                  {t.title}
                </Link>
                <span className="flex items-center gap-2">
                  {t.status === "completed" ? (
                    <Badge tone="green">Completed</Badge>
                  ) : t.overdue ? (
                    <Badge tone="red">Overdue since {t.dueDate}</Badge>
                  ) : (
                    <Badge tone="amber">Due {t.dueDate}</Badge>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-400">
            No remediation tasks. Red-flag answers and zero-tolerance or critical findings open one
            automatically.
          </p>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title="Questionnaires"
          actions={
            d.can.sendQuestionnaire ? (
              <Link to={`/questionnaires/send?supplierId=${s.id}`} className="link text-sm">
                Send questionnaire
              </Link>
            ) : null
          }
        >
          {d.questionnaires.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {d.questionnaires.map((q) => (
                <li key={q.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link className="link" to={`/questionnaires/${q.id}`}>
                      {q.templateKey} v{q.templateVersion}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      Sent {dateOnly(q.sentAt)} to {q.recipientEmail}
                      {q.submittedAt ? ` · submitted ${dateOnly(q.submittedAt)}` : ""}
                    </span>
                  </span>
                  <Badge
                    tone={
                      q.status === "accepted" || q.status === "submitted"
                        ? "green"
                        : q.status === "revoked"
                          ? "slate"
                          : "blue"
                    }
                  >
                    {STATUS_LABELS[q.status] ?? q.status}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No questionnaires sent yet" />
          )}
        </Card>

        <Card
          title="Audits"
          actions={
            d.can.recordAudit ? (
              <Link to={`/audits/new?supplierId=${s.id}`} className="link text-sm">
                Record audit
              </Link>
            ) : null
          }
        >
          {d.audits.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {d.audits.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link className="link" to={`/audits/${a.id}`}>
                      {a.scheme} · {a.auditDate}
                    </Link>
                    {a.siteName ? <span className="block text-xs text-slate-500">{a.siteName}</span> : null}
                  </span>
                  <span className="text-xs text-slate-500">
                    {a.findings} finding{a.findings === 1 ? "" : "s"}
                    {a.openFindings ? `, ${a.openFindings} open` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No audits recorded yet" />
          )}
        </Card>
      </div>

      <Card title="Evidence">
        {d.evidence.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.evidence.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                {d.can.downloadEvidence ? (
                  <a className="link" href={`/evidence/${e.id}/download`}>
                    {e.fileName}
                  </a>
                ) : (
                  <span>{e.fileName}</span>
                )}
                <span className="text-xs text-slate-500">
                  {e.contentType} · {formatBytes(e.sizeBytes)} · {dateOnly(e.createdAt)}
                  {e.auditId ? (
                    <>
                      {" · "}
                      <Link className="link" to={`/audits/${e.auditId}`}>
                        audit
                      </Link>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-400">No evidence files yet. Auditors upload them with an audit.</p>
        )}
      </Card>
    </div>
  );
}
