import { and, asc, desc, eq, lte, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { optionalText, parseInput, requiredId } from "~/infra/validation";
import { applyTransition } from "~/remediation/actions.server";
import { deadlinesFor, regradedDeadlines, RESOLVED } from "~/remediation/deadlines";
import { isoDay, loadGradeTable, recordActionEvent } from "~/remediation/remediation.server";
import { scheduleActionDeadlines } from "~/remediation/reminders.server";
import { STATE_LABELS } from "~/remediation/workflow";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { audits, findings, followUpReviews, remediationTasks, users } from "~db/schema";
import type { FollowUpOutcome } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import { loadVocabulary } from "./audits.server";
import { GRADE_LABELS, type AuditScheme, type FindingGrade } from "./catalogue";
import { FOLLOW_UP_CHOICES, type FollowUpChoice } from "./follow-up";
import { gradeForWord } from "./vocabulary";

/**
 * A follow-up audit's decisions about the findings of earlier audits of the same supplier (issue 10,
 * Deliver 4; SMETA follow-up audits, RBA closure audits): the auditor grades a finding again (its
 * deadlines follow the new grade), closes it as verified by this audit, or reopens it. Each decision is
 * one transaction: the finding, its corrective action (through the action's state machine), a
 * `follow_up_reviews` row, the timeline, the audit log and the supplier's risk.
 */

const OUTCOME_OF: Record<FollowUpChoice, FollowUpOutcome> = {
  regrade: "regraded",
  close: "closed",
  reopen: "reopened",
};

export const reviewPriorFindingSchema = z.strictObject({
  auditId: requiredId("Audit is missing."),
  findingId: requiredId("Choose the finding."),
  decision: z.enum(FOLLOW_UP_CHOICES, { error: "Choose what this audit found." }),
  /** The grade in the follow-up audit's own words (its scheme's vocabulary). */
  schemeGrade: optionalText(100, "grade"),
  note: optionalText(4000, "note"),
});
export type ReviewPriorFindingInput = z.input<typeof reviewPriorFindingSchema>;

const fieldError = (field: string, message: string) => new ValidationError({ [field]: message }, message);

type Loaded = {
  audit: { id: string; supplierId: string; scheme: AuditScheme; auditDate: string };
  finding: typeof findings.$inferSelect;
  prior: { scheme: AuditScheme; auditDate: string };
  action: typeof remediationTasks.$inferSelect;
};

function load(tx: DbOrTx, ctx: Ctx, auditId: string, findingId: string): Loaded {
  const audit = tx
    .select({
      id: audits.id,
      supplierId: audits.supplierId,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
    })
    .from(audits)
    .where(and(eq(audits.id, auditId), eq(audits.organizationId, ctx.organizationId)))
    .get();
  if (!audit) throw new NotFoundError("Audit not found");
  const row = tx
    .select({ finding: findings, scheme: audits.scheme, auditDate: audits.auditDate })
    .from(findings)
    .innerJoin(audits, eq(audits.id, findings.auditId))
    .where(and(eq(findings.id, findingId), eq(findings.organizationId, ctx.organizationId)))
    .get();
  // Another supplier's finding is as unknown here as another tenant's.
  if (!row || row.finding.supplierId !== audit.supplierId) throw new NotFoundError("Finding not found");
  if (row.finding.auditId === audit.id)
    throw new ConflictError("This finding was raised by this audit; a follow-up audit reviews earlier ones.");
  if (row.auditDate > audit.auditDate)
    throw new ConflictError(
      `This finding comes from the audit of ${row.auditDate}, after this one (${audit.auditDate}): a follow-up audit reviews earlier findings.`,
    );
  const action = tx
    .select()
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, ctx.organizationId),
        eq(remediationTasks.sourceType, "finding"),
        eq(remediationTasks.sourceRef, row.finding.id),
      ),
    )
    .get();
  if (!action) throw new NotFoundError("Corrective action not found");
  return { audit, finding: row.finding, prior: { scheme: row.scheme, auditDate: row.auditDate }, action };
}

/** The grade the auditor gave in the follow-up audit's words, or a field error naming the accepted words. */
function gradeFromWord(tx: DbOrTx, ctx: Ctx, scheme: AuditScheme, word: string) {
  const vocabulary = loadVocabulary(tx, ctx.organizationId)[scheme];
  const grade = gradeForWord(vocabulary, word);
  if (!grade)
    throw fieldError(
      "schemeGrade",
      `“${word}” is not a ${scheme} grade. Use one of: ${vocabulary.map((w) => w.word).join(", ")}.`,
    );
  const canonical = vocabulary.find((w) => w.word.toLowerCase() === word.trim().toLowerCase())!.word;
  return { grade, word: canonical };
}

