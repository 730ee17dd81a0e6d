import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { memberships, sessions, users } from "~db/schema";
import { ROLES } from "~db/schema/orgs.constants";

export const roleSchema = z.enum(ROLES, { error: "Choose a role" });
const idSchema = z.string({ error: "Missing id" }).min(1, "Missing id").max(100);

export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: idSchema });

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: (typeof ROLES)[number];
  joinedAt: string;
};

export function listMembers(ctx: Ctx): MemberRow[] {
  return db()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.organizationId))
    .orderBy(asc(users.name))
    .all()
    .map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
}

function findMembership(tx: DbOrTx, ctx: Ctx, membershipId: string) {
  const row = tx
    .select({ membership: memberships, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.organizationId)))
    .get();
  // Another tenant's membership id reads exactly like an unknown one.
  if (!row) throw new NotFoundError("Member not found");
  return row;
}

function adminCount(tx: DbOrTx, organizationId: string): number {
  return (
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")))
      .get()?.n ?? 0
  );
}

const LAST_ADMIN =
  "This is the organisation's only admin. Make someone else an admin first, so that somebody can still manage members.";

export function changeMemberRole(ctx: Ctx, raw: z.input<typeof changeRoleSchema>): void {
  const input = parseInput(changeRoleSchema, raw);
  writeTx((tx) => {
    const { membership, email } = findMembership(tx, ctx, input.membershipId);
    if (membership.role === input.role) return;
    // Counted under the write lock (BEGIN IMMEDIATE): two admins demoting each other cannot both win.
    if (membership.role === "admin" && adminCount(tx, ctx.organizationId) <= 1) {
      throw new ValidationError({ role: LAST_ADMIN }, LAST_ADMIN);
    }
    tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id)).run();
    recordAudit(tx, ctx, {
      action: "member.role_changed",
      entityType: "membership",
      entityId: membership.id,
      details: { email, from: membership.role, to: input.role },
    });
  });
}

/** Remove a member from this organisation and end every session they have in it. */
export function removeMember(ctx: Ctx, raw: z.input<typeof removeMemberSchema>): void {
  const input = parseInput(removeMemberSchema, raw);
  writeTx((tx) => {
    const { membership, email } = findMembership(tx, ctx, input.membershipId);
    if (membership.role === "admin" && adminCount(tx, ctx.organizationId) <= 1) {
      throw new ValidationError({}, LAST_ADMIN);
    }
    tx.delete(memberships).where(eq(memberships.id, membership.id)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, membership.userId), eq(sessions.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "member.removed",
      entityType: "membership",
      entityId: membership.id,
      details: { email, role: membership.role },
    });
  });
}
