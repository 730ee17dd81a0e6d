import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { isoDateField, optionalText, parseInput } from "~/infra/validation";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import {
  actionEscalations,
  audits,
  evidenceFiles,
  findings,
  memberships,
  remediationTasks,
} from "~db/schema";
import {
  ESCALATION_KINDS,
  SUPPLIER_RESPONSES,
  VERIFICATION_METHODS,
  type ActionEvent,
  type ActionState,
} from "~db/schema/remediation.constants";
import { deadlinesFor } from "./deadlines";
import { actorOf, isoDay, loadGradeTable, recordActionEvent } from "./remediation.server";
import { scheduleActionDeadlines } from "./reminders.server";
import { decide, EVENT_LABELS } from "./workflow";

// ---------------------------------------------------------------------------------------------------
// Input schemas: one per event (strict — a field we do not expect is refused, not ignored)
// ---------------------------------------------------------------------------------------------------

const longText = (label: string, min: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(min, { error: message })
    .max(4000, { error: `Keep the ${label} under 4000 characters.` });

const requiredComment = (message: string) => longText("comment", 3, message);

export const submitPlanSchema = z.strictObject({
  rootCause: longText("root cause", 10, "Describe the root cause (at least 10 characters)."),
  correctiveAction: longText(
    "corrective action",
    10,
    "Describe the corrective action: what will be done to fix it (at least 10 characters).",
  ),
  preventiveAction: longText(
    "preventive action",
    10,
    "Describe the preventive action: what stops it happening again (at least 10 characters).",
  ),
  planTargetDate: isoDateField("Completion date"),
  supplierOwner: z
    .string({ error: "Name the person responsible at the supplier." })
    .trim()
    .min(2, { error: "Name the person responsible at the supplier." })
    .max(200, { error: "Keep the name under 200 characters." }),
});
export type SubmitPlanInput = z.input<typeof submitPlanSchema>;

export const commentSchema = z.strictObject({ comment: optionalText(4000, "comment") });
export const returnPlanSchema = z.strictObject({
  comment: requiredComment("Say what the plan is missing, so the supplier can fix it."),
});
export const progressSchema = z.strictObject({ note: optionalText(4000, "progress note") });
export const rejectEvidenceSchema = z.strictObject({
  comment: requiredComment("Say why the evidence is not enough."),
});
export const verifySchema = z
  .strictObject({
    method: z.enum(VERIFICATION_METHODS, { error: "Choose how it was verified." }),
    note: longText("note", 10, "Say what was checked (at least 10 characters)."),
    followUpAuditId: optionalText(64, "audit"),
  })
  .refine((v) => v.method !== "follow_up_audit" || !!v.followUpAuditId, {
    path: ["followUpAuditId"],
    error: "Choose the follow-up audit that verified it.",
  });
export const escalateSchema = z.strictObject({
  kind: z.enum(ESCALATION_KINDS, { error: "Choose the escalation step." }),
  comment: requiredComment("Give the reason for escalating."),
  approverUserId: z
    .string({ error: "Choose who approved the escalation." })
    .trim()
    .min(1, { error: "Choose who approved the escalation." })
    .max(64),
});
export const reopenSchema = z.strictObject({
  comment: requiredComment("Give the reason for reopening."),
});
export const respondSchema = z.strictObject({
  response: z.enum(SUPPLIER_RESPONSES, { error: "Say whether you agree with the finding." }),
  reason: optionalText(4000, "reason"),
});
export const ownerSchema = z.strictObject({ buyerOwnerUserId: optionalText(64, "owner") });

/** A refusal that belongs to one field: the form shows it there, and the message says the same. */
const fieldError = (field: string, message: string) => new ValidationError({ [field]: message }, message);

// ---------------------------------------------------------------------------------------------------
// The one transition path
// ---------------------------------------------------------------------------------------------------

type Action = typeof remediationTasks.$inferSelect;

function loadAction(tx: DbOrTx, ctx: Ctx, actionId: string, supplierId?: string): Action {
  const row = tx
    .select()
    .from(remediationTasks)
    .where(and(eq(remediationTasks.id, actionId), eq(remediationTasks.organizationId, ctx.organizationId)))
    .get();
  // A supplier link reaches only its own supplier's actions: anything else is "not found".
  if (!row || (supplierId !== undefined && row.supplierId !== supplierId))
    throw new NotFoundError("Corrective action not found");
  return row;
}

function evidenceCount(tx: DbOrTx, ctx: Ctx, actionId: string): number {
  return (
    tx
      .select({ n: count() })
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.organizationId, ctx.organizationId),
          eq(evidenceFiles.actionId, actionId),
          // A withdrawn file is no longer evidence (D42).
          isNull(evidenceFiles.withdrawnAt),
        ),
      )
      .get()?.n ?? 0
  );
}

