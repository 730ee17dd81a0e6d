import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { readForm } from "~/infra/form.server";
import { handle, invariantResponse, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { LEVEL_THRESHOLDS } from "~/risk/score";
import { addSupplierLink, removeSupplierLink } from "~/suppliers/links.server";
import { STATUS_LABELS as SUPPLIER_STATUS_LABELS } from "~/suppliers/list-options";
import { isicCaption } from "~/suppliers/sectors";
import { formatMoney, STATUS_TONES } from "~/suppliers/supplier-form";
import { findLinkCandidates, getSupplierDetail } from "~/suppliers/suppliers.server";
import { FormError, Notice } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader, RiskBadge } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.supplier.name} · ` : ""}Suppliers · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "suppliers:read");
  const url = new URL(request.url);
  const detail = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  const canWrite = can(role, "suppliers:write");
  const find = (url.searchParams.get("find") ?? "").slice(0, 100);
  return {
    ...detail,
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

/** Each intent calls one link verb; this supplier is the child or the parent of the link. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const parsed = parseForm(linkAction, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const { intent, otherId } = parsed.data;
  const here = params.supplierId ?? "";
  return handle(() => {
    if (intent === "add-parent" || intent === "remove-parent") {
      const input = { parentSupplierId: otherId === "buyer" ? null : otherId, childSupplierId: here };
      const r = intent === "add-parent" ? addSupplierLink(ctx, input) : removeSupplierLink(ctx, input);
      return {
        ok: true as const,
        message: `Link ${intent === "add-parent" ? "added" : "removed"}: now tier ${r.childTier}.`,
      };
    }
    invariantResponse(otherId !== "buyer", "Your organisation cannot be a sub-supplier");
    const input = { parentSupplierId: here, childSupplierId: otherId };
    const r = intent === "add-child" ? addSupplierLink(ctx, input) : removeSupplierLink(ctx, input);
    return {
      ok: true as const,
      message: `Sub-supplier ${intent === "add-child" ? "added" : "removed"} (it is now tier ${r.childTier}).`,
    };
  }, {});
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

function LinkButton({
  intent,
  otherId,
  label,
  danger,
}: {
  intent: string;
  otherId: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="otherId" value={otherId} />
      <button
        type="submit"
        className={
          danger ? "text-xs text-red-600 hover:underline" : "text-xs font-medium text-sky-700 hover:underline"
        }
      >
        {label}
      </button>
    </Form>
  );
}

export default function SupplierDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const s = d.supplier;
  const openTasks = d.tasks.filter((t) => t.status === "open");
  const linkError =
    result && "formError" in result
      ? result.formError
      : result && "fieldErrors" in result
        ? Object.values(result.fieldErrors)[0]
        : undefined;
  const linkMessage = result && "message" in result ? result.message : undefined;
  const parentIds = new Set(d.parents.map((p) => p.id));
  const childIds = new Set(d.children.map((c) => c.id));
  const linkCount = d.parents.length + (d.direct ? 1 : 0);

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

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Profile">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <Badge tone={STATUS_TONES[s.status]}>{SUPPLIER_STATUS_LABELS[s.status]}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Country</dt>
              <dd>
                {s.countryName} <span className="text-slate-400">({s.country})</span>
              </dd>
            </div>
            {s.address ? (
              <div>
                <dt className="text-slate-500">Address</dt>
                <dd>{s.address}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">Sector</dt>
              <dd>
                {s.sector}
                {isicCaption(s.sector) ? (
                  <span className="block text-xs text-slate-400">{isicCaption(s.sector)}</span>
                ) : null}
              </dd>
            </div>
            {s.goods.length ? (
              <div>
                <dt className="text-slate-500">Goods</dt>
                <dd className="flex flex-wrap gap-1">
                  {s.goods.map((g) => (
                    <Badge key={g}>{g}</Badge>
                  ))}
                </dd>
              </div>
            ) : null}
            {s.annualSpend !== null ? (
              <div>
                <dt className="text-slate-500">Annual spend</dt>
                <dd className="tabular-nums">{formatMoney(s.annualSpend, s.currency)}</dd>
              </div>
            ) : null}
            {s.tags.length ? (
              <div>
                <dt className="text-slate-500">Tags</dt>
                <dd className="flex flex-wrap gap-1">
                  {s.tags.map((t) => (
                    <Link key={t} to={`/suppliers?tag=${encodeURIComponent(t)}`}>
                      <Badge tone="blue">{t}</Badge>
                    </Link>
                  ))}
                </dd>
              </div>
            ) : null}
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
              <dd>
                {dateOnly(s.createdAt)}
                <span className="text-slate-400"> · updated {dateOnly(s.updatedAt)}</span>
              </dd>
            </div>
          </dl>
        </Card>

        <Card
          title="Supply chain"
          actions={
            d.can.addSubSupplier ? (
              <Link to={`/suppliers/new?parent=${s.id}`} className="link text-sm">
                Add new sub-supplier
              </Link>
            ) : null
          }
        >
          <div className="space-y-4 text-sm">
            {linkError ? <FormError error={linkError} /> : null}
            {linkMessage ? <Notice>{linkMessage}</Notice> : null}
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
                {d.direct ? (
                  <li className="flex items-center justify-between gap-2">
                    <span>Your organisation (direct)</span>
                    {d.can.editLinks && linkCount > 1 ? (
                      <LinkButton intent="remove-parent" otherId="buyer" label="Remove" danger />
                    ) : null}
                  </li>
                ) : null}
                {d.parents.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-2">
                    <span>
                      <Link className="link" to={`/suppliers/${p.id}`}>
                        {p.name}
                      </Link>{" "}
                      <span className="text-slate-400">tier {p.tier}</span>
                    </span>
                    {d.can.editLinks && linkCount > 1 ? (
                      <LinkButton intent="remove-parent" otherId={p.id} label="Remove" danger />
                    ) : null}
                  </li>
                ))}
              </ul>
              {d.can.editLinks && !d.direct ? (
                <div className="mt-1">
                  <LinkButton intent="add-parent" otherId="buyer" label="+ Also sells to you directly" />
                </div>
              ) : null}
            </div>
            <div>
              <p className="mb-1 text-slate-500">Sub-suppliers</p>
              {d.children.length ? (
                <ul className="space-y-1">
                  {d.children.map((c) => (
                    <li key={c.id} className="flex items-center justify-between gap-2">
                      <span className="flex items-center gap-2">
                        <Link className="link" to={`/suppliers/${c.id}`}>
                          {c.name}
                        </Link>
                        <span className="text-slate-400">{c.countryName}</span>
                        <RiskBadge level={c.riskLevel} />
                      </span>
                      {d.can.editLinks ? (
                        <LinkButton intent="remove-child" otherId={c.id} label="Remove" danger />
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-400">None recorded.</p>
              )}
            </div>
            {d.can.editLinks ? (
              <div className="border-t border-slate-100 pt-3">
                <Form key={d.supplier.id} method="get" className="flex items-end gap-2">
                  <div className="flex-1">
                    <label htmlFor="find" className="label">
                      Link an existing supplier
                    </label>
                    <input
                      id="find"
                      name="find"
                      type="search"
                      className="input"
                      defaultValue={d.find}
                      placeholder="Name or reference"
                    />
                  </div>
                  <button type="submit" className="btn-secondary">
                    Find
                  </button>
                </Form>
                {d.find ? (
                  d.candidates.length ? (
                    <ul className="mt-2 divide-y divide-slate-100">
                      {d.candidates.map((c) => (
                        <li key={c.id} className="py-1.5">
                          <span className="block">
                            {c.name}{" "}
                            <span className="text-xs text-slate-400">
                              {c.countryName} · tier {c.tier}
                              {c.externalRef ? ` · ${c.externalRef}` : ""}
                            </span>
                          </span>
                          <span className="flex gap-3">
                            {!parentIds.has(c.id) ? (
                              <LinkButton
                                intent="add-parent"
                                otherId={c.id}
                                label={`+ ${s.name} sells to it`}
                              />
                            ) : null}
                            {!childIds.has(c.id) ? (
                              <LinkButton intent="add-child" otherId={c.id} label="+ Add as sub-supplier" />
                            ) : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-2 text-slate-400">No supplier matches “{d.find}”.</p>
                  )
                ) : null}
                {busy ? <p className="mt-1 text-xs text-slate-400">Saving…</p> : null}
              </div>
            ) : null}
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

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={`Contacts (${d.contacts.length})`}
          actions={
            d.can.edit ? (
              <Link to={`/suppliers/${s.id}/contacts`} className="link text-sm">
                Manage contacts
              </Link>
            ) : null
          }
        >
          <ul className="divide-y divide-slate-100 text-sm">
            {d.contacts.map((c) => (
              <li key={c.id ?? "primary"} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {c.name}
                  {c.jobTitle ? <span className="text-slate-500"> · {c.jobTitle}</span> : null}
                  <span className="block text-xs text-slate-500">
                    <a className="link" href={`mailto:${c.email}`}>
                      {c.email}
                    </a>
                    {c.phone ? ` · ${c.phone}` : ""}
                  </span>
                </span>
                {c.isPrimary ? <Badge tone="green">Primary</Badge> : null}
              </li>
            ))}
          </ul>
        </Card>

        <Card
          title={`Sites (${d.sites.length})`}
          actions={
            d.can.edit ? (
              <Link to={`/suppliers/${s.id}/sites`} className="link text-sm">
                Manage sites
              </Link>
            ) : null
          }
        >
          {d.sites.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {d.sites.map((x) => (
                <li key={x.id} className="py-2">
                  <span className="font-medium text-slate-800">{x.name}</span>
                  <span className="text-slate-500"> · {x.countryName}</span>
                  <span className="block text-xs text-slate-500">
                    {[
                      x.workersTotal !== null ? `${x.workersTotal.toLocaleString("en-GB")} workers` : null,
                      x.migrantWorkersPct !== null ? `${x.migrantWorkersPct}% migrant` : null,
                      x.agencyWorkersPct !== null ? `${x.agencyWorkersPct}% agency` : null,
                      x.dormitories === true
                        ? "dormitories"
                        : x.dormitories === false
                          ? "no dormitories"
                          : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "No workforce figures yet."}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-400">No sites recorded.</p>
          )}
        </Card>
      </div>

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
