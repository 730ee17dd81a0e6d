import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, type DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import {
  assignments,
  audits,
  correctiveActionEvents,
  findings,
  grievanceCases,
  gradePolicies,
  remediationTasks,
  suppliers,
  users,
} from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { ActionState, TaskSource as SourceType } from "~db/schema/remediation.constants";
import {
  AWAITING_PLAN,
  deadlinesFor,
  gradeForRedFlag,
  mergeGradeTable,
  overdueKind,
  RESOLVED,
  type GradeTable,
  type OverdueKind,
} from "./deadlines";
import { scheduleActionDeadlines } from "./reminders.server";

/** UTC calendar date (YYYY-MM-DD): due dates are stored and compared as such. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type RaiseTaskInput = {
  supplierId: string;
  sourceType: SourceType;
  /** "<assignmentId>:<questionId>" for answers, the finding id for findings. */
  sourceRef: string;
  title: string;
  iloIndicator?: string | null;
  clause?: string | null;
  /** The grade on the organisation's scale; for red-flag answers it follows from the ILO indicators. */
  grade?: FindingGrade;
  /** Kept for callers that raise from a red-flag answer without a grade. */
  severity?: "red_flag" | FindingGrade;
  /** The resolution date the source set itself (an audit report's due date), instead of the grade table's. */
  dueDate?: string | null;
};

/** The organisation's deadline table (defaults where it has not set its own). */
export function loadGradeTable(tx: DbOrTx, organizationId: string): GradeTable {
  return mergeGradeTable(
    tx
      .select({
        grade: gradePolicies.grade,
        planDays: gradePolicies.planDays,
        resolutionDays: gradePolicies.resolutionDays,
      })
      .from(gradePolicies)
      .where(eq(gradePolicies.organizationId, organizationId))
      .all(),
  );
}

export function actorOf(ctx: Ctx): {
  actorType: "user" | "supplier" | "system";
  actorLabel: string;
  actorUserId: string | null;
  key: string;
} {
  const a = ctx.actor;
  if (a.type === "user")
    return { actorType: "user", actorLabel: a.label, actorUserId: a.id, key: `user:${a.id}` };
  if (a.type === "supplier")
    return { actorType: "supplier", actorLabel: a.label, actorUserId: null, key: `supplier:${a.id}` };
  return { actorType: "system", actorLabel: a.label, actorUserId: null, key: "system" };
}

/** One line of an action's timeline, in the caller's transaction. */
export function recordActionEvent(
  tx: DbOrTx,
  ctx: Ctx,
  e: {
    actionId: string;
    event: string;
    fromState?: ActionState | null;
    toState?: ActionState | null;
    comment?: string | null;
  },
): void {
  const { actorType, actorLabel, actorUserId } = actorOf(ctx);
  tx.insert(correctiveActionEvents)
    .values({
      organizationId: ctx.organizationId,
      actionId: e.actionId,
      event: e.event,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      actorType,
      actorLabel,
      actorUserId,
      comment: e.comment ?? null,
      createdAt: nowOf(ctx),
    })
    .run();
}

/**
 * Open a corrective action for a finding or a red-flag answer, inside the caller's transaction, with its
 * plan and resolution deadlines from the organisation's grade table. Idempotent per source (unique index
 * on organization, source type, source ref): raising the same source again returns the existing action,
 * so resubmissions and re-imports never duplicate work.
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

  const grade: FindingGrade =
    input.grade ??
    (input.severity && input.severity !== "red_flag" ? input.severity : gradeForRedFlag(input.iloIndicator));
  const now = nowOf(ctx);
  const deadlines = deadlinesFor(grade, now, loadGradeTable(tx, ctx.organizationId));
  if (input.dueDate) {
    deadlines.dueDate = input.dueDate;
    // The plan cannot be due after the action itself.
    if (deadlines.planDueDate > input.dueDate) deadlines.planDueDate = input.dueDate;
  }
  const inserted = tx
    .insert(remediationTasks)
    .values({
      organizationId: ctx.organizationId,
      supplierId: input.supplierId,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef,
      title: input.title,
      clause: input.clause ?? null,
      iloIndicator: input.iloIndicator ?? null,
      grade,
      state: "open",
      planDueDate: deadlines.planDueDate,
      dueDate: deadlines.dueDate,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning()
    .get();
  if (!inserted) return { id: existing()!.id, created: false };

  recordActionEvent(tx, ctx, { actionId: inserted.id, event: "raised", toState: "open" });
  recordAudit(tx, ctx, {
    action: "remediation.raised",
    entityType: "remediation_task",
    entityId: inserted.id,
    details: {
      supplierId: input.supplierId,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef,
      grade,
      planDueDate: deadlines.planDueDate,
      dueDate: deadlines.dueDate,
      title: input.title,
    },
  });
  scheduleActionDeadlines(tx, inserted);
  return { id: inserted.id, created: true };
}

// ---------------------------------------------------------------------------------------------------
// Reads other capabilities use (risk, supplier profile)
// ---------------------------------------------------------------------------------------------------

/**
 * The actions of one supplier that have missed a deadline on `today`: what the risk model counts as
 * overdue remediation. A plan that is late counts from its plan deadline; anything unresolved after its
 * resolution deadline counts from that one.
 */
