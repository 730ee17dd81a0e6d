import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { formatLongDate } from "~/statements/period";
import { listStatements } from "~/statements/statements.server";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Modern slavery statements · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "statements:read");
  return {
    statements: listStatements(ctx),
    canWrite: can(role, "statements:write"),
    today: new Date().toISOString().slice(0, 10),
  };
}

export default function Statements() {
  const { statements, canWrite, today } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Modern slavery statements"
        subtitle="UK Modern Slavery Act 2015, section 54: one slavery and human trafficking statement per financial year."
        actions={
          canWrite ? (
            <Link to="/statements/new" className="btn-primary">
              New statement
            </Link>
          ) : null
        }
      />

      <div className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
        <p className="font-medium">What the Act asks</p>
        <p className="mt-1">
          The board of directors approves the statement and a director signs it (s.54(6)). Publish it on your
          website with a link in a prominent place on the homepage (s.54(7)). The Home Office&apos;s statutory
          guidance expects publication <strong>within six months of the end of the financial year</strong>.
        </p>
      </div>

      {statements.length === 0 ? (
        <EmptyState title="No statements yet">
          {canWrite
            ? "Start a statement for your last financial year: Clearsource fills in your live supplier, questionnaire, audit and remediation figures."
            : "An executive or admin starts the statement for each financial year."}
        </EmptyState>
      ) : (
        <Card>
          <div className="-m-4 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th>Financial year</th>
                  <th>Status</th>
                  <th>Publish by</th>
                  <th>Board approval</th>
                  <th>Generated PDFs</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {statements.map((s) => {
                  const latest = s.documents[0];
                  const overdue = s.status === "draft" && s.publishBy < today;
                  return (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/statements/${s.id}`} className="link">
                          {s.financialYear}
                        </Link>
                        <div className="text-xs text-slate-500">
                          {formatLongDate(s.periodStart)} – {formatLongDate(s.periodEnd)}
                        </div>
                      </td>
                      <td>
                        {s.status === "approved" ? (
                          <Badge tone="green">Approved</Badge>
                        ) : (
                          <Badge tone="amber">Draft</Badge>
                        )}
                      </td>
                      <td className={overdue ? "font-medium text-red-700" : undefined}>
                        {formatLongDate(s.publishBy)}
                        {overdue ? <div className="text-xs">deadline passed</div> : null}
                      </td>
                      <td>
                        {s.boardApprovalDate ? (
                          <>
                            {formatLongDate(s.boardApprovalDate)}
                            {s.directorName ? (
                              <div className="text-xs text-slate-500">signed by {s.directorName}</div>
                            ) : null}
                          </>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                      </td>
                      <td>
                        {latest ? (
                          <>
                            <a href={`/statements/${s.id}/documents/${latest.id}`} className="link">
                              Download latest{latest.draft ? " (draft)" : ""}
                            </a>
                            <div className="text-xs text-slate-500">{s.documents.length} generated</div>
                          </>
                        ) : (
                          <span className="text-slate-400">none yet</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
