import { and, asc, desc, eq } from "drizzle-orm";
import { expiryStatus } from "~/evidence/expiry";
import { nowOf, type Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import {
  actionEscalations,
  audits,
  correctiveActionEvents,
  evidenceFiles,
  memberships,
  remediationTasks,
  suppliers,
  users,
} from "~db/schema";
import { overdueKind } from "./deadlines";
import { describeSource, isoDay } from "./remediation.server";

export type ActionEventView = {
  id: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  actorType: string;
  actorLabel: string;
  comment: string | null;
  at: string;
};

/** One action with everything its page shows: source, plan, verification, evidence, timeline. */
export function getActionDetail(ctx: Ctx, actionId: string, opts: { supplierId?: string } = {}) {
  const org = ctx.organizationId;
  const row = db()
    .select({ action: remediationTasks, supplierName: suppliers.name, supplierCountry: suppliers.country })
    .from(remediationTasks)
    .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
    .where(and(eq(remediationTasks.id, actionId), eq(remediationTasks.organizationId, org)))
    .get();
  if (!row || (opts.supplierId !== undefined && row.action.supplierId !== opts.supplierId))
    throw new NotFoundError("Corrective action not found");
  const a = row.action;
  const nameOf = (id: string | null) =>
    id ? (db().select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null;
  const today = isoDay(nowOf(ctx));
  const kind = overdueKind(a, today);
  const events: ActionEventView[] = db()
    .select()
    .from(correctiveActionEvents)
    .where(and(eq(correctiveActionEvents.organizationId, org), eq(correctiveActionEvents.actionId, a.id)))
    .orderBy(asc(correctiveActionEvents.createdAt), asc(correctiveActionEvents.id))
    .all()
    .map((e) => ({
      id: e.id,
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      actorType: e.actorType,
      actorLabel: e.actorLabel,
      comment: e.comment,
      at: e.createdAt.toISOString(),
    }));
  const files = db()
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      uploadedBy: users.name,
      uploadedByLabel: evidenceFiles.uploadedByLabel,
      ownerUserId: evidenceFiles.ownerUserId,
      expiresOn: evidenceFiles.expiresOn,
      documentId: evidenceFiles.documentId,
      version: evidenceFiles.version,
      supersededAt: evidenceFiles.supersededAt,
      uploadedByUserId: evidenceFiles.uploadedByUserId,
      withdrawnAt: evidenceFiles.withdrawnAt,
      withdrawnByUserId: evidenceFiles.withdrawnByUserId,
      withdrawnByLabel: evidenceFiles.withdrawnByLabel,
      withdrawnReason: evidenceFiles.withdrawnReason,
      objectKept: evidenceFiles.objectKept,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedByUserId))
    .where(and(eq(evidenceFiles.organizationId, org), eq(evidenceFiles.actionId, a.id)))
    .orderBy(desc(evidenceFiles.createdAt), desc(evidenceFiles.version))
    .all()
    .map(
      ({
        supersededAt,
        uploadedByUserId,
        withdrawnAt,
        withdrawnByUserId,
        withdrawnByLabel,
        withdrawnReason,
        objectKept,
        ...e
      }) => ({
        ...e,
        documentId: e.documentId ?? e.id,
        /** Sent by the supplier through its link (not by a member): the supplier may withdraw it. */
        fromSupplier: uploadedByUserId === null,
        superseded: supersededAt !== null,
        withdrawal: withdrawnAt
          ? {
              at: withdrawnAt.toISOString(),
              by: nameOf(withdrawnByUserId) ?? withdrawnByLabel ?? "—",
              reason: withdrawnReason ?? "",
              kept: !!objectKept,
            }
          : null,
        owner: nameOf(e.ownerUserId),
        // Judged from the date now, never stored (see app/evidence/expiry.ts).
        expiry: expiryStatus(e.expiresOn, today),
        current: supersededAt === null && withdrawnAt === null,
        createdAt: e.createdAt.toISOString(),
      }),
    );
  // Newest version of each document first, its earlier versions (newest first) beside it.
  const evidence = files
    .filter((f) => f.current)
    .map(({ current: _current, withdrawal: _w, superseded: _s, ...f }) => ({
      ...f,
      previous: files
        .filter((p) => !p.current && !p.withdrawal && p.documentId === f.documentId)
        .sort((x, y) => y.version - x.version)
        .map(({ current: _c, withdrawal: _w2, superseded: _s2, fromSupplier: _f, ...p }) => p),
    }));
  // Withdrawn files (D42), newest version of each document: kept on record with who, when and why.
  const withdrawn = files
    .filter((f) => f.withdrawal && !f.superseded)
    .map((f) => ({
      id: f.id,
      fileName: f.fileName,
      version: f.version,
      sha256: f.sha256,
      createdAt: f.createdAt,
      uploadedBy: f.uploadedBy ?? f.uploadedByLabel ?? null,
      ...f.withdrawal!,
    }));
  return {
    action: {
      id: a.id,
      supplierId: a.supplierId,
      supplierName: row.supplierName,
      supplierCountry: row.supplierCountry,
      sourceType: a.sourceType,
      sourceRef: a.sourceRef,
      title: a.title,
      clause: a.clause,
      iloIndicator: a.iloIndicator,
      grade: a.grade,
      state: a.state,
      planDueDate: a.planDueDate,
      dueDate: a.dueDate,
      overdueKind: kind,
      rootCause: a.rootCause,
      correctiveAction: a.correctiveAction,
      preventiveAction: a.preventiveAction,
      planTargetDate: a.planTargetDate,
      supplierOwner: a.supplierOwner,
      buyerOwnerUserId: a.buyerOwnerUserId,
      buyerOwner: nameOf(a.buyerOwnerUserId),
      supplierResponse: a.supplierResponse,
      supplierResponseReason: a.supplierResponseReason,
      progressNote: a.progressNote,
      evidenceSubmittedBy: a.evidenceSubmittedBy,
      evidenceSubmittedAt: a.evidenceSubmittedAt?.toISOString() ?? null,
      verificationMethod: a.verificationMethod,
      verificationNote: a.verificationNote,
      followUpAuditId: a.followUpAuditId,
      verifiedBy: nameOf(a.verifiedByUserId),
      verifiedAt: a.verifiedAt?.toISOString() ?? null,
      completionNote: a.completionNote,
      closedBy: nameOf(a.completedByUserId),
      closedAt: a.completedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    },
    source: describeSource(db(), ctx, a),
    events,
    evidence,
    withdrawn,
  };
}

/** Who can own an action on the buyer's side: this organisation's members. */
export function ownerOptions(ctx: Ctx) {
  return db()
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.organizationId))
    .orderBy(asc(users.name))
    .all();
}

/** Audits of the action's supplier that can serve as its follow-up audit. */
export function followUpAuditOptions(ctx: Ctx, supplierId: string) {
  return db()
    .select({ id: audits.id, scheme: audits.scheme, auditDate: audits.auditDate })
    .from(audits)
    .where(and(eq(audits.organizationId, ctx.organizationId), eq(audits.supplierId, supplierId)))
    .orderBy(desc(audits.auditDate))
    .all();
}

/** The escalations of one action, oldest first, with who asked and who approved. */
export function listEscalations(ctx: Ctx, actionId: string) {
  const rows = db()
    .select()
    .from(actionEscalations)
    .where(
      and(eq(actionEscalations.organizationId, ctx.organizationId), eq(actionEscalations.actionId, actionId)),
    )
    .orderBy(asc(actionEscalations.createdAt))
    .all();
  const name = (id: string | null) =>
    id ? (db().select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    requestedBy: name(r.requestedByUserId),
    approvedBy: name(r.approverUserId),
    at: r.createdAt.toISOString(),
  }));
}