export function overdueActions(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
): { id: string; title: string; dueDate: string; kind: Exclude<OverdueKind, null> }[] {
  const today = isoDay(nowOf(ctx));
  const rows = tx
    .select({
      id: remediationTasks.id,
      title: remediationTasks.title,
      state: remediationTasks.state,
      planDueDate: remediationTasks.planDueDate,
      dueDate: remediationTasks.dueDate,
    })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, ctx.organizationId),
        eq(remediationTasks.supplierId, supplierId),
        notInArray(remediationTasks.state, [...RESOLVED]),
        or(
          lt(remediationTasks.dueDate, today),
          and(inArray(remediationTasks.state, [...AWAITING_PLAN]), lt(remediationTasks.planDueDate, today)),
        ),
      ),
    )
    .all();
  return rows.map((r) => {
    const kind = overdueKind(r, today)!;
    return { id: r.id, title: r.title, dueDate: kind === "plan" ? r.planDueDate! : r.dueDate, kind };
  });
}

export type TaskRow = {
  id: string;
  supplierId: string;
  supplierName: string;
  sourceType: SourceType;
  sourceRef: string;
  title: string;
  clause: string | null;
  iloIndicator: string | null;
  grade: FindingGrade;
  state: ActionState;
  planDueDate: string | null;
  dueDate: string;
  status: "open" | "completed";
  overdue: boolean;
  overdueKind: OverdueKind;
  buyerOwner: string | null;
  completionNote: string | null;
  completedAt: string | null;
  completedBy: string | null;
  createdAt: string;
};

export const taskColumns = {
  id: remediationTasks.id,
  supplierId: remediationTasks.supplierId,
  supplierName: suppliers.name,
  sourceType: remediationTasks.sourceType,
  sourceRef: remediationTasks.sourceRef,
  title: remediationTasks.title,
  clause: remediationTasks.clause,
  iloIndicator: remediationTasks.iloIndicator,
  grade: remediationTasks.grade,
  state: remediationTasks.state,
  planDueDate: remediationTasks.planDueDate,
  dueDate: remediationTasks.dueDate,
  status: remediationTasks.status,
  buyerOwner: sql<
    string | null
  >`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.buyerOwnerUserId})`,
  completionNote: remediationTasks.completionNote,
  completedAt: remediationTasks.completedAt,
  completedBy: sql<
    string | null
  >`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.completedByUserId})`,
  createdAt: remediationTasks.createdAt,
};

type RawTask = Omit<TaskRow, "overdue" | "overdueKind" | "completedAt" | "createdAt"> & {
  completedAt: Date | null;
  createdAt: Date;
};

