import { and, count, eq, gte, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { deleteObject } from "~/infra/storage.server";
import { parseInput } from "~/infra/validation";
import { actorOf, recordActionEvent } from "~/remediation/remediation.server";
import { stateAfterWithdrawal } from "~/remediation/workflow";
import { refreshSupplierRisk } from "~/risk/risk.server";
import { schedule, type JobContext, type JobHandlers } from "~/scheduler/scheduler.server";
import { correctiveActionEvents, evidenceFiles, remediationTasks, workerRemedies } from "~db/schema";

/**
 * Withdrawing an evidence file (D42). The row is never deleted: every version of the document is marked
 * withdrawn with who, when and why, and stops counting as evidence (lists, expiry, risk, the action's
 * "evidence submitted" state). The stored object is deleted unless retention keeps it: a file that a
 * verification relied on (a desk review or follow-up audit recorded after it was uploaded) or that a
 * remedy to workers cites stays in storage, downloadable by the buyer, because the organisation's
 * records of what it verified must hold up. Deleting the object happens after the commit, through a
 * durable job, so an S3 outage cannot lose it.
 */

export const withdrawSchema = z.strictObject({
  evidenceId: z.string({ error: "Choose a file." }).trim().min(1, { error: "Choose a file." }).max(64),
  reason: z
    .string({ error: "Say why the file is withdrawn." })
    .trim()
    .min(3, { error: "Say why the file is withdrawn (at least 3 characters)." })
    .max(1000, { error: "Keep the reason under 1000 characters." }),
});
export type WithdrawInput = z.input<typeof withdrawSchema>;

export const EVIDENCE_DELETE_JOB = "evidence.delete_withdrawn";

export type WithdrawResult = {
  fileName: string;
  versions: number;
  /** True when retention keeps the stored object (a verification or remedy relied on the file). */
  retained: boolean;
  /** The action's state moved back (its only evidence under review was withdrawn). */
  stateChanged: boolean;
  /** Every version withdrawn. */
  evidenceIds: string[];
};

type Row = typeof evidenceFiles.$inferSelect;

/** Did a verification (or a remedy record) rely on this document? Then its object is kept. */
function reliedOn(tx: DbOrTx, ctx: Ctx, versions: Row[], actionId: string): boolean {
  const oldest = versions.reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
  const verified = tx
    .select({ n: count() })
    .from(correctiveActionEvents)
    .where(
      and(
        eq(correctiveActionEvents.organizationId, ctx.organizationId),
        eq(correctiveActionEvents.actionId, actionId),
        inArray(correctiveActionEvents.event, ["verify", "close_at_follow_up"]),
        gte(correctiveActionEvents.createdAt, oldest.createdAt),
      ),
    )
    .get()!.n;
  if (verified > 0) return true;
  const cited = tx
    .select({ n: count() })
    .from(workerRemedies)
    .where(
      and(
        eq(workerRemedies.organizationId, ctx.organizationId),
        inArray(
          workerRemedies.evidenceId,
          versions.map((v) => v.id),
        ),
      ),
    )
    .get()!.n;
  return cited > 0;
}

/**
 * Who may withdraw: the side that uploaded it (a buyer member with upload rights for the buyer's files;
 * the supplier, through its link, for the files it sent) and the buyer's admins for any file. A file a
 * verification relied on is withdrawn by an admin only. `supplierId` is set for the supplier link: the
 * file must belong to one of that supplier's actions (anything else is "not found").
 */
export function withdrawEvidence(
  ctx: Ctx,
  input: WithdrawInput,
  opts: { supplierId?: string; actionId?: string } = {},
): WithdrawResult {
  const v = parseInput(withdrawSchema, input);
  const org = ctx.organizationId;
  return writeTx((tx) => {
    const file = tx
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.id, v.evidenceId), eq(evidenceFiles.organizationId, org)))
      .get();
    if (
      !file ||
      !file.actionId ||
      (opts.actionId !== undefined && file.actionId !== opts.actionId) ||
      (opts.supplierId !== undefined && file.supplierId !== opts.supplierId)
    )
      throw new NotFoundError("Evidence not found");
    if (file.withdrawnAt) throw new ConflictError(`${file.fileName} was already withdrawn.`);
    if (file.supersededAt)
      throw new ValidationError(
        { evidenceId: "Withdraw the newest version: the whole file, with its earlier versions, goes." },
        "Withdraw the newest version: the whole file, with its earlier versions, goes.",
      );
    const action = tx
      .select()
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, file.actionId), eq(remediationTasks.organizationId, org)))
      .get();
    if (!action) throw new NotFoundError("Evidence not found");
    const documentId = file.documentId ?? file.id;
    const versions = tx
      .select()
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.organizationId, org),
          eq(evidenceFiles.documentId, documentId),
          isNull(evidenceFiles.withdrawnAt),
        ),
      )
      .all();
    if (!versions.some((r) => r.id === file.id)) versions.push(file);
    const retained = reliedOn(tx, ctx, versions, action.id);

    const actor = ctx.actor;
    const buyerSide = file.uploadedByUserId !== null;
    if (actor.type === "supplier") {
      if (buyerSide) throw new ForbiddenError("Only the buyer can withdraw a file the buyer uploaded.");
      if (retained)
        throw new ConflictError(
          "A verification relied on this file, so it stays: only the buyer's administrator can withdraw it.",
        );
    } else if (actor.type === "user") {
      if (actor.role !== "admin") {
        if (!buyerSide)
          throw new ForbiddenError(
            "The supplier sent this file: it can withdraw it through its link, or an administrator can.",
          );
        if (retained)
          throw new ConflictError(
            "A verification relied on this file: only an administrator can withdraw it (the file is kept).",
          );
      }
    } else {
      throw new ForbiddenError("Evidence is withdrawn by a person, with a reason.");
    }

    const now = nowOf(ctx);
    const ids = versions.map((r) => r.id);
    const { actorUserId } = actorOf(ctx);
    const changed = tx
      .update(evidenceFiles)
      .set({
        withdrawnAt: now,
        withdrawnByUserId: actorUserId,
        withdrawnByLabel: actor.type === "supplier" ? actor.label : null,
        withdrawnReason: v.reason,
        objectKept: retained,
      })
      .where(
        and(
          eq(evidenceFiles.organizationId, org),
          inArray(evidenceFiles.id, ids),
          isNull(evidenceFiles.withdrawnAt),
        ),
      )
      .run().changes;
    if (changed !== ids.length)
      throw new ConflictError("Someone else changed this file a moment ago. Reload to see it.");

    const remaining = tx
      .select({ n: count() })
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.organizationId, org),
          eq(evidenceFiles.actionId, action.id),
          isNull(evidenceFiles.withdrawnAt),
        ),
      )
      .get()!.n;
    const to = stateAfterWithdrawal(action.state, remaining);
    if (to) {
      const moved = tx
        .update(remediationTasks)
        .set({ state: to, evidenceSubmittedBy: null, evidenceSubmittedAt: null, updatedAt: now })
        .where(
          and(
            eq(remediationTasks.id, action.id),
            eq(remediationTasks.organizationId, org),
            eq(remediationTasks.state, action.state),
          ),
        )
        .run().changes;
      if (moved !== 1)
        throw new ConflictError("Someone else changed this action a moment ago. Reload to see it.");
    }
    recordActionEvent(tx, ctx, {
      actionId: action.id,
      event: "evidence_withdrawn",
      fromState: to ? action.state : null,
      toState: to,
      comment:
        `${file.fileName} withdrawn: ${v.reason}` +
        (retained ? " (kept in storage: a verification or remedy relied on it)" : "") +
        (to ? ". No evidence is left for verification: more is needed." : ""),
    });
    recordAudit(tx, ctx, {
      action: "evidence.withdrawn",
      entityType: "evidence",
      entityId: file.id,
      details: {
        actionId: action.id,
        supplierId: file.supplierId,
        fileName: file.fileName,
        sha256: file.sha256,
        reason: v.reason,
        versions: ids,
        objectRetained: retained,
        ...(to ? { from: action.state, to } : {}),
      },
    });
    if (!retained)
      schedule(tx, {
        kind: EVIDENCE_DELETE_JOB,
        runAt: now,
        organizationId: org,
        uniqueKey: `evidence:${documentId}:delete-withdrawn`,
        payload: { organizationId: org, evidenceIds: ids },
      });
    if (file.supplierId) refreshSupplierRisk(tx, ctx, file.supplierId, "evidence.withdrawn");
    return { fileName: file.fileName, versions: ids.length, retained, stateChanged: !!to, evidenceIds: ids };
  });
}

