import { and, eq } from "drizzle-orm";
import { auditChainHead, recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { writeTx } from "~/infra/db.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { emitEvent } from "~/webhooks/events.server";
import { statementComments, statements } from "~db/schema";
import { checkStatement } from "./checker";
import { normaliseDetails } from "./details";
import { renderAndStore } from "./documents.server";
import { gatherStatementFacts } from "./facts.server";
import { findMember, memberOn } from "./governance.server";
import { formatLongDate, todayIso } from "./period";
import { ensurePublicSlug } from "./public-address.server";
import { normaliseNarrative, templateById } from "./regimes";
import { assertCan, findStatement, isFrozenRow } from "./store.server";

/**
 * The approval workflow: draft → in review (comments) → approved by the named governing body on a date →
 * signed → published. Each step is one transaction with its audit row; each refuses with the reason.
 */

const where = (ctx: Ctx, id: string) =>
  and(eq(statements.id, id), eq(statements.organizationId, ctx.organizationId));

export function submitForReview(ctx: Ctx, id: string): void {
  assertCan(ctx, "statements:write");
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (row.status !== "draft")
      throw new ConflictError(
        row.status === "in_review"
          ? "This statement is already in review."
          : "This version is approved: it cannot go back to review.",
      );
    tx.update(statements)
      .set({ status: "in_review", updatedAt: nowOf(ctx) })
      .where(where(ctx, id))
      .run();
    recordAudit(tx, ctx, { action: "statement.submitted_for_review", entityType: "statement", entityId: id });
  });
}

export function addComment(ctx: Ctx, id: string, input: { body: string; criterionKey: string | null }): void {
  assertCan(ctx, "statements:read");
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (isFrozenRow(row)) throw new ConflictError("This version is approved: comment on a revision instead.");
    const template = templateById(row.templateId);
    const criterionKey =
      input.criterionKey && template.criteria.some((c) => c.key === input.criterionKey)
        ? input.criterionKey
        : null;
    const comment = tx
      .insert(statementComments)
      .values({
        organizationId: ctx.organizationId,
        statementId: id,
        criterionKey,
        body: input.body,
        authorUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        authorLabel: ctx.actor.label,
        createdAt: nowOf(ctx),
      })
      .returning({ id: statementComments.id })
      .get();
    recordAudit(tx, ctx, {
      action: "statement.commented",
      entityType: "statement",
      entityId: id,
      details: { commentId: comment.id, criterionKey },
    });
  });
}

export type ApproveInput = { governingBody: string; approvalDate: string; signatoryMemberId: string };

/**
 * Record the governing body's approval. Refused, with the reason: twice; before the period has ended; an
 * approval date outside (period end, today]; a signatory who was not a member of that body on that date;
 * a missing mandatory criterion. Freezes the facts, keeps the checker's result and the audit-log chain
 * head (the hash of this approval's own audit row), all in the one transaction.
 */
