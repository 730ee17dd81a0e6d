import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import { sha256Hex } from "~/infra/crypto.server";
import type { DbOrTx } from "~/infra/db.server";
import { auditLog } from "~db/schema";

const GENESIS = "0".repeat(64);

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
};

function rowHash(r: {
  organizationId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: string | null;
  createdAt: number;
  prevHash: string;
}): string {
  return sha256Hex(
    JSON.stringify([
      r.organizationId,
      r.actorType,
      r.actorId,
      r.action,
      r.entityType,
      r.entityId,
      r.details,
      r.createdAt,
      r.prevHash,
    ]),
  );
}

/** Append one audit row. Call inside the same write transaction as the change it records. */
export function recordAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): void {
  const last = tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.organizationId, ctx.organizationId))
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  const createdAt = ctx.now ? ctx.now().getTime() : Date.now();
  const row = {
    organizationId: ctx.organizationId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.type === "system" ? null : ctx.actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ? JSON.stringify(entry.details) : null,
    createdAt,
    prevHash: last?.hash ?? GENESIS,
  };
  tx.insert(auditLog)
    .values({ ...row, actorLabel: ctx.actor.label, createdAt: new Date(createdAt), hash: rowHash(row) })
    .run();
}

/** The hash of the organisation's latest audit row (the head of its chain), or the genesis hash. */
export function auditChainHead(tx: DbOrTx, organizationId: string): { hash: string; seq: number | null } {
  const last = tx
    .select({ hash: auditLog.hash, seq: auditLog.seq })
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  return last ? { hash: last.hash, seq: last.seq } : { hash: GENESIS, seq: null };
}

/** Recompute the organisation's hash chain. Returns the first broken sequence number, or null. */
export function verifyAuditChain(
  tx: DbOrTx,
  organizationId: string,
): { ok: boolean; brokenAt: number | null; rows: number } {
  const rows = tx
    .select()
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(asc(auditLog.seq))
    .all();
  let prev = GENESIS;
  for (const r of rows) {
    const expected = rowHash({
      organizationId: r.organizationId,
      actorType: r.actorType,
      actorId: r.actorId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      details: r.details,
      createdAt: r.createdAt.getTime(),
      prevHash: prev,
    });
    if (r.prevHash !== prev || r.hash !== expected) return { ok: false, brokenAt: r.seq, rows: rows.length };
    prev = r.hash;
  }
  return { ok: true, brokenAt: null, rows: rows.length };
}

export function listAuditLog(
  tx: DbOrTx,
  organizationId: string,
  opts: { limit?: number; entityId?: string } = {},
) {
  const where = opts.entityId
    ? and(eq(auditLog.organizationId, organizationId), eq(auditLog.entityId, opts.entityId))
    : eq(auditLog.organizationId, organizationId);
  return tx
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(opts.limit ?? 100)
    .all();
}

/**
 * The dated history of some actions on an organisation's records up to an instant, oldest first: which
 * entity, which action, on which UTC day. For facts that must be judged as they stood on a past day
 * (a grievance case closed in a period and reopened after it was still closed on the period's last day).
 */
export function actionHistory(
  tx: DbOrTx,
  organizationId: string,
  actions: readonly string[],
  until: Date,
): { entityId: string; action: string; day: string }[] {
  if (actions.length === 0) return [];
  return tx
    .select({
      entityId: auditLog.entityId,
      action: auditLog.action,
      day: sql<string>`date(${auditLog.createdAt} / 1000, 'unixepoch')`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        inArray(auditLog.action, [...actions]),
        lte(auditLog.createdAt, until),
      ),
    )
    .orderBy(asc(auditLog.seq))
    .all();
}
