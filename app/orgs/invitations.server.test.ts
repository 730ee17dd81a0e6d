import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/audit-log/audit-log.server";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import {
  action as inviteAction,
  headers as inviteHeaders,
  loader as inviteLoader,
} from "~/routes/invite.$token";
import { action as membersAction, loader as membersLoader } from "~/routes/settings.members";
import { auditLog, emailOutbox, invitations, memberships, sessions, users } from "~db/schema";
import { createOrg, FACTORY_PASSWORD, requestAs, type TestMember } from "../../test/factories";
import { inviteMember, revokeInvitation } from "./invitations.server";
import { getSessionMember } from "./session.server";

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;
type FormResult = { data: Record<string, any>; init: { status: number; headers?: Record<string, string> } }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

let n = 0;
const newEmail = () => `invitee-${Date.now()}-${n++}@example.test`;

/** Successes come back as plain objects, failures as data(..., { status }): one shape for the tests. */
async function post(m: TestMember, form: Record<string, string>): Promise<FormResult> {
  const r = (await membersAction(args(requestAs(m, "/settings/members", { form })))) as object;
  return "init" in r ? (r as FormResult) : { data: r as FormResult["data"], init: { status: 200 } };
}

function tokenFromOutbox(to: string): string {
  const row = db()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt))
    .get()!;
  const match = row.text.match(/http:\/\/localhost:3000\/invite\/([A-Za-z0-9_-]+)/);
  expect(match).not.toBeNull();
  expect(row.html).toContain(`http://localhost:3000/invite/${match![1]}`);
  return match![1];
}

