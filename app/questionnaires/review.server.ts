import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { formatDate } from "~/i18n/dates";
import { languageName } from "~/i18n/languages";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { evidenceFiles, organizations, reviewComments, suppliers } from "~db/schema";
import { loadAssignment, transition } from "./assignments.server";
import {
  formatAnswer,
  iloLabel,
  isUnanswered,
  localizeQuestion,
  localizeTemplate,
  scoreAnswerDetailed,
  templateLanguage,
  visibleQuestionIds,
  type AnswerValue,
  type Template,
  questionCounts,
} from "./model";
import { renderReturnedEmail } from "./portal-emails.server";
import {
  currentRound,
  returnedQuestions,
  revisionsByQuestion,
  submittedValues,
} from "./portal-rounds.server";

/**
 * The buyer's review, question by question: accept each answer or return it with a comment; "Return to
 * supplier" sends back only the commented questions; "Accept" accepts the whole submission and recomputes
 * risk. The buyer reads everything in English: choices are translated back, free text is shown as written
 * with its language noted.
 */

const BUYER_LANGUAGE = "en";
const FREE_TEXT = new Set(["text", "short_text"]);

function findSupplier(tx: DbOrTx, ctx: Ctx, supplierId: string) {
  const supplier = tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");
  return supplier;
}

/** The buyer-facing (English) version of a snapshot, whatever language it was written in. */
function buyerTemplate(template: Template): Template {
  return templateLanguage(template) === BUYER_LANGUAGE
    ? template
    : localizeTemplate(template, BUYER_LANGUAGE);
}

/**
 * The values the buyer reviews: as last submitted. While the questionnaire is back with the supplier, their
 * edits in progress are not shown as if submitted.
 */
function reviewedValues(
  tx: DbOrTx,
  organizationId: string,
  row: { id: string; status: string },
  values: Record<string, AnswerValue>,
  round: number,
) {
  if (row.status !== "returned") return values;
  const before = submittedValues(tx, organizationId, row.id, round);
  const out = { ...values };
  for (const r of returnedQuestions(tx, organizationId, row.id, round))
    out[r.questionId] = before[r.questionId] ?? values[r.questionId] ?? null;
  return out;
}

function reviewRows(tx: DbOrTx, organizationId: string, assignmentId: string) {
  return tx
    .select()
    .from(reviewComments)
    .where(
      and(eq(reviewComments.organizationId, organizationId), eq(reviewComments.assignmentId, assignmentId)),
    )
    .orderBy(asc(reviewComments.round), asc(reviewComments.createdAt))
    .all();
}

export type ReviewedQuestion = {
  id: string;
  text: string;
  help: string;
  type: string;
  required: boolean;
  visible: boolean;
  ilo: { n: number; label: string }[];
  answer: string;
  answered: boolean;
  /** Set for free text the supplier wrote in another language: "Spanish". */
  writtenIn: string | null;
  points: number;
  redFlag: boolean;
  control: boolean;
  controlStatus: "evidenced" | "self-declared" | null;
  evidenceRequest: string | null;
  files: { id: string; fileName: string; sizeBytes: number }[];
  /** This round's decision, if any. */
  review: { decision: "accepted" | "returned"; comment: string | null; sent: boolean } | null;
  /** Comments sent back in earlier rounds. */
  earlierComments: { round: number; comment: string; by: string }[];
  history: { round: number; answer: string; by: string; at: string }[];
};