/** The finding behind an action follows the action's closure: closed only by a verified close. */
function setFindingStatus(tx: DbOrTx, ctx: Ctx, action: Action, status: "open" | "closed", now: Date) {
  if (action.sourceType !== "finding") return;
  tx.update(findings)
    .set({ status, closedAt: status === "closed" ? now : null, updatedAt: now })
    .where(and(eq(findings.id, action.sourceRef), eq(findings.organizationId, ctx.organizationId)))
    .run();
}

export type TransitionOptions = {
  /** Set for the supplier link: the action must belong to this supplier. */
  supplierId?: string;
};

/**
 * Apply one workflow event in one write transaction: load, decide (pure), change the row, the finding
 * and the risk when closure changes, one timeline row and one audit-log row. A refused transition
 * throws a ConflictError (or a ValidationError when it belongs to a field) with the machine's reason.
 */
function transition(
  ctx: Ctx,
  actionId: string,
  event: ActionEvent,
  change: (action: Action, now: Date) => Partial<Action>,
  opts: TransitionOptions & { comment?: string | null; details?: Record<string, unknown> } = {},
  check?: (tx: DbOrTx, action: Action) => void,
) {
  return writeTx((tx) => applyTransition(tx, ctx, actionId, event, change, opts, check));
}

/**
 * The transition itself, inside the caller's write transaction: for verbs of other capabilities whose
 * one user action also moves an action (a follow-up audit closing or reopening a prior finding).
 */
export function applyTransition(
  tx: DbOrTx,
  ctx: Ctx,
  actionId: string,
  event: ActionEvent,
  change: (action: Action, now: Date) => Partial<Action>,
  opts: TransitionOptions & { comment?: string | null; details?: Record<string, unknown> } = {},
  check?: (tx: DbOrTx, action: Action) => void,
) {
  const action = loadAction(tx, ctx, actionId, opts.supplierId);
  const actor = actorOf(ctx);
  const decision = decide(
    action.state,
    event,
    { party: actor.actorType === "supplier" ? "supplier" : "buyer", key: actor.key },
    { evidenceCount: evidenceCount(tx, ctx, action.id), evidenceSubmittedBy: action.evidenceSubmittedBy },
  );
  if (!decision.ok) {
    if (decision.field) throw new ValidationError({ [decision.field]: decision.reason }, decision.reason);
    throw new ConflictError(decision.reason);
  }
  check?.(tx, action);
  const now = nowOf(ctx);
  const to: ActionState = decision.to;
  const set: Partial<Action> = { ...change(action, now), state: to, updatedAt: now };
  set.status = to === "closed" ? "completed" : "open";
  const won = tx
    .update(remediationTasks)
    .set(set)
    .where(
      and(
        eq(remediationTasks.id, action.id),
        eq(remediationTasks.organizationId, ctx.organizationId),
        // Two tabs acting at once: the second finds the state moved and is refused.
        eq(remediationTasks.state, action.state),
      ),
    )
    .run().changes;
  if (won !== 1) throw new ConflictError("Someone else changed this action a moment ago. Reload to see it.");

  if (to === "closed") setFindingStatus(tx, ctx, action, "closed", now);
  if (event === "reopen" && action.state === "closed") setFindingStatus(tx, ctx, action, "open", now);
  recordActionEvent(tx, ctx, {
    actionId: action.id,
    event,
    fromState: action.state,
    toState: to,
    comment: opts.comment ?? null,
  });
  recordAudit(tx, ctx, {
    action: `remediation.${event}`,
    entityType: "remediation_task",
    entityId: action.id,
    details: { supplierId: action.supplierId, from: action.state, to, ...(opts.details ?? {}) },
  });
  // Every transition can change what is overdue; closing or reopening changes the open findings.
  const risk = recomputeSupplierRisk(tx, ctx, action.supplierId, `remediation.${event}`);
  return { state: to, risk, label: EVENT_LABELS[event] };
}

// ---------------------------------------------------------------------------------------------------
// Verbs (one per event)
// ---------------------------------------------------------------------------------------------------

export function submitPlan(ctx: Ctx, actionId: string, input: SubmitPlanInput, opts: TransitionOptions = {}) {
  const v = parseInput(submitPlanSchema, input);
  const today = isoDay(nowOf(ctx));
  if (v.planTargetDate < today)
    throw fieldError("planTargetDate", "The completion date cannot be in the past.");
  return transition(
    ctx,
    actionId,
    "submit_plan",
    () => ({
      rootCause: v.rootCause,
      correctiveAction: v.correctiveAction,
      preventiveAction: v.preventiveAction,
      planTargetDate: v.planTargetDate,
      supplierOwner: v.supplierOwner,
    }),
    { ...opts, details: { planTargetDate: v.planTargetDate } },
  );
}

