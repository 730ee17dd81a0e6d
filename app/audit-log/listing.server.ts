import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { listAuditLog, verifyAuditChain } from "./audit-log.server";

export type AuditLogEntryView = {
  seq: number;
  actorType: string;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: string | null;
  createdAt: string;
};

export type AuditLogOverview = {
  entries: AuditLogEntryView[];
  chain: { ok: boolean; brokenAt: number | null; rows: number };
};

/** The organisation's latest entries plus a full re-verification of its hash chain. */
export function auditLogOverview(ctx: Ctx, limit = 200): AuditLogOverview {
  const entries = listAuditLog(db(), ctx.organizationId, { limit }).map((r) => ({
    seq: r.seq,
    actorType: r.actorType,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    details: r.details,
    createdAt: r.createdAt.toISOString(),
  }));
  return { entries, chain: verifyAuditChain(db(), ctx.organizationId) };
}