export function reviewPriorFinding(ctx: Ctx, input: ReviewPriorFindingInput) {
  const v = parseInput(reviewPriorFindingSchema, input);
  if (v.decision === "regrade" && !v.schemeGrade) throw fieldError("schemeGrade", "Choose the new grade.");
  if (v.decision === "close" && (v.note ?? "").length < 10)
    throw fieldError("note", "Say what the audit saw that shows it is fixed (at least 10 characters).");
  if (v.decision === "reopen" && (v.note ?? "").length < 3)
    throw fieldError("note", "Give the reason for reopening.");

  return writeTx((tx) => {
    const { audit, finding, prior, action } = load(tx, ctx, v.auditId, v.findingId);
    const now = nowOf(ctx);
    const userId = ctx.actor.type === "user" ? ctx.actor.id : null;
    const at = `the ${audit.scheme} follow-up audit of ${audit.auditDate}`;
    const given = v.schemeGrade ? gradeFromWord(tx, ctx, audit.scheme, v.schemeGrade) : null;
    const toGrade = given?.grade ?? finding.grade;
    // The finding keeps a grade word only in its own audit's scheme; otherwise its grade is on our scale.
    const schemeGrade = given ? (audit.scheme === prior.scheme ? given.word : null) : finding.schemeGrade;
    const table = loadGradeTable(tx, ctx.organizationId);
    const regradeFinding = () => {
      if (toGrade === finding.grade && schemeGrade === finding.schemeGrade) return;
      tx.update(findings)
        .set({ grade: toGrade, schemeGrade, updatedAt: now })
        .where(and(eq(findings.id, finding.id), eq(findings.organizationId, ctx.organizationId)))
        .run();
    };
    const titled = `${GRADE_LABELS[toGrade]} finding: ${finding.title}`;

    if (v.decision === "regrade") {
      if (RESOLVED.includes(action.state))
        throw new ConflictError(
          `This finding's action is “${STATE_LABELS[action.state]}”: reopen it to grade it again.`,
        );
      if (toGrade === finding.grade)
        throw fieldError(
          "schemeGrade",
          `The finding is already graded ${GRADE_LABELS[finding.grade].toLowerCase()}; choose another grade, or leave it.`,
        );
      const deadlines = regradedDeadlines(action, finding.grade, toGrade, now, table);
      regradeFinding();
      tx.update(remediationTasks)
        .set({ grade: toGrade, title: titled, ...deadlines, updatedAt: now })
        .where(
          and(eq(remediationTasks.id, action.id), eq(remediationTasks.organizationId, ctx.organizationId)),
        )
        .run();
      scheduleActionDeadlines(tx, { ...action, ...deadlines, createdAt: now });
      recordActionEvent(tx, ctx, {
        actionId: action.id,
        event: "regraded",
        comment:
          `Re-graded from ${GRADE_LABELS[finding.grade].toLowerCase()} to ${GRADE_LABELS[toGrade].toLowerCase()} at ${at}; ` +
          `plan due ${deadlines.planDueDate}, resolution due ${deadlines.dueDate}.` +
          (v.note ? ` ${v.note}` : ""),
      });
      recordAudit(tx, ctx, {
        action: "remediation.regraded",
        entityType: "remediation_task",
        entityId: action.id,
        details: {
          supplierId: action.supplierId,
          followUpAuditId: audit.id,
          from: finding.grade,
          to: toGrade,
          ...deadlines,
        },
      });
      recomputeSupplierRisk(tx, ctx, action.supplierId, "finding.regraded");
    } else if (v.decision === "close") {
      // Graded first, so the risk the transition recomputes reads the finding as it now stands.
      regradeFinding();
      applyTransition(
        tx,
        ctx,
        action.id,
        "close_at_follow_up",
        () => ({
          verificationMethod: "follow_up_audit",
          verificationNote: v.note,
          followUpAuditId: audit.id,
          verifiedByUserId: userId,
          verifiedAt: now,
          completedAt: now,
          completedByUserId: userId,
          completionNote: v.note,
          ...(toGrade !== finding.grade ? { grade: toGrade, title: titled } : {}),
        }),
        { comment: `Verified at ${at}: ${v.note}`, details: { followUpAuditId: audit.id, grade: toGrade } },
        (_tx, a) => {
          if (audit.auditDate < isoDay(a.createdAt))
            throw new ConflictError("A follow-up audit must take place after the action was raised.");
        },
      );
    } else {
      const deadlines = deadlinesFor(toGrade, now, table);
      regradeFinding();
      applyTransition(
        tx,
        ctx,
        action.id,
        "reopen",
        () => ({
          grade: toGrade,
          title: titled,
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
          comment: `Reopened at ${at}: ${v.note}; plan due ${deadlines.planDueDate}, resolution due ${deadlines.dueDate}.`,
          details: { followUpAuditId: audit.id, grade: toGrade, ...deadlines },
        },
      );
      // The supplier owes a plan again, on the grade's clock from today.
      scheduleActionDeadlines(tx, { ...action, ...deadlines, createdAt: now });
    }

    const review = tx
      .insert(followUpReviews)
      .values({
        organizationId: ctx.organizationId,
        auditId: audit.id,
        findingId: finding.id,
        outcome: OUTCOME_OF[v.decision],
        fromGrade: finding.grade,
        toGrade,
        schemeGrade: v.schemeGrade ?? null,
        note: v.note,
        reviewedByUserId: userId,
        createdAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: `finding.follow_up_${OUTCOME_OF[v.decision]}`,
      entityType: "finding",
      entityId: finding.id,
      details: {
        followUpAuditId: audit.id,
        priorAuditId: finding.auditId,
        from: finding.grade,
        to: toGrade,
        schemeGrade: v.schemeGrade ?? null,
      },
    });
    return { review, actionId: action.id };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------

export type PriorFinding = {
  id: string;
  title: string;
  clause: string | null;
  grade: FindingGrade;
  schemeGrade: string | null;
  status: "open" | "closed";
  priorAuditId: string;
  priorScheme: AuditScheme;
  priorAuditDate: string;
  action: { id: string; state: ActionState; planDueDate: string | null; dueDate: string } | null;
  reviews: {
    id: string;
    outcome: FollowUpOutcome;
    fromGrade: FindingGrade;
    toGrade: FindingGrade;
    schemeGrade: string | null;
    note: string | null;
    by: string | null;
    at: string;
  }[];
};

/**
 * The findings of this supplier's earlier audits (dated on or before this one, this audit's own findings
 * excluded), open ones first, with their action and what this audit decided about each.
 */
export function priorFindings(ctx: Ctx, auditId: string): PriorFinding[] {
  const audit = db()
    .select({ id: audits.id, supplierId: audits.supplierId, auditDate: audits.auditDate })
    .from(audits)
    .where(and(eq(audits.id, auditId), eq(audits.organizationId, ctx.organizationId)))
    .get();
  if (!audit) throw new NotFoundError("Audit not found");
  const rows = db()
    .select({
      id: findings.id,
      title: findings.title,
      clause: findings.clause,
      grade: findings.grade,
      schemeGrade: findings.schemeGrade,
      status: findings.status,
      priorAuditId: audits.id,
      priorScheme: audits.scheme,
      priorAuditDate: audits.auditDate,
      actionId: remediationTasks.id,
      state: remediationTasks.state,
      planDueDate: remediationTasks.planDueDate,
      dueDate: remediationTasks.dueDate,
    })
    .from(findings)
    .innerJoin(audits, eq(audits.id, findings.auditId))
    .leftJoin(
      remediationTasks,
      and(
        eq(remediationTasks.organizationId, ctx.organizationId),
        eq(remediationTasks.sourceType, "finding"),
        eq(remediationTasks.sourceRef, findings.id),
      ),
    )
    .where(
      and(
        eq(findings.organizationId, ctx.organizationId),
        eq(findings.supplierId, audit.supplierId),
        ne(findings.auditId, audit.id),
        lte(audits.auditDate, audit.auditDate),
      ),
    )
    .orderBy(asc(findings.status), desc(audits.auditDate), asc(findings.createdAt))
    .all();
  const reviews = db()
    .select({
      id: followUpReviews.id,
      findingId: followUpReviews.findingId,
      outcome: followUpReviews.outcome,
      fromGrade: followUpReviews.fromGrade,
      toGrade: followUpReviews.toGrade,
      schemeGrade: followUpReviews.schemeGrade,
      note: followUpReviews.note,
      by: users.name,
      at: followUpReviews.createdAt,
    })
    .from(followUpReviews)
    .leftJoin(users, eq(users.id, followUpReviews.reviewedByUserId))
    .where(and(eq(followUpReviews.organizationId, ctx.organizationId), eq(followUpReviews.auditId, audit.id)))
    .orderBy(asc(followUpReviews.createdAt))
    .all();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    clause: r.clause,
    grade: r.grade,
    schemeGrade: r.schemeGrade,
    status: r.status,
    priorAuditId: r.priorAuditId,
    priorScheme: r.priorScheme,
    priorAuditDate: r.priorAuditDate,
    action:
      r.actionId && r.state && r.dueDate
        ? { id: r.actionId, state: r.state, planDueDate: r.planDueDate, dueDate: r.dueDate }
        : null,
    reviews: reviews
      .filter((x) => x.findingId === r.id)
      .map(({ findingId: _f, at, ...x }) => ({ ...x, at: at.toISOString() })),
  }));
}