export function acceptPlan(ctx: Ctx, actionId: string, input: { comment?: string | null }) {
  const v = parseInput(commentSchema, input);
  return transition(ctx, actionId, "accept_plan", () => ({}), { comment: v.comment });
}

export function returnPlan(ctx: Ctx, actionId: string, input: { comment?: string }) {
  const v = parseInput(returnPlanSchema, input);
  return transition(ctx, actionId, "return_plan", () => ({}), { comment: v.comment });
}

export function startWork(
  ctx: Ctx,
  actionId: string,
  input: { note?: string | null },
  opts: TransitionOptions = {},
) {
  const v = parseInput(progressSchema, input);
  return transition(ctx, actionId, "start_work", () => (v.note ? { progressNote: v.note } : {}), {
    ...opts,
    comment: v.note,
  });
}

export function submitEvidence(
  ctx: Ctx,
  actionId: string,
  input: { note?: string | null },
  opts: TransitionOptions = {},
) {
  const v = parseInput(progressSchema, input);
  const key = actorOf(ctx).key;
  return transition(
    ctx,
    actionId,
    "submit_evidence",
    (_a, now) => ({
      evidenceSubmittedBy: key,
      evidenceSubmittedAt: now,
      ...(v.note ? { progressNote: v.note } : {}),
    }),
    { ...opts, comment: v.note },
  );
}

export function rejectEvidence(ctx: Ctx, actionId: string, input: { comment?: string }) {
  const v = parseInput(rejectEvidenceSchema, input);
  return transition(ctx, actionId, "reject_evidence", () => ({}), { comment: v.comment });
}

/**
 * Verification by desk review (the evidence was checked) or by a follow-up audit of the same supplier
 * after the action was raised, always by someone other than whoever submitted the evidence.
 */
export function verifyAction(
  ctx: Ctx,
  actionId: string,
  input: { method?: string; note?: string; followUpAuditId?: string | null },
) {
  const v = parseInput(verifySchema, input);
  const userId = ctx.actor.type === "user" ? ctx.actor.id : null;
  return transition(
    ctx,
    actionId,
    "verify",
    (_a, now) => ({
      verificationMethod: v.method,
      verificationNote: v.note,
      followUpAuditId: v.method === "follow_up_audit" ? v.followUpAuditId : null,
      verifiedByUserId: userId,
      verifiedAt: now,
    }),
    { comment: v.note, details: { method: v.method, followUpAuditId: v.followUpAuditId ?? null } },
    (tx, action) => {
      if (v.method !== "follow_up_audit") return;
      const audit = tx
        .select({ supplierId: audits.supplierId, auditDate: audits.auditDate })
        .from(audits)
        .where(and(eq(audits.id, v.followUpAuditId!), eq(audits.organizationId, ctx.organizationId)))
        .get();
      if (!audit || audit.supplierId !== action.supplierId)
        throw fieldError("followUpAuditId", "Choose an audit of this supplier.");
      if (audit.auditDate < isoDay(action.createdAt))
        throw fieldError("followUpAuditId", "A follow-up audit must take place after the action was raised.");
    },
  );
}

export function closeAction(ctx: Ctx, actionId: string, input: { comment?: string | null }) {
  const v = parseInput(commentSchema, input);
  const userId = ctx.actor.type === "user" ? ctx.actor.id : null;
  return transition(
    ctx,
    actionId,
    "close",
    (_a, now) => ({ completedAt: now, completedByUserId: userId, completionNote: v.comment }),
    { comment: v.comment },
  );
}

/**
 * Escalate with a reason and an approver (another member of the organisation). Suspension of new
 * orders comes first; a responsible exit plan is accepted only after a suspension of the same action,
 * as the last resort.
 */
export function escalateAction(
  ctx: Ctx,
  actionId: string,
  input: { kind?: string; comment?: string; approverUserId?: string },
) {
  const v = parseInput(escalateSchema, input);
  const requester = ctx.actor.type === "user" ? ctx.actor.id : null;
  if (v.approverUserId === requester)
    throw fieldError("approverUserId", "Someone other than you must approve an escalation.");
  return transition(
    ctx,
    actionId,
    "escalate",
    () => ({}),
    {
      comment: `${ESCALATION_LABELS[v.kind]}: ${v.comment}`,
      details: { kind: v.kind, approverUserId: v.approverUserId },
    },
    (tx, action) => {
      const approver = tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(
          and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, v.approverUserId)),
        )
        .get();
      if (!approver) throw fieldError("approverUserId", "Choose a member of your organisation.");
      if (v.kind === "responsible_exit") {
        const suspended = tx
          .select({ id: actionEscalations.id })
          .from(actionEscalations)
          .where(
            and(
              eq(actionEscalations.organizationId, ctx.organizationId),
              eq(actionEscalations.actionId, action.id),
              eq(actionEscalations.kind, "suspension"),
            ),
          )
          .get();
        if (!suspended)
          throw fieldError(
            "kind",
            "A responsible exit is the last resort: suspend new orders and work with the supplier first.",
          );
      }
      tx.insert(actionEscalations)
        .values({
          organizationId: ctx.organizationId,
          actionId: action.id,
          supplierId: action.supplierId,
          kind: v.kind,
          reason: v.comment,
          requestedByUserId: requester,
          approverUserId: v.approverUserId,
          createdAt: nowOf(ctx),
        })
        .run();
    },
  );
}

