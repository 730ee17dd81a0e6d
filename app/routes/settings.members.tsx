import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { handle, parseForm, type ActionResult } from "~/infra/http.server";
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
import { Field, FieldError, FormError, Notice } from "~/ui/form";
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

type MembersActionResult = (ActionResult | { ok: true; notice: string }) & {
  intent?: string;
  targetId?: string;
};

export async function action({ request }: ActionFunctionArgs) {
  // Built here, not at module level: the schemas come from a .server module, which is empty in the browser.
  const actionSchema = z.discriminatedUnion(
    "intent",
    [
      inviteSchema.extend({ intent: z.literal("invite") }),
      revokeInvitationSchema.extend({ intent: z.literal("revoke-invitation") }),
      changeRoleSchema.extend({ intent: z.literal("change-role") }),
      removeMemberSchema.extend({ intent: z.literal("remove-member") }),
    ],
    { error: "Unknown action" },
  );
  const { ctx } = requireMember(request, "members:manage");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const targetId = String(form.get("membershipId") ?? form.get("invitationId") ?? "");
  const parsed = parseForm(actionSchema, form);
  if (!parsed.ok) {
    Object.assign(parsed.response.data, { intent, targetId });
    return parsed.response;
  }
  const input = parsed.data;
  const result = await handle(async (): Promise<MembersActionResult> => {
    switch (input.intent) {
      case "invite": {
        const sent = await inviteMember(ctx, input);
        return { ok: true, notice: `Invitation sent to ${sent.email}.`, intent };
      }
      case "revoke-invitation":
        revokeInvitation(ctx, input);
        return { ok: true, notice: "Invitation revoked. Its link no longer works.", intent };
      case "change-role":
        changeMemberRole(ctx, input);
        return { ok: true, notice: `Role changed to ${ROLE_LABELS[input.role]}.`, intent };
      case "remove-member":
        removeMember(ctx, input);
        return { ok: true, notice: "Member removed and signed out.", intent };
    }
  });
  if ("data" in result && result.data) {
    Object.assign(result.data, { intent, targetId });
    if (input.intent === "invite") result.data.values = { email: input.email, role: input.role };
  }
  return result;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function Members() {
  const { members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as MembersActionResult | undefined;
  const navigation = useNavigation();
  const inviting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  const inviteForm = useRef<HTMLFormElement>(null);
  const failed = result && !result.ok ? result : undefined;
  const inviteErrors = failed?.intent === "invite" ? failed : undefined;
  const inviteValues = (inviteErrors?.values ?? {}) as Record<string, string>;

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
        <div className="-m-4 overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Joined</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
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
                  <td className="whitespace-nowrap text-slate-500">
                    {dateFormat.format(new Date(m.joinedAt))}
                  </td>
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
            </tbody>
          </table>
        </div>
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
              <div className="-m-4 overflow-x-auto">
                <table className="table">
                  <thead>
                    <tr>
                      <th>Email</th>
                      <th>Role</th>
                      <th>Invited by</th>
                      <th>Expires</th>
                      <th>
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
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
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
