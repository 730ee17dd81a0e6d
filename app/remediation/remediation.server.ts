import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { recomputeSupplierRisk, isoDate } from "~/risk/risk.server";
import { assignments, audits, findings, remediationTasks, suppliers, users } from "~db/schema";
import { dueDateFor, isOverdue } from "./due-date";

export type RaiseTaskInput = {
  supplierId: string;
  sourceType: "answer" | "finding";
  /** "<assignmentId>:<questionId>" for answers, the finding id for findings. */
  sourceRef: string;
  title: string;
  iloIndicator?: string | null;
  severity: "red_flag" | "zero_tolerance" | "critical";
};

/**
 * Open a remediation task for a red-flag answer or a grave finding, inside the caller's transaction.
 * Idempotent per source (unique index on organization, source type, source ref): raising the same
 * source again returns the existing task, so resubmissions and re-imports never duplicate work.
 */
export function raiseRemediationTask(
  tx: DbOrTx,
  ctx: Ctx,
  input: RaiseTaskInput,
): { id: string; created: boolean } {
  const supplier = tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.id, input.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");

  const existing = () =>
    tx
      .select({ id: remediationTasks.id })
      .from(remediationTasks)
      .where(
        and(
          eq(remediationTasks.organizationId, ctx.organizationId),
          eq(remediationTasks.sourceType, input.sourceType),
          eq(remediationTasks.sourceRef, input.sourceRef),
        ),
      )
      .get();
  const found = existing();
  if (found) return { id: found.id, created: false };

  const now = nowOf(ctx);
  const inserted = tx
    .insert(remediationTasks)
    .values({
      organizationId: ctx.organizationId,
      supplierId: input.supplierId,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef,
      title: input.title,
      iloIndicator: input.iloIndicator ?? null,
      dueDate: dueDateFor(input.severity, now),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: remediationTasks.id })
    .get();
  if (!inserted) return { id: existing()!.id, created: false };

  recordAudit(tx, ctx, {
    action: "remediation.raised",
    entityType: "remediation_task",
    entityId: inserted.id,
    details: {
      supplierId: input.supplierId,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef,
      severity: input.severity,
      title: input.title,
    },
  });
  return { id: inserted.id, created: true };
}

export type TaskRow = {
  id: string;
  supplierId: string;
  supplierName: string;
  sourceType: "answer" | "finding";
  sourceRef: string;
  title: string;
  iloIndicator: string | null;
  dueDate: string;
  status: "open" | "completed";
  overdue: boolean;
  completionNote: string | null;
  completedAt: string | null;
  completedBy: string | null;
  createdAt: string;
};

const taskColumns = {
  id: remediationTasks.id,
  supplierId: remediationTasks.supplierId,
  supplierName: suppliers.name,
  sourceType: remediationTasks.sourceType,
  sourceRef: remediationTasks.sourceRef,
  title: remediationTasks.title,
  iloIndicator: remediationTasks.iloIndicator,
  dueDate: remediationTasks.dueDate,
  status: remediationTasks.status,
  completionNote: remediationTasks.completionNote,
  completedAt: remediationTasks.completedAt,
  completedBy: users.name,
  createdAt: remediationTasks.createdAt,
};