describe("member invitations: full flow through the routes", () => {
  it("invite → email in outbox → GET shows it → POST accepts → member with the role and a session", async () => {
    const org = await createOrg({ name: "Acme Buying" });
    const to = newEmail();
    const sent = (await membersAction(
      args(
        requestAs(org.members.admin, "http://evil.example/settings/members", {
          form: { intent: "invite", email: to, role: "auditor" },
          headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" },
        }),
      ),
    )) as FormResult["data"];
    expect(sent).toMatchObject({ ok: true, notice: `Invitation sent to ${to}.` });

    const mail = db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).get()!;
    expect(mail).toMatchObject({ organizationId: org.id, template: "member-invitation", status: "pending" });
    expect(mail.subject).toBe("admin user invited you to Acme Buying on Clearsource");
    expect(mail.html + mail.text).not.toContain("evil.example");
    // Built from PUBLIC_ORIGIN, even though the request came with another Host.
    const token = tokenFromOutbox(to);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const row = db().select().from(invitations).where(eq(invitations.email, to)).get()!;
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const listed = (await membersLoader(args(requestAs(org.members.admin, "/settings/members")))) as {
      invitations: { email: string; role: string }[];
    };
    expect(listed.invitations).toEqual([expect.objectContaining({ email: to, role: "auditor" })]);

    // GET twice (mail scanners prefetch): it shows the invitation and changes nothing.
    for (let i = 0; i < 2; i++) {
      const view = (await inviteLoader(args(requestAs(null, `/invite/${token}`), { token }))) as FormResult;
      expect(view.data).toMatchObject({
        organizationName: "Acme Buying",
        email: to,
        role: "auditor",
        roleLabel: "Auditor",
        hasAccount: false,
      });
      expect(view.init.headers).toMatchObject({ "Referrer-Policy": "no-referrer" });
    }
    expect(db().select().from(users).where(eq(users.email, to)).get()).toBeUndefined();
    expect(new Headers(inviteHeaders({} as never) as HeadersInit).get("Referrer-Policy")).toBe("no-referrer");

    // Field errors, with the name kept and the password not echoed.
    const bad = (await inviteAction(
      args(requestAs(null, `/invite/${token}`, { form: { name: "Ines", password: "short" } }), { token }),
    )) as FormResult;
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors.password).toBe("Use at least 8 characters");
    expect(bad.data.values).toEqual({ name: "Ines" });

    const accepted = (await inviteAction(
      args(
        requestAs(null, `/invite/${token}`, {
          form: { name: "Ines Inspector", password: "a fine passphrase" },
        }),
        {
          token,
        },
      ),
    )) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/dashboard");
    const cookie = accepted.headers.get("Set-Cookie")!.split(";")[0];
    const member = getSessionMember(requestAs({ cookie }, "/"));
    expect(member).toMatchObject({ role: "auditor", organization: { id: org.id }, user: { email: to } });

    expect(
      db().select().from(invitations).where(eq(invitations.id, row.id)).get()!.acceptedAt,
    ).toBeInstanceOf(Date);
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .orderBy(auditLog.seq)
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["invitation.created", "invitation.accepted", "member.added"]);
    expect(verifyAuditChain(db(), org.id).ok).toBe(true);

    // The link works once.
    const again = await thrown(inviteLoader(args(requestAs(null, `/invite/${token}`), { token })));
    expect(again.status).toBe(410);
    expect(await again.text()).toMatch(/already been accepted/);
    const replay = await thrown(
      inviteAction(
        args(requestAs(null, `/invite/${token}`, { form: { name: "X", password: "another one!" } }), {
          token,
        }),
      ),
    );
    expect(replay.status).toBe(410);
  });

  it("an existing user joins a second organisation with their own password", async () => {
    const home = await createOrg();
    const other = await createOrg({ name: "Other Co" });
    const existing = home.members.procurement;
    await inviteMember(other.members.admin.ctx, { email: existing.email, role: "executive" });
    const token = tokenFromOutbox(existing.email);
    const view = (await inviteLoader(args(requestAs(null, `/invite/${token}`), { token }))) as FormResult;
    expect(view.data.hasAccount).toBe(true);

    const wrong = (await inviteAction(
      args(requestAs(null, `/invite/${token}`, { form: { password: "not my password" } }), { token }),
    )) as FormResult;
    expect(wrong.init.status).toBe(400);
    expect(wrong.data.fieldErrors.password).toMatch(/not the password/);

    const ok = (await inviteAction(
      args(requestAs(null, `/invite/${token}`, { form: { password: FACTORY_PASSWORD } }), { token }),
    )) as Response;
    expect(ok.status).toBe(302);
    const member = getSessionMember(requestAs({ cookie: ok.headers.get("Set-Cookie")!.split(";")[0] }, "/"));
    expect(member).toMatchObject({
      role: "executive",
      organization: { id: other.id },
      user: { id: existing.userId },
    });
    // Still a member of the first organisation with the old role.
    expect(getSessionMember(requestAs(existing, "/"))?.role).toBe("procurement");
  });

  it("answers expired, revoked and unknown links with a clear 410/404 page, never a 500", async () => {
    const org = await createOrg();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    const expiredTo = newEmail();
    await inviteMember(
      { ...org.members.admin.ctx, now: () => longAgo },
      { email: expiredTo, role: "auditor" },
    );
    const expiredToken = tokenFromOutbox(expiredTo);
    const expired = await thrown(inviteLoader(args(requestAs(null, "/"), { token: expiredToken })));
    expect(expired.status).toBe(410);
    expect(expired.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(await expired.text()).toMatch(/expired on .* Ask an admin/);
    const expiredPost = await thrown(
      inviteAction(
        args(requestAs(null, "/", { form: { name: "A", password: "long enough" } }), { token: expiredToken }),
      ),
    );
    expect(expiredPost.status).toBe(410);

    const revokedTo = newEmail();
    const { invitationId } = await inviteMember(org.members.admin.ctx, {
      email: revokedTo,
      role: "procurement",
    });
    const revokedToken = tokenFromOutbox(revokedTo);
    const revoked = (await post(org.members.admin, {
      intent: "revoke-invitation",
      invitationId,
    })) as FormResult;
    expect(revoked.data.ok).toBe(true);
    const gone = await thrown(inviteLoader(args(requestAs(null, "/"), { token: revokedToken })));
    expect(gone.status).toBe(410);
    expect(await gone.text()).toMatch(/withdrawn/);

    for (const token of ["x".repeat(43), "not a token", "", "a".repeat(5000)]) {
      const unknown = await thrown(inviteLoader(args(requestAs(null, "/"), { token })));
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toMatch(/not valid/);
    }
    expect(db().select().from(users).where(eq(users.email, revokedTo)).get()).toBeUndefined();
  });

  it("re-inviting replaces the earlier link; inviting a member or a bad email gives field errors", async () => {
    const org = await createOrg();
    const to = newEmail();
    await inviteMember(org.members.admin.ctx, { email: to, role: "auditor" });
    const first = tokenFromOutbox(to);
    await new Promise((r) => setTimeout(r, 5));
    await inviteMember(org.members.admin.ctx, { email: to, role: "procurement" });
    const second = tokenFromOutbox(to);
    expect(second).not.toBe(first);
    expect((await thrown(inviteLoader(args(requestAs(null, "/"), { token: first })))).status).toBe(410);
    const view = (await inviteLoader(args(requestAs(null, "/"), { token: second }))) as FormResult;
    expect(view.data.role).toBe("procurement");

    const member = (await post(org.members.admin, {
      intent: "invite",
      email: org.members.auditor.email.toUpperCase(),
      role: "auditor",
    })) as FormResult;
    expect(member.init.status).toBe(400);
    expect(member.data).toMatchObject({ intent: "invite", fieldErrors: { email: /already a member/ } });

    const bad = (await post(org.members.admin, {
      intent: "invite",
      email: "nope",
      role: "king",
    })) as FormResult;
    expect(bad.init.status).toBe(400);
    expect(Object.keys(bad.data.fieldErrors).sort()).toEqual(["email", "role"]);
    expect(bad.data.values).toMatchObject({ email: "nope", role: "king" });
  });
});

