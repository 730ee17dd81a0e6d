import { Link } from "@remix-run/react";
import { formatBytes } from "~/evidence/file-types";
import { VerifyHashButton } from "~/evidence/ui/VerifyHashButton";
import { STATUS_LABELS } from "~/questionnaires/status";
import { Badge, Card, EmptyState } from "~/ui/layout";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";
import type { SupplierPageData } from "./types";

const dateOnly = (iso: string) => iso.slice(0, 10);

export function ContactsCard({ d }: { d: SupplierPageData }) {
  const s = d.supplier;
  return (
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
  );
}

export function SitesCard({ d }: { d: SupplierPageData }) {
  const s = d.supplier;
  return (
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
                    ? "employer-provided housing"
                    : x.dormitories === false
                      ? "no employer housing"
                      : null,
                  x.seasonalWork === true ? "seasonal work" : null,
                  x.xinjiangNexus ? "Xinjiang nexus" : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || "No workforce figures yet."}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No sites recorded.</p>
      )}
    </Card>
  );
}

export function RemediationCard({ d }: { d: SupplierPageData }) {
  const openTasks = d.tasks.filter((t) => t.status === "open");
  return (
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
        <p className="text-sm text-slate-500">
          No remediation tasks. Red-flag answers and zero-tolerance or critical findings open one
          automatically.
        </p>
      )}
    </Card>
  );
}

export function QuestionnairesCard({ d }: { d: SupplierPageData }) {
  const s = d.supplier;
  return (
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
                {STATUS_LABELS[q.status as AssignmentStatus] ?? q.status}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No questionnaires sent yet" />
      )}
    </Card>
  );
}

export function AuditsCard({ d }: { d: SupplierPageData }) {
  const s = d.supplier;
  return (
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
  );
}

export function EvidenceCard({ d }: { d: SupplierPageData }) {
  return (
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
                {d.can.downloadEvidence ? (
                  <>
                    {" · "}
                    <Link className="link" to={`/evidence/${e.id}`}>
                      preview
                    </Link>
                    {" · "}
                    <VerifyHashButton evidenceId={e.id} />
                  </>
                ) : null}
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
        <p className="text-sm text-slate-500">No evidence files yet. Auditors upload them with an audit.</p>
      )}
    </Card>
  );
}