function toRow(
  r: {
    id: string;
    supplierId: string;
    supplierName: string;
    sourceType: "answer" | "finding";
    sourceRef: string;
    title: string;
    iloIndicator: string | null;
    dueDate: string;
    status: "open" | "completed";
    completionNote: string | null;
    completedAt: Date | null;
    completedBy: string | null;
    createdAt: Date;
  },
  today: string,
): TaskRow {
  return {
    ...r,
    overdue: isOverdue(r, today),
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export const TASKS_PAGE_SIZE = 200;

/** Open tasks first (soonest due first), then completed ones (most recently completed first). */
export function listRemediationTasks(
  ctx: Ctx,
  filter: { status?: "open" | "completed"; supplierId?: string } = {},
  tx: DbOrTx = db(),
): TaskRow[] {
  const today = isoDate(nowOf(ctx));
  const conditions = [eq(remediationTasks.organizationId, ctx.organizationId)];
  if (filter.status) conditions.push(eq(remediationTasks.status, filter.status));
  if (filter.supplierId) conditions.push(eq(remediationTasks.supplierId, filter.supplierId));
  return tx
    .select(taskColumns)
    .from(remediationTasks)
    .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
    .leftJoin(users, eq(users.id, remediationTasks.completedByUserId))
    .where(and(...conditions))
    .orderBy(
      sql`case when ${remediationTasks.status} = 'open' then 0 else 1 end`,
      asc(remediationTasks.dueDate),
      desc(remediationTasks.completedAt),
    )
    .limit(TASKS_PAGE_SIZE)
    .all()
    .map((r) => toRow(r, today));
}

export type TaskSource = { label: string; detail: string | null; href: string | null };

/** What raised the task, in words, with a link to it (read-only look-ups in the owning tables). */
function describeSource(tx: DbOrTx, ctx: Ctx, task: { sourceType: string; sourceRef: string }): TaskSource {
  if (task.sourceType === "finding") {
    const f = tx
      .select({
        title: findings.title,
        grade: findings.grade,
        auditId: findings.auditId,
        scheme: audits.scheme,
        auditDate: audits.auditDate,
      })
      .from(findings)
      .innerJoin(audits, eq(audits.id, findings.auditId))
      .where(and(eq(findings.id, task.sourceRef), eq(findings.organizationId, ctx.organizationId)))
      .get();
    if (!f) return { label: "Audit finding (no longer available)", detail: null, href: null };
    return {
      label: `${f.grade.replace("_", " ")} finding in the ${f.scheme} audit of ${f.auditDate}`,
      detail: f.title,
      href: `/audits/${f.auditId}`,
    };
  }
  const [assignmentId, questionId] = task.sourceRef.split(":");
  const a = tx
    .select({ templateKey: assignments.templateKey, templateVersion: assignments.templateVersion })
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.organizationId, ctx.organizationId)))
    .get();
  if (!a) return { label: "Questionnaire answer (no longer available)", detail: null, href: null };
  return {
    label: `Red-flag answer in questionnaire ${a.templateKey} v${a.templateVersion}`,
    detail: questionId ? `Question ${questionId}` : null,
    href: `/questionnaires/${assignmentId}`,
  };
}

export function getRemediationTask(
  ctx: Ctx,
  taskId: string,
  tx: DbOrTx = db(),
): TaskRow & { source: TaskSource } {
  const row = tx
    .select(taskColumns)
    .from(remediationTasks)
    .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
    .leftJoin(users, eq(users.id, remediationTasks.completedByUserId))
    .where(and(eq(remediationTasks.id, taskId), eq(remediationTasks.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Remediation task not found");
  return { ...toRow(row, isoDate(nowOf(ctx))), source: describeSource(tx, ctx, row) };
}

export const completeTaskSchema = z.object({
  completionNote: z
    .string()
    .trim()
    .min(10, "Describe what was done (at least 10 characters).")
    .max(4000, "Keep the note under 4000 characters."),
});
export type CompleteTaskInput = z.infer<typeof completeTaskSchema>;

/**
 * Mark a task done with a note saying what was done. The supplier's risk is recomputed in the same
 * transaction, because an overdue open task adds points that completion removes.
 */
export function completeRemediationTask(
  ctx: Ctx,
  taskId: string,
  input: CompleteTaskInput,
): { score: number; level: string } {
  const note = completeTaskSchema.parse(input).completionNote;
  return writeTx((tx) => {
    const task = tx
      .select()
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, taskId), eq(remediationTasks.organizationId, ctx.organizationId)))
      .get();
    if (!task) throw new NotFoundError("Remediation task not found");
    if (task.status === "completed") throw new ConflictError("This task has already been completed.");

    const now = nowOf(ctx);
    tx.update(remediationTasks)
      .set({
        status: "completed",
        completionNote: note,
        completedAt: now,
        completedByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
      })
      .where(and(eq(remediationTasks.id, taskId), eq(remediationTasks.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "remediation.completed",
      entityType: "remediation_task",
      entityId: taskId,
      details: { supplierId: task.supplierId, wasOverdue: isOverdue(task, isoDate(now)) },
    });
    return recomputeSupplierRisk(tx, ctx, task.supplierId, "remediation.completed");
  });
}