describe("managing members", () => {
  it("changes a role and removes a member, ending all their sessions in this organisation", async () => {
    const org = await createOrg();
    const target = org.members.procurement;
    const membershipId = db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, target.userId), eq(memberships.organizationId, org.id)))
      .get()!.id;

    const changed = (await post(org.members.admin, {
      intent: "change-role",
      membershipId,
      role: "auditor",
    })) as FormResult;
    expect(changed.data.ok).toBe(true);
    expect(getSessionMember(requestAs(target, "/"))?.role).toBe("auditor");

    const removed = (await post(org.members.admin, { intent: "remove-member", membershipId })) as FormResult;
    expect(removed.data.ok).toBe(true);
    expect(db().select().from(memberships).where(eq(memberships.id, membershipId)).get()).toBeUndefined();
    expect(
      db()
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, target.userId), eq(sessions.organizationId, org.id)))
        .all(),
    ).toEqual([]);
    expect(getSessionMember(requestAs(target, "/"))).toBeNull();
    // The user account itself stays (they may belong to other organisations).
    expect(db().select().from(users).where(eq(users.id, target.userId)).get()).toBeTruthy();
  });

  it("never lets the last admin be demoted or removed", async () => {
    const org = await createOrg();
    const admin = org.members.admin;
    const membershipId = db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, admin.userId), eq(memberships.organizationId, org.id)))
      .get()!.id;
    const demote = (await post(admin, {
      intent: "change-role",
      membershipId,
      role: "executive",
    })) as FormResult;
    expect(demote.init.status).toBe(400);
    expect(demote.data.fieldErrors.role).toMatch(/only admin/);
    const remove = (await post(admin, { intent: "remove-member", membershipId })) as FormResult;
    expect(remove.init.status).toBe(400);
    expect(remove.data.formError).toMatch(/only admin/);
    expect(getSessionMember(requestAs(admin, "/"))?.role).toBe("admin");

    // With a second admin, the first may step down.
    const execMembership = db()
      .select()
      .from(memberships)
      .where(
        and(eq(memberships.userId, org.members.executive.userId), eq(memberships.organizationId, org.id)),
      )
      .get()!.id;
    await post(admin, { intent: "change-role", membershipId: execMembership, role: "admin" });
    const ok = (await post(admin, { intent: "change-role", membershipId, role: "executive" })) as FormResult;
    expect(ok.data.ok).toBe(true);
  });

  it("rejects an unknown intent with a 400, not a 500", async () => {
    const org = await createOrg();
    const res = (await post(org.members.admin, { intent: "delete-everything" })) as FormResult;
    expect(res.init.status).toBe(400);
  });

  it("revoking twice answers 404 the second time", async () => {
    const org = await createOrg();
    const { invitationId } = await inviteMember(org.members.admin.ctx, {
      email: newEmail(),
      role: "auditor",
    });
    revokeInvitation(org.members.admin.ctx, { invitationId });
    const res = await thrown(post(org.members.admin, { intent: "revoke-invitation", invitationId }));
    expect(res.status).toBe(404);
  });
});