export function getAssignmentForReview(ctx: Ctx, assignmentId: string) {
  const tx = db();
  const {
    row,
    template: snapshot,
    values,
    evidenceCounts,
  } = loadAssignment(tx, ctx.organizationId, assignmentId);
  const supplier = findSupplier(tx, ctx, row.supplierId);
  const template = buyerTemplate(snapshot);
  const round = currentRound(tx, ctx.organizationId, row.id);
  // A supplier's draft is theirs until they submit: the buyer sees progress, not the answers.
  const answersVisible = row.submittedAt !== null;
  const shown = answersVisible ? reviewedValues(tx, ctx.organizationId, row, values, round) : {};
  const visible = visibleQuestionIds(template, shown);
  const reviews = reviewRows(tx, ctx.organizationId, row.id);
  const history = answersVisible ? revisionsByQuestion(tx, ctx.organizationId, row.id) : {};
  const files = answersVisible
    ? tx
        .select({
          id: evidenceFiles.id,
          questionId: evidenceFiles.questionId,
          fileName: evidenceFiles.fileName,
          sizeBytes: evidenceFiles.sizeBytes,
        })
        .from(evidenceFiles)
        .where(
          and(eq(evidenceFiles.organizationId, ctx.organizationId), eq(evidenceFiles.assignmentId, row.id)),
        )
        .orderBy(asc(evidenceFiles.createdAt))
        .all()
    : [];
  const supplierLanguage = row.language;
  const foreign = supplierLanguage !== BUYER_LANGUAGE ? languageName(supplierLanguage) : null;

  const sections = template.sections
    .map((section) => ({
      id: section.id,
      title: section.title,
      questions: template.questions
        .filter((q) => q.section === section.id)
        .map((q): ReviewedQuestion => {
          const value = shown[q.id] ?? null;
          const score = visible.has(q.id)
            ? scoreAnswerDetailed(q, value, { evidenceCount: evidenceCounts[q.id] ?? 0 })
            : { points: 0, redFlag: false, control: null };
          const mine = reviews.filter((r) => r.questionId === q.id);
          const current = mine.find((r) => r.round === round);
          return {
            id: q.id,
            text: q.text,
            help: q.help,
            type: q.type,
            required: q.required,
            visible: visible.has(q.id),
            ilo: q.iloIndicators.map((n) => ({ n, label: iloLabel(n) })),
            answer: formatAnswer(q, value, BUYER_LANGUAGE),
            answered: !isUnanswered(value),
            writtenIn: foreign && FREE_TEXT.has(q.type) && !isUnanswered(value) ? foreign : null,
            points: score.points,
            redFlag: score.redFlag,
            control: q.rule.control ?? false,
            controlStatus: score.control,
            evidenceRequest: q.evidence?.request ?? null,
            files: files.filter((f) => f.questionId === q.id).map(({ questionId: _q, ...f }) => f),
            review: current
              ? { decision: current.decision, comment: current.comment, sent: current.sentAt !== null }
              : null,
            earlierComments: mine
              .filter((r) => r.round < round && r.decision === "returned" && r.sentAt)
              .map((r) => ({ round: r.round, comment: r.comment ?? "", by: r.reviewerLabel })),
            history: (history[q.id] ?? []).map((h) => ({
              round: h.round,
              answer: formatAnswer(q, h.value, BUYER_LANGUAGE),
              by: h.by,
              at: h.at,
            })),
          };
        }),
    }))
    .filter((s) => s.questions.length > 0);

  const all = sections.flatMap((s) => s.questions);
  const counts = questionCounts(template, shown);
  const pending = all.filter((q) => q.review && !q.review.sent);
  return {
    assignment: {
      id: row.id,
      status: row.status,
      recipientName: row.recipientName,
      recipientEmail: row.recipientEmail,
      dueDate: row.dueDate,
      sentAt: row.sentAt.toISOString(),
      firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      tokenExpiresAt: row.tokenExpiresAt.toISOString(),
      declarationName: row.declarationName,
      declarationTitle: row.declarationTitle,
      templateTitle: template.title,
      templateVersion: template.version,
      language: supplierLanguage,
      languageName: languageName(supplierLanguage),
      round,
    },
    supplier: {
      id: supplier.id,
      name: supplier.name,
      country: supplier.country,
      riskScore: supplier.riskScore,
      riskLevel: supplier.riskLevel,
    },
    sections,
    answersVisible,
    summary: {
      // The one count the supplier was told (questionCounts): questions shown for their answers.
      questions: counts.shown,
      /** Follow-up questions the supplier's answers did not bring up (or not yet, in a draft). */
      notShown: counts.always + counts.conditional - counts.shown,
      answered: answersVisible
        ? all.filter((q) => q.visible && q.answered).length
        : Object.values(values).filter((v) => !isUnanswered(v)).length,
      redFlags: all.filter((q) => q.redFlag).length,
      accepted: pending.filter((q) => q.review?.decision === "accepted").length,
      toReturn: pending.filter((q) => q.review?.decision === "returned").length,
    },
  };
}

export type AssignmentReview = ReturnType<typeof getAssignmentForReview>;

export const reviewQuestionSchema = z
  .object({
    questionId: z.string().trim().min(1).max(100),
    decision: z.enum(["accepted", "returned"], { error: "Choose accept or return." }),
    comment: z.string().trim().max(4000, "Keep the comment under 4,000 characters.").optional(),
  })
  .superRefine((v, c) => {
    if (v.decision === "returned" && (v.comment ?? "").length < 3)
      c.addIssue({ code: "custom", path: ["comment"], message: "Tell the supplier what to change." });
  });
export type ReviewQuestionInput = z.infer<typeof reviewQuestionSchema>;

