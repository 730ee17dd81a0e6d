import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { iloIndicatorLabel } from "~/audits/catalogue";
import { requireMember } from "~/orgs/guard.server";
import { listRemediationTasks } from "~/remediation/remediation.server";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Remediation · Clearsource" }];

const VIEWS = ["open", "completed", "all"] as const;
type View = (typeof VIEWS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "remediation:read");
  const wanted = new URL(request.url).searchParams.get("status");
  const view: View = VIEWS.includes(wanted as View) ? (wanted as View) : "all";
  const tasks = listRemediationTasks(ctx, view === "all" ? {} : { status: view });
  return { tasks, view };
}

const SOURCE_LABELS = { answer: "Questionnaire answer", finding: "Audit finding" } as const;

export default function RemediationIndex() {
  const { tasks, view } = useLoaderData<typeof loader>();
  const overdue = tasks.filter((t) => t.overdue).length;
  return (
    <div>
      <PageHeader
        title="Remediation"
        subtitle="Tasks opened by red-flag answers and by zero-tolerance or critical audit findings."
      />
      <div
        className="mb-4 flex flex-wrap items-center gap-2 text-sm"
        role="navigation"
        aria-label="Filter tasks"
      >
        {VIEWS.map((v) => (
          <Link
            key={v}
            to={v === "all" ? "/remediation" : `/remediation?status=${v}`}
            className={v === view ? "btn-primary" : "btn-secondary"}
            aria-current={v === view ? "page" : undefined}
          >
            {v[0].toUpperCase() + v.slice(1)}
          </Link>
        ))}
        {overdue ? (
          <span className="ml-2">
            <Badge tone="red">{overdue} overdue</Badge>
          </span>
        ) : null}
      </div>
      {tasks.length === 0 ? (
        <EmptyState title={view === "completed" ? "No completed tasks yet" : "No remediation tasks"}>
          A task opens automatically when a supplier gives a red-flag answer or an audit records a
          zero-tolerance or critical finding.
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>Task</th>
                <th>Supplier</th>
                <th>Source</th>
                <th>ILO indicator</th>
                <th>Due</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tasks.map((t) => (
                <tr key={t.id} className={t.overdue ? "bg-red-50 hover:bg-red-100" : "hover:bg-slate-50"}>
                  <td>
                    <Link to={`/remediation/${t.id}`} className="link">
                      {t.title}
                    </Link>
                  </td>
                  <td>
                    <Link to={`/suppliers/${t.supplierId}`} className="link">
                      {t.supplierName}
                    </Link>
                  </td>
                  <td>{SOURCE_LABELS[t.sourceType]}</td>
                  <td>{t.iloIndicator ? (iloIndicatorLabel(t.iloIndicator) ?? t.iloIndicator) : "—"}</td>
                  <td className={t.overdue ? "font-semibold text-red-700" : undefined}>{t.dueDate}</td>
                  <td>
                    {t.status === "completed" ? (
                      <Badge tone="green">Completed</Badge>
                    ) : t.overdue ? (
                      <Badge tone="red">Overdue</Badge>
                    ) : (
                      <Badge tone="amber">Open</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
