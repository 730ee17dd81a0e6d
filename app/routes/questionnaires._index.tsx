import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { listAssignments } from "~/questionnaires/assignments.server";
import { STATUS_LABELS, STATUS_TONES } from "~/questionnaires/status";
import { DataTable } from "~/ui/DataTable";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Questionnaires · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "questionnaires:read");
  return { assignments: listAssignments(ctx), canSend: can(role, "questionnaires:send") };
}

export default function Questionnaires() {
  const { assignments, canSend } = useLoaderData<typeof loader>();
  const counts = {
    open: assignments.filter((a) => ["sent", "in_progress", "returned"].includes(a.status)).length,
    review: assignments.filter((a) => a.status === "submitted").length,
    accepted: assignments.filter((a) => a.status === "accepted").length,
  };
  return (
    <div>
      <PageHeader
        title="Questionnaires"
        subtitle={`${counts.open} awaiting the supplier · ${counts.review} to review · ${counts.accepted} accepted`}
        actions={
          <>
            <Link to="/campaigns" className="btn-secondary">
              Campaigns
            </Link>
            {canSend ? (
              <>
                <Link to="/questionnaires/send" className="btn-secondary">
                  Send to one supplier
                </Link>
                <Link to="/campaigns/new" className="btn-primary">
                  New campaign
                </Link>
              </>
            ) : null}
          </>
        }
      />
      {assignments.length === 0 ? (
        <EmptyState title="No questionnaires sent yet">
          Send the forced-labour self-assessment to a supplier to see its answers here.
        </EmptyState>
      ) : (
        <DataTable columns={["Supplier", "Contact", "Status", "Sent", "Due", "Submitted"]}>
          {assignments.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/questionnaires/${a.id}`} className="link">
                  {a.supplierName}
                </Link>
                <div className="text-xs text-slate-500">{a.supplierCountry}</div>
              </td>
              <td>
                {a.recipientName}
                <div className="text-xs text-slate-500">{a.recipientEmail}</div>
              </td>
              <td>
                <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
              </td>
              <td>{a.sentAt.slice(0, 10)}</td>
              <td>{a.dueDate ?? "—"}</td>
              <td>{a.submittedAt ? a.submittedAt.slice(0, 10) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