/** Record the decision on one question of a submitted questionnaire (this round; changeable until sent). */
export function reviewQuestion(ctx: Ctx, assignmentId: string, input: ReviewQuestionInput): void {
  const now = nowOf(ctx);
  writeTx((tx) => {
    const { row, template } = loadAssignment(tx, ctx.organizationId, assignmentId);
    if (!template.questions.some((q) => q.id === input.questionId))
      throw new NotFoundError("Question not found");
    if (row.status !== "submitted")
      throw new ConflictError("Only a submitted questionnaire can be reviewed.");
    const round = currentRound(tx, ctx.organizationId, row.id);
    const comment = input.decision === "returned" ? (input.comment ?? "") : input.comment || null;
    tx.insert(reviewComments)
      .values({
        organizationId: ctx.organizationId,
        assignmentId: row.id,
        questionId: input.questionId,
        round,
        decision: input.decision,
        comment,
        reviewerUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        reviewerLabel: ctx.actor.label,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [reviewComments.assignmentId, reviewComments.questionId, reviewComments.round],
        set: {
          decision: input.decision,
          comment,
          reviewerUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
          reviewerLabel: ctx.actor.label,
          updatedAt: now,
        },
      })
      .run();
    recordAudit(tx, ctx, {
      action: "questionnaire.question_reviewed",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: { questionId: input.questionId, decision: input.decision, round, comment },
    });
  });
}

function pendingReturns(tx: DbOrTx, ctx: Ctx, assignmentId: string, round: number) {
  return tx
    .select()
    .from(reviewComments)
    .where(
      and(
        eq(reviewComments.organizationId, ctx.organizationId),
        eq(reviewComments.assignmentId, assignmentId),
        eq(reviewComments.round, round),
        eq(reviewComments.decision, "returned"),
        isNull(reviewComments.sentAt),
      ),
    )
    .all();
}

/**
 * Send the questions marked "returned" back to the supplier, with their comments, in one email in the
 * supplier's language. The supplier may then change only those questions (enforced by the portal).
 */
export async function returnToSupplier(ctx: Ctx, assignmentId: string): Promise<{ questions: string[] }> {
  const { row, template } = loadAssignment(db(), ctx.organizationId, assignmentId);
  if (row.status !== "submitted") throw new ConflictError("Only a submitted questionnaire can be returned.");
  const round = currentRound(db(), ctx.organizationId, row.id);
  const pending = pendingReturns(db(), ctx, row.id, round);
  if (pending.length === 0)
    throw new ValidationError(
      { _form: "Return at least one question with a comment first." },
      "Return at least one question with a comment first: the supplier can only change what you return.",
    );
  const org = db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get();
  const lang = row.language;
  const order = new Map(template.questions.map((q, i) => [q.id, i]));
  const ordered = [...pending].sort(
    (a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0),
  );
  const email = await renderReturnedEmail({
    lang,
    recipientName: row.recipientName,
    organizationName: org?.name ?? "",
    questionnaireTitle: localizeTemplate(template, lang).title,
    questions: ordered.map((p) => {
      const q = template.questions.find((x) => x.id === p.questionId)!;
      return { id: q.id, text: localizeQuestion(q, lang, template).text, comment: p.comment ?? "" };
    }),
    expiresOn: formatDate(row.tokenExpiresAt, lang),
  });
  const now = nowOf(ctx);
  return writeTx((tx) => {
    transition(
      tx,
      ctx,
      row.id,
      ["submitted"],
      { status: "returned" },
      "Only a submitted questionnaire can be returned.",
    );
    // Re-read inside the transaction: what is sent is exactly what is stamped.
    const sent = pendingReturns(tx, ctx, row.id, round);
    for (const p of sent)
      tx.update(reviewComments).set({ sentAt: now, updatedAt: now }).where(eq(reviewComments.id, p.id)).run();
    enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: "questionnaire-returned",
        to: row.recipientEmail,
        toName: row.recipientName,
        ...email,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: "questionnaire.returned",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: {
        supplierId: row.supplierId,
        round,
        questions: sent.map((p) => ({ questionId: p.questionId, comment: p.comment })),
      },
    });
    return { questions: sent.map((p) => p.questionId) };
  });
}

/**
 * Accept the submission: it becomes the supplier's current self-assessment and risk is recomputed from it.
 * Refused while questions are marked "return" but not yet sent, so a pending comment is never lost silently.
 */
export function acceptAssignment(ctx: Ctx, assignmentId: string): void {
  writeTx((tx) => {
    const round = currentRound(tx, ctx.organizationId, assignmentId);
    const pending = pendingReturns(tx, ctx, assignmentId, round);
    if (pending.length > 0) {
      loadAssignment(tx, ctx.organizationId, assignmentId); // 404 for another tenant's id first
      throw new ConflictError(
        `Questions marked to return (${pending.map((p) => p.questionId).join(", ")}): return them to the supplier, or accept those questions first.`,
      );
    }
    transition(
      tx,
      ctx,
      assignmentId,
      ["submitted"],
      { status: "accepted" },
      "Only a submitted questionnaire can be accepted.",
    );
    const { row } = loadAssignment(tx, ctx.organizationId, assignmentId);
    recordAudit(tx, ctx, {
      action: "questionnaire.accepted",
      entityType: "questionnaire_assignment",
      entityId: assignmentId,
      details: { supplierId: row.supplierId, round },
    });
    recomputeSupplierRisk(tx, ctx, row.supplierId, "questionnaire accepted");
  });
}
