import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
import { DataTable } from "~/ui/DataTable";
import { Field, FieldError, FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";
import { ROLES } from "~db/schema/orgs.constants";

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

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function Members() {
  const { members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const inviting = useSubmittingIntent() === "invite";
  const inviteForm = useRef<HTMLFormElement>(null);
  const failed = result && !result.ok ? result : undefined;
  const inviteErrors = failureFor(result, "invite");
  const inviteValues = inviteErrors?.values ?? {};

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
        <DataTable
          box="flush"
          columns={["Name", "Email", "Role", "Joined", { label: <span className="sr-only">Actions</span> }]}
        >
          {members.map((m) => (
            <tr key={m.membershipId} className="[&>td]:align-middle">
              <td className="font-medium text-slate-900">
                {m.name} {m.userId === currentUserId ? <Badge tone="blue">you</Badge> : null}
              </td>
              <td>{m.email}</td>
              <td>
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="intent" value="change-role" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <label htmlFor={`role-${m.membershipId}`} className="sr-only">
                    Role of {m.name}
                  </label>
                  <select
                    id={`role-${m.membershipId}`}
                    name="role"
                    defaultValue={m.role}
                    className="input w-36 py-1"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="btn-secondary py-1">
                    Save
                  </button>
                </Form>
              </td>
              <td className="whitespace-nowrap text-slate-500">{dateFormat.format(new Date(m.joinedAt))}</td>
              <td className="text-right">
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-member" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <button type="submit" className="btn-secondary py-1 text-red-700">
                    Remove
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Invite a teammate">
          <Form method="post" ref={inviteForm} className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <FormError
              error={
                inviteErrors?.formError && !Object.keys(inviteErrors.fieldErrors ?? {}).length
                  ? inviteErrors.formError
                  : undefined
              }
            />
            <Field
              label="Email"
              name="email"
              type="email"
              required
              placeholder="name@company.com"
              defaultValue={inviteValues.email}
              error={inviteErrors?.fieldErrors?.email}
            />
            <div>
              <label htmlFor="invite-role" className="label">
                Role
              </label>
              <select
                id="invite-role"
                name="role"
                className="input"
                defaultValue={inviteValues.role ?? "procurement"}
                aria-invalid={inviteErrors?.fieldErrors?.role ? true : undefined}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              <FieldError error={inviteErrors?.fieldErrors?.role} />
            </div>
            <button type="submit" className="btn-primary w-full" disabled={inviting}>
              {inviting ? "Sending…" : "Send invitation"}
            </button>
            <p className="text-xs text-slate-500">
              They receive a link by email that works once and expires. Inviting the same address again
              replaces the earlier link.
            </p>
          </Form>
        </Card>

        <div className="lg:col-span-2">
          <Card title="Pending invitations">
            {invitations.length === 0 ? (
              <EmptyState title="No pending invitations">
                Invitations you send appear here until they are accepted.
              </EmptyState>
            ) : (
              <DataTable
                box="flush"
                columns={[
                  "Email",
                  "Role",
                  "Invited by",
                  "Expires",
                  { label: <span className="sr-only">Actions</span> },
                ]}
              >
                {invitations.map((i) => (
                  <tr key={i.id} className="[&>td]:align-middle">
                    <td className="font-medium text-slate-900">{i.email}</td>
                    <td>{ROLE_LABELS[i.role]}</td>
                    <td>{i.invitedBy ?? "—"}</td>
                    <td className="whitespace-nowrap">
                      {i.expired ? (
                        <Badge tone="amber">expired</Badge>
                      ) : (
                        dateFormat.format(new Date(i.expiresAt))
                      )}
                    </td>
                    <td className="text-right">
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-invitation" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="btn-secondary py-1 text-red-700">
                          Revoke
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