export const ESCALATION_LABELS = {
  suspension: "Suspension of new orders",
  responsible_exit: "Responsible exit plan",
} as const;

/**
 * Reopen: the plan is owed again, on the grade's clock from today (the organisation's grade table, as a
 * follow-up audit's reopen does), with the reminders and overdue notices for the new dates; a closed
 * finding opens again (and its risk points come back). The old dates' reminders find the deadline moved
 * and send nothing.
 */
export function reopenAction(ctx: Ctx, actionId: string, input: { comment?: string }) {
  const v = parseInput(reopenSchema, input);
  return writeTx((tx) => {
    const now = nowOf(ctx);
    const action = loadAction(tx, ctx, actionId);
    const deadlines = deadlinesFor(action.grade, now, loadGradeTable(tx, ctx.organizationId));
    const result = applyTransition(
      tx,
      ctx,
      actionId,
      "reopen",
      () => ({
        ...deadlines,
        completedAt: null,
        completedByUserId: null,
        verifiedAt: null,
        verifiedByUserId: null,
        verificationMethod: null,
        evidenceSubmittedBy: null,
        evidenceSubmittedAt: null,
      }),
      {
        comment: `${v.comment} (plan due ${deadlines.planDueDate}, resolution due ${deadlines.dueDate})`,
        details: { ...deadlines },
      },
    );
    scheduleActionDeadlines(tx, { ...action, ...deadlines, createdAt: now });
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------
// Changes that are not transitions (still one transaction, a timeline row and an audit row each)
// ---------------------------------------------------------------------------------------------------

/** The supplier agrees with or disputes the finding behind the action (SMETA: per finding, with reason). */
export function respondToFinding(
  ctx: Ctx,
  actionId: string,
  input: { response?: string; reason?: string | null },
  opts: TransitionOptions = {},
) {
  const v = parseInput(respondSchema, input);
  if (v.response === "disputed" && !v.reason) throw fieldError("reason", "Say why you dispute the finding.");
  return writeTx((tx) => {
    const action = loadAction(tx, ctx, actionId, opts.supplierId);
    if (action.state === "closed") throw new ConflictError("This action is closed.");
    tx.update(remediationTasks)
      .set({ supplierResponse: v.response, supplierResponseReason: v.reason, updatedAt: nowOf(ctx) })
      .where(and(eq(remediationTasks.id, action.id), eq(remediationTasks.organizationId, ctx.organizationId)))
      .run();
    recordActionEvent(tx, ctx, {
      actionId: action.id,
      event: v.response === "agreed" ? "finding_agreed" : "finding_disputed",
      comment: v.reason,
    });
    recordAudit(tx, ctx, {
      action: `remediation.finding_${v.response}`,
      entityType: "remediation_task",
      entityId: action.id,
      details: { supplierId: action.supplierId, reason: v.reason },
    });
    return { response: v.response };
  });
}

/** Name the buyer-side owner: a member of this organisation (or nobody). */
export function assignBuyerOwner(ctx: Ctx, actionId: string, input: { buyerOwnerUserId?: string | null }) {
  const v = parseInput(ownerSchema, input);
  return writeTx((tx) => {
    const action = loadAction(tx, ctx, actionId);
    if (v.buyerOwnerUserId) {
      const member = tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(
          and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, v.buyerOwnerUserId)),
        )
        .get();
      if (!member) throw fieldError("buyerOwnerUserId", "Choose a member of your organisation.");
    }
    tx.update(remediationTasks)
      .set({ buyerOwnerUserId: v.buyerOwnerUserId, updatedAt: nowOf(ctx) })
      .where(and(eq(remediationTasks.id, action.id), eq(remediationTasks.organizationId, ctx.organizationId)))
      .run();
    recordActionEvent(tx, ctx, { actionId: action.id, event: "owner_assigned" });
    recordAudit(tx, ctx, {
      action: "remediation.owner_assigned",
      entityType: "remediation_task",
      entityId: action.id,
      details: { buyerOwnerUserId: v.buyerOwnerUserId },
    });
  });
}
