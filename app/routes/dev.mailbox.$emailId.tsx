import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMailboxEmail, requireDevMailbox } from "~/email/mailbox.server";
import { requireMember } from "~/orgs/guard.server";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [
  { title: "Email · Dev mailbox · Clearsource" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireDevMailbox();
  const { ctx } = requireMember(request, "outbox:read");
  return getMailboxEmail(ctx, params.emailId ?? "");
}

export default function DevMailboxEmail() {
  const email = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={email.subject}
        subtitle={`To ${email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress} · ${email.template} · ${email.status}${email.attempts ? ` after ${email.attempts} attempt(s)` : ""}`}
        actions={
          <Link to="/dev/mailbox" className="btn-secondary">
            Back to the mailbox
          </Link>
        }
      />
      {email.lastError ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          Last error: {email.lastError}
        </p>
      ) : null}
      <Card title="HTML">
        {/* sandbox="" : no scripts, no forms, no same-origin access; the email is shown, never run. */}
        <iframe
          title="Email HTML"
          srcDoc={email.html}
          sandbox=""
          className="h-[32rem] w-full rounded border border-slate-200 bg-white"
        />
      </Card>
      <Card title="Plain text">
        <pre className="whitespace-pre-wrap break-words font-mono text-xs text-slate-700">{email.text}</pre>
      </Card>
    </div>
  );
}
