import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { governingBodyMembers } from "~db/schema";
import { assertCan } from "./store.server";

/**
 * The organisation's governing body as recorded: who sits on it, in which body, from when to when. A
 * statement is approved by a named body and signed by one of its members on the approval date.
 */

export type GoverningBodyMember = {
  id: string;
  name: string;
  title: string;
  body: string;
  appointedOn: string;
  leftOn: string | null;
};

export function listGoverningBody(ctx: Ctx, tx: DbOrTx = db()): GoverningBodyMember[] {
  assertCan(ctx, "statements:read");
  return tx
    .select({
      id: governingBodyMembers.id,
      name: governingBodyMembers.name,
      title: governingBodyMembers.title,
      body: governingBodyMembers.body,
      appointedOn: governingBodyMembers.appointedOn,
      leftOn: governingBodyMembers.leftOn,
    })
    .from(governingBodyMembers)
    .where(eq(governingBodyMembers.organizationId, ctx.organizationId))
    .orderBy(asc(governingBodyMembers.body), asc(governingBodyMembers.name))
    .all();
}

/** Whether the member sat on the body on that day. */
export function memberOn(m: GoverningBodyMember, day: string): boolean {
  return m.appointedOn <= day && (m.leftOn === null || m.leftOn > day);
}

export function findMember(tx: DbOrTx, ctx: Ctx, id: string): GoverningBodyMember | undefined {
  return tx
    .select({
      id: governingBodyMembers.id,
      name: governingBodyMembers.name,
      title: governingBodyMembers.title,
      body: governingBodyMembers.body,
      appointedOn: governingBodyMembers.appointedOn,
      leftOn: governingBodyMembers.leftOn,
    })
    .from(governingBodyMembers)
    .where(and(eq(governingBodyMembers.id, id), eq(governingBodyMembers.organizationId, ctx.organizationId)))
    .get();
}

export function addGoverningBodyMember(
  ctx: Ctx,
  input: { name: string; title: string; body: string; appointedOn: string },
): { id: string } {
  assertCan(ctx, "statements:approve");
  return writeTx((tx) => {
    const row = tx
      .insert(governingBodyMembers)
      .values({ organizationId: ctx.organizationId, ...input })
      .returning({ id: governingBodyMembers.id })
      .get();
    recordAudit(tx, ctx, {
      action: "governing_body.member_added",
      entityType: "governing_body_member",
      entityId: row.id,
      details: input,
    });
    return row;
  });
}

export function recordMemberLeft(ctx: Ctx, input: { memberId: string; leftOn: string }): void {
  assertCan(ctx, "statements:approve");
  writeTx((tx) => {
    const m = findMember(tx, ctx, input.memberId);
    if (!m) throw new NotFoundError("Member not found");
    if (input.leftOn < m.appointedOn)
      throw new ValidationError({ leftOn: "A member cannot leave before being appointed." });
    tx.update(governingBodyMembers)
      .set({ leftOn: input.leftOn })
      .where(
        and(eq(governingBodyMembers.id, m.id), eq(governingBodyMembers.organizationId, ctx.organizationId)),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "governing_body.member_left",
      entityType: "governing_body_member",
      entityId: m.id,
      details: { leftOn: input.leftOn },
    });
  });
}
