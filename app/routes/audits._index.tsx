import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAudits } from "~/audits/audits.server";
import { FINDING_GRADES } from "~/audits/catalogue";
import { GradeBadge } from "~/audits/GradeBadge";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { DataTable } from "~/ui/DataTable";
import { EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Audits · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "audits:read");
  return { audits: listAudits(ctx), canWrite: can(role, "audits:write") };
}

export default function AuditsIndex() {
  const { audits, canWrite } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Audits"
        subtitle="Social audits of your suppliers and their sites, with graded findings and evidence."
        actions={
          canWrite ? (
            <div className="flex gap-2">
              <Link to="/audits/import" className="btn-secondary">
                Import from a report
              </Link>
              <Link to="/audits/new" className="btn-primary">
                Record an audit
              </Link>
            </div>
          ) : null
        }
      />
      {audits.length === 0 ? (
        <EmptyState title="No audits recorded yet">
          {canWrite
            ? "Record an audit (SMETA, amfori BSCI, RBA, SA8000 or your own) to grade findings and attach evidence."
            : "Auditors record audits here; you will see them as soon as one is added."}
        </EmptyState>
      ) : (
        <DataTable
          columns={[
            "Supplier",
            "Scheme",
            "Date",
            "Site",
            "Findings by grade",
            { label: "Open", className: "text-right" },
          ]}
        >
          {audits.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50">
              <td>
                <Link to={`/audits/${a.id}`} className="link">
                  {a.supplierName}
                </Link>
                <div className="text-xs text-slate-500">{a.supplierCountry}</div>
              </td>
              <td>{a.scheme}</td>
              <td className="whitespace-nowrap tabular-nums">{a.auditDate}</td>
              <td>{a.siteName ?? <span className="text-slate-500">—</span>}</td>
              <td>
                {a.totalFindings === 0 ? (
                  <span className="text-xs text-slate-500">No findings</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {FINDING_GRADES.filter((g) => a.findingsByGrade[g] > 0).map((g) => (
                      <GradeBadge key={g} grade={g} count={a.findingsByGrade[g]} />
                    ))}
                  </div>
                )}
              </td>
              <td className="text-right tabular-nums">
                {a.openFindings} / {a.totalFindings}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