export function toTaskRow(r: RawTask, today: string): TaskRow {
  const kind = overdueKind(r, today);
  return {
    ...r,
    overdue: kind !== null,
    overdueKind: kind,
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export const TASKS_PAGE_SIZE = 200;

/** One supplier's actions (the supplier profile): unresolved first, soonest due first. */
export function listRemediationTasks(
  ctx: Ctx,
  filter: { supplierId?: string } = {},
  tx: DbOrTx = db(),
): TaskRow[] {
  const today = isoDay(nowOf(ctx));
  const conditions = [eq(remediationTasks.organizationId, ctx.organizationId)];
  if (filter.supplierId) conditions.push(eq(remediationTasks.supplierId, filter.supplierId));
  return tx
    .select(taskColumns)
    .from(remediationTasks)
    .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
    .where(and(...conditions))
    .orderBy(
      sql`case when ${remediationTasks.status} = 'open' then 0 else 1 end`,
      asc(remediationTasks.dueDate),
      desc(remediationTasks.completedAt),
    )
    .limit(TASKS_PAGE_SIZE)
    .all()
    .map((r) => toTaskRow(r, today));
}

export type TaskSourceView = { label: string; detail: string | null; href: string | null };

/** What raised the action, in words, with a link to it (read-only look-ups in the owning tables). */
export function describeSource(
  tx: DbOrTx,
  ctx: Ctx,
  task: { sourceType: string; sourceRef: string },
): TaskSourceView & { auditId: string | null; findingId: string | null } {
  if (task.sourceType === "finding") {
    const f = tx
      .select({
        title: findings.title,
        grade: findings.grade,
        schemeGrade: findings.schemeGrade,
        auditId: findings.auditId,
        scheme: audits.scheme,
        auditDate: audits.auditDate,
      })
      .from(findings)
      .innerJoin(audits, eq(audits.id, findings.auditId))
      .where(and(eq(findings.id, task.sourceRef), eq(findings.organizationId, ctx.organizationId)))
      .get();
    if (!f)
      return {
        label: "Audit finding (no longer available)",
        detail: null,
        href: null,
        auditId: null,
        findingId: null,
      };
    const graded = f.schemeGrade ? `“${f.schemeGrade}”` : f.grade.replace("_", " ");
    return {
      label: `${graded} finding in the ${f.scheme} audit of ${f.auditDate}`,
      detail: f.title,
      href: `/audits/${f.auditId}`,
      auditId: f.auditId,
      findingId: task.sourceRef,
    };
  }
  if (task.sourceType === "grievance") {
    // The worker's words stay with the case (grievance roles only); the action names the case.
    const g = tx
      .select({ number: grievanceCases.number, decidedOn: grievanceCases.decidedOn })
      .from(grievanceCases)
      .where(
        and(eq(grievanceCases.id, task.sourceRef), eq(grievanceCases.organizationId, ctx.organizationId)),
      )
      .get();
    return {
      label: g ? `Worker grievance #${g.number}, substantiated` : "Worker grievance (no longer available)",
      detail: g?.decidedOn ? `Decided on ${g.decidedOn}` : null,
      href: g ? `/grievances/${task.sourceRef}` : null,
      auditId: null,
      findingId: null,
    };
  }
  const [assignmentId, questionId] = task.sourceRef.split(":");
  const a = tx
    .select({ templateKey: assignments.templateKey, templateVersion: assignments.templateVersion })
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.organizationId, ctx.organizationId)))
    .get();
  if (!a)
    return {
      label: "Questionnaire answer (no longer available)",
      detail: null,
      href: null,
      auditId: null,
      findingId: null,
    };
  return {
    label: `Red-flag answer in questionnaire ${a.templateKey} v${a.templateVersion}`,
    detail: questionId ? `Question ${questionId}` : null,
    href: `/questionnaires/${assignmentId}`,
    auditId: null,
    findingId: null,
  };
}

/** The action of each finding (finding id → action id and state), for the audit page. */
export function actionsForFindings(
  tx: DbOrTx,
  ctx: Ctx,
  findingIds: string[],
): Map<string, { id: string; state: ActionState; planDueDate: string | null; dueDate: string }> {
  if (findingIds.length === 0) return new Map();
  const rows = tx
    .select({
      id: remediationTasks.id,
      sourceRef: remediationTasks.sourceRef,
      state: remediationTasks.state,
      planDueDate: remediationTasks.planDueDate,
      dueDate: remediationTasks.dueDate,
    })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, ctx.organizationId),
        eq(remediationTasks.sourceType, "finding"),
        inArray(remediationTasks.sourceRef, findingIds),
      ),
    )
    .all();
  return new Map(
    rows.map((r) => [
      r.sourceRef,
      { id: r.id, state: r.state, planDueDate: r.planDueDate, dueDate: r.dueDate },
    ]),
  );
}