/**
 * Withdraw, then delete the objects at once (the durable job is the fallback when storage is down).
 * What the pages call: the user sees the file gone when this returns.
 */
export async function withdrawEvidenceNow(
  ctx: Ctx,
  input: WithdrawInput,
  opts: { supplierId?: string; actionId?: string } = {},
): Promise<WithdrawResult> {
  const result = withdrawEvidence(ctx, input, opts);
  if (!result.retained) await deleteWithdrawnObjects(ctx.organizationId, result.evidenceIds).catch(() => {});
  return result;
}

/**
 * Delete the stored objects of withdrawn files that retention does not keep, and record it. Only rows
 * that are withdrawn and not kept are touched, whatever the payload says.
 */
export async function deleteWithdrawnObjects(organizationId: string, evidenceIds: string[]): Promise<number> {
  if (!evidenceIds.length) return 0;
  const rows = db()
    .select({
      id: evidenceFiles.id,
      key: evidenceFiles.storageKey,
      withdrawnAt: evidenceFiles.withdrawnAt,
      objectKept: evidenceFiles.objectKept,
    })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organizationId, organizationId),
        inArray(evidenceFiles.id, evidenceIds),
        isNull(evidenceFiles.objectDeletedAt),
      ),
    )
    .all()
    .filter((r) => r.withdrawnAt !== null && r.objectKept === false);
  for (const r of rows) await deleteObject(r.key);
  if (rows.length)
    writeTx((tx) =>
      tx
        .update(evidenceFiles)
        .set({ objectDeletedAt: new Date() })
        .where(
          and(
            eq(evidenceFiles.organizationId, organizationId),
            inArray(
              evidenceFiles.id,
              rows.map((r) => r.id),
            ),
          ),
        )
        .run(),
    );
  return rows.length;
}

async function runDeleteJob(job: JobContext): Promise<void> {
  const p = job.payload as { organizationId: string; evidenceIds: string[] };
  await deleteWithdrawnObjects(p.organizationId, p.evidenceIds);
  writeTx((tx) => job.complete(tx), job.database);
}

export const evidenceWithdrawJobHandlers: JobHandlers = { [EVIDENCE_DELETE_JOB]: runDeleteJob };
