import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMailbox, requireDevMailbox } from "~/email/mailbox.server";
import { requireMember } from "~/orgs/guard.server";
import { DataTable } from "~/ui/DataTable";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [
  { title: "Dev mailbox · Clearsource" },
  { name: "robots", content: "noindex" },
];

// An admin's own organisation's outbox only; never anonymous (requireMember redirects to /login).
export async function loader({ request }: LoaderFunctionArgs) {
  requireDevMailbox();
  const { ctx, organization } = requireMember(request, "outbox:read");
  return { organizationName: organization.name, emails: listMailbox(ctx) };
}

const TONES = { pending: "amber", sending: "blue", sent: "green", failed: "red" } as const;

export default function DevMailbox() {
  const { emails, organizationName } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Dev mailbox"
        subtitle={`Every email ${organizationName} queued, newest first. Shown because mail is not sent by SMTP (DEV_MAILBOX); only admins see it, and only their own organisation's mail.`}
      />
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">
          Send a questionnaire or invite a teammate to see it here.
        </EmptyState>
      ) : (
        <DataTable columns={["Queued", "To", "Subject", "Template", "Status"]}>
          {emails.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td>
                {e.toName ? <div>{e.toName}</div> : null}
                <div className="text-xs text-slate-500">{e.toAddress}</div>
              </td>
              <td>
                <Link to={`/dev/mailbox/${e.id}`} className="link">
                  {e.subject}
                </Link>
              </td>
              <td className="font-mono text-xs">{e.template}</td>
              <td>
                <Badge tone={TONES[e.status]}>{e.status}</Badge>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
