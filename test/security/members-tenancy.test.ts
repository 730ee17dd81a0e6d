import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { inviteMember } from "~/orgs/invitations.server";
import { loader as auditLogLoader } from "~/routes/audit-log";
import { action as membersAction, loader as membersLoader } from "~/routes/settings.members";
import { auditLog, invitations, memberships, sessions } from "~db/schema";
import { createOrg, requestAs } from "../factories";

const args = (request: Request) => ({ request, params: {}, context: {} }) as never;

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

describe("members page across tenants", () => {
  it("an admin of org B gets 404 and changes nothing when using org A's membership and invitation ids", async () => {
    const a = await createOrg({ name: "Tenant A" });
    const b = await createOrg({ name: "Tenant B" });
    const victim = a.members.procurement;
    const membershipId = db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, victim.userId), eq(memberships.organizationId, a.id)))
      .get()!.id;
    const { invitationId } = await inviteMember(a.members.admin.ctx, {
      email: `pending-${Date.now()}@example.test`,
      role: "auditor",
    });
    const auditRowsBefore = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.organizationId, a.id))
      .all().length;

    const attempts: Record<string, string>[] = [
      { intent: "change-role", membershipId, role: "admin" },
      { intent: "remove-member", membershipId },
      { intent: "revoke-invitation", invitationId },
    ];
    for (const form of attempts) {
      const res = await thrown(
        membersAction(args(requestAs(b.members.admin, "/settings/members", { form }))),
      );
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).not.toContain(victim.email);
      expect(body).not.toContain("Tenant A");
    }

    expect(db().select().from(memberships).where(eq(memberships.id, membershipId)).get()?.role).toBe(
      "procurement",
    );
    expect(db().select().from(sessions).where(eq(sessions.userId, victim.userId)).all()).toHaveLength(1);
    const inv = db().select().from(invitations).where(eq(invitations.id, invitationId)).get()!;
    expect(inv.revokedAt).toBeNull();
    expect(db().select().from(auditLog).where(eq(auditLog.organizationId, a.id)).all()).toHaveLength(
      auditRowsBefore,
    );
  });

  it("lists only the caller's own members, invitations and audit entries", async () => {
    const a = await createOrg({ name: "Tenant A" });
    const b = await createOrg({ name: "Tenant B" });
    await inviteMember(a.members.admin.ctx, { email: `only-a-${Date.now()}@example.test`, role: "auditor" });
    const page = (await membersLoader(args(requestAs(b.members.admin, "/settings/members")))) as {
      members: { email: string }[];
      invitations: unknown[];
    };
    expect(page.members.map((m) => m.email).sort()).toEqual(
      Object.values(b.members)
        .map((m) => m.email)
        .sort(),
    );
    expect(page.invitations).toEqual([]);
    const log = (await auditLogLoader(args(requestAs(b.members.admin, "/audit-log")))) as {
      page: { rows: unknown[] };
      chain: { ok: boolean };
    };
    expect(log.page.rows).toEqual([]);
    expect(log.chain.ok).toBe(true);
  });
});