export function approveStatement(ctx: Ctx, id: string, input: ApproveInput): void {
  assertCan(ctx, "statements:approve");
  const now = nowOf(ctx);
  const today = todayIso(now);
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (isFrozenRow(row))
      throw new ConflictError(
        `This version was already approved on ${formatLongDate(row.boardApprovalDate ?? today)}: it cannot be approved twice.`,
      );
    if (row.status !== "in_review")
      throw new ConflictError("Submit the statement for review before approval.");
    const errors: Record<string, string> = {};
    if (today <= row.periodEnd)
      errors.approvalDate = `The period ends on ${formatLongDate(row.periodEnd)}: a statement of the steps taken in it can only be approved after it has ended.`;
    else if (input.approvalDate <= row.periodEnd)
      errors.approvalDate = `The approval date must be after the period end (${formatLongDate(row.periodEnd)}).`;
    else if (input.approvalDate > today)
      errors.approvalDate = "The approval date is in the future: record the approval after the body has met.";
    const member = findMember(tx, ctx, input.signatoryMemberId);
    if (!member) errors.signatoryMemberId = "Choose a member of the governing body as recorded.";
    else if (member.body !== input.governingBody)
      errors.signatoryMemberId = `${member.name} is not recorded as a member of the ${input.governingBody}.`;
    else if (!memberOn(member, input.approvalDate))
      errors.signatoryMemberId = `${member.name} was not a member of the ${member.body} on ${formatLongDate(input.approvalDate)}.`;

    const template = templateById(row.templateId);
    const facts = gatherStatementFacts(
      tx,
      ctx.organizationId,
      { start: row.periodStart, end: row.periodEnd },
      now,
    );
    const check = checkStatement({
      template,
      narrative: normaliseNarrative(template, row.narrative),
      facts,
      details: normaliseDetails(row.details),
    });
    for (const item of check.blocking) errors[`n.${item.key}`] = `${item.heading}: ${item.reason}`;
    if (Object.keys(errors).length > 0) {
      const missing = check.blocking.map((i) => i.heading);
      throw new ValidationError(
        errors,
        missing.length > 0
          ? `Not approved: mandatory items are missing — ${missing.join("; ")}.`
          : "Not approved: correct the highlighted fields.",
      );
    }
    emitEvent(
      tx,
      ctx.organizationId,
      "statement.approved",
      {
        statementId: id,
        regime: template.id,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        approvalDate: input.approvalDate,
        governingBody: input.governingBody,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: "statement.approved",
      entityType: "statement",
      entityId: id,
      details: {
        governingBody: input.governingBody,
        approvalDate: input.approvalDate,
        signatory: member!.name,
        templateId: template.id,
        check: check.items.map((i) => ({ key: i.key, status: i.status })),
      },
    });
    const head = auditChainHead(tx, ctx.organizationId);
    tx.update(statements)
      .set({
        status: "approved",
        governingBody: input.governingBody,
        boardApprovalDate: input.approvalDate,
        signatoryMemberId: member!.id,
        directorName: member!.name,
        directorTitle: member!.title,
        approvedFacts: facts,
        checkResult: check,
        auditChainHead: head.hash,
        approvedAt: now,
        updatedAt: now,
      })
      .where(where(ctx, id))
      .run();
  });
}

/** The signatory signs: the date goes on the same page as the approval paragraph. */
export function signStatement(ctx: Ctx, id: string, input: { signedOn: string }): void {
  assertCan(ctx, "statements:approve");
  const today = todayIso(nowOf(ctx));
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (row.status === "signed" || row.status === "published")
      throw new ConflictError(`This version was already signed on ${formatLongDate(row.signedOn ?? today)}.`);
    if (row.status !== "approved")
      throw new ConflictError("The governing body approves the statement before it is signed.");
    if (input.signedOn < (row.boardApprovalDate ?? ""))
      throw new ValidationError({ signedOn: "The statement is signed on or after the day it was approved." });
    if (input.signedOn > today)
      throw new ValidationError({ signedOn: "The signing date cannot be in the future." });
    tx.update(statements)
      .set({ status: "signed", signedOn: input.signedOn, updatedAt: nowOf(ctx) })
      .where(where(ctx, id))
      .run();
    recordAudit(tx, ctx, {
      action: "statement.signed",
      entityType: "statement",
      entityId: id,
      details: { signedOn: input.signedOn, signatory: row.directorName },
    });
  });
}

/**
 * Publish a signed version: render the final PDF from the frozen facts, store it, then mark the version
 * published with that document in one write. Its public page and PDF become reachable without login.
 */
export async function publishStatement(ctx: Ctx, id: string): Promise<{ documentId: string }> {
  assertCan(ctx, "statements:approve");
  return renderAndStore(ctx, id, {
    requireStatus: "signed",
    afterInsert: (tx, documentId) => {
      const now = nowOf(ctx);
      tx.update(statements)
        .set({ status: "published", publishedAt: now, publishedDocumentId: documentId, updatedAt: now })
        .where(where(ctx, id))
        .run();
      // The first publication gives the organisation its public address (/transparency/<slug>/<year>).
      ensurePublicSlug(tx, ctx);
      recordAudit(tx, ctx, {
        action: "statement.published",
        entityType: "statement",
        entityId: id,
        details: { documentId },
      });
    },
  });
}
