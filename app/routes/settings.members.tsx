import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import {
  inviteMember,
  inviteSchema,
  listPendingInvitations,
  revokeInvitation,
  revokeInvitationSchema,
} from "~/orgs/invitations.server";
import {
  changeMemberRole,
  changeRoleSchema,
  listMembers,
  removeMember,
  removeMemberSchema,
} from "~/orgs/members.server";
import { ROLE_LABELS } from "~/orgs/permissions";
import { InvitationsTable } from "~/orgs/ui/InvitationsTable";
import { InviteForm } from "~/orgs/ui/InviteForm";
import { MembersTable } from "~/orgs/ui/MembersTable";
import { FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Members · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, user } = requireMember(request, "members:manage");
  return {
    members: listMembers(ctx),
    invitations: listPendingInvitations(ctx),
    currentUserId: user.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "members:manage");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "invite":
      return inviteIntent(ctx, form);
    case "revoke-invitation":
      return revokeInvitationIntent(ctx, form);
    case "change-role":
      return changeRoleIntent(ctx, form);
    case "remove-member":
      return removeMemberIntent(ctx, form);
  }
  return formFailure(400, { formError: "Unknown action" });
}

async function inviteIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(inviteSchema, form, { intent: "invite" });
  if (!parsed.ok) return parsed.response;
  const { email, role } = parsed.data;
  return handle(
    async () => {
      const sent = await inviteMember(ctx, parsed.data);
      return { ok: true as const, intent: "invite" as const, notice: `Invitation sent to ${sent.email}.` };
    },
    { intent: "invite", values: { email, role } },
  );
}

function revokeInvitationIntent(ctx: Ctx, form: FormData) {
  const context = { intent: "revoke-invitation" as const, target: String(form.get("invitationId") ?? "") };
  const parsed = parseForm(revokeInvitationSchema, form, context);
  if (!parsed.ok) return parsed.response;
  return handle(() => {
    revokeInvitation(ctx, parsed.data);
    return { ok: true as const, ...context, notice: "Invitation revoked. Its link no longer works." };
  }, context);
}

function changeRoleIntent(ctx: Ctx, form: FormData) {
  const context = { intent: "change-role" as const, target: String(form.get("membershipId") ?? "") };
  const parsed = parseForm(changeRoleSchema, form, context);
  if (!parsed.ok) return parsed.response;
  const { role } = parsed.data;
  return handle(() => {
    changeMemberRole(ctx, parsed.data);
    return { ok: true as const, ...context, notice: `Role changed to ${ROLE_LABELS[role]}.` };
  }, context);
}

function removeMemberIntent(ctx: Ctx, form: FormData) {
  const context = { intent: "remove-member" as const, target: String(form.get("membershipId") ?? "") };
  const parsed = parseForm(removeMemberSchema, form, context);
  if (!parsed.ok) return parsed.response;
  return handle(() => {
    removeMember(ctx, parsed.data);
    return { ok: true as const, ...context, notice: "Member removed and signed out." };
  }, context);
}

export default function Members() {
  const { members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const inviting = useSubmittingIntent() === "invite";
  const inviteForm = useRef<HTMLFormElement>(null);
  const failed = result && !result.ok ? result : undefined;

  useEffect(() => {
    if (result?.ok && result.intent === "invite") inviteForm.current?.reset();
  }, [result]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Members"
        subtitle="Who can use Clearsource in your organisation, and what each person may do."
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {failed && failed.intent !== "invite" ? (
        <FormError
          error={
            failed.formError ??
            Object.values(failed.fieldErrors ?? {})[0] ??
            "That did not work. Please try again."
          }
        />
      ) : null}

      <Card title={`Members (${members.length})`}>
        <MembersTable members={members} currentUserId={currentUserId} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Invite a teammate">
          <InviteForm failure={failureFor(result, "invite")} busy={inviting} formRef={inviteForm} />
        </Card>

        <div className="lg:col-span-2">
          <Card title="Pending invitations">
            {invitations.length === 0 ? (
              <EmptyState title="No pending invitations">
                Invitations you send appear here until they are accepted.
              </EmptyState>
            ) : (
              <InvitationsTable invitations={invitations} />
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
