import { and, asc, desc, eq, isNotNull, max } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { answerRevisions, reviewComments } from "~db/schema";
import type { AnswerValue } from "./model";

/**
 * Review rounds. Round 1 is the first submission; each "return to supplier" opens the next round. A round
 * number is derived from the review comments that were sent back, so there is no counter to keep in step.
 */
export function currentRound(tx: DbOrTx, organizationId: string, assignmentId: string): number {
  const row = tx
    .select({ last: max(reviewComments.round) })
    .from(reviewComments)
    .where(
      and(
        eq(reviewComments.organizationId, organizationId),
        eq(reviewComments.assignmentId, assignmentId),
        eq(reviewComments.decision, "returned"),
        isNotNull(reviewComments.sentAt),
      ),
    )
    .get();
  return (row?.last ?? 0) + 1;
}

export type ReturnedQuestion = { questionId: string; comment: string; round: number; by: string; at: string };

/** The questions sent back in the round before `round` (what the supplier may change in `round`). */
export function returnedQuestions(
  tx: DbOrTx,
  organizationId: string,
  assignmentId: string,
  round: number,
): ReturnedQuestion[] {
  if (round <= 1) return [];
  return tx
    .select()
    .from(reviewComments)
    .where(
      and(
        eq(reviewComments.organizationId, organizationId),
        eq(reviewComments.assignmentId, assignmentId),
        eq(reviewComments.round, round - 1),
        eq(reviewComments.decision, "returned"),
        isNotNull(reviewComments.sentAt),
      ),
    )
    .all()
    .map((r) => ({
      questionId: r.questionId,
      comment: r.comment ?? "",
      round: r.round,
      by: r.reviewerLabel,
      at: r.sentAt!.toISOString(),
    }));
}

/** Consecutive saves by the same person within this window, in one round, refresh one history row. */
const COALESCE_MS = 10 * 60_000;

/**
 * Record an answer change in the history. Autosave posts on every pause in typing; keeping each of those
 * would bury the real history (what was submitted in each round) under keystrokes, so a burst of edits by
 * the same person in the same round is one row holding its latest value.
 */
export function recordRevision(
  tx: DbOrTx,
  ctx: Ctx,
  input: { assignmentId: string; questionId: string; round: number; value: AnswerValue },
  now: Date,
): { created: boolean } {
  const actorType =
    ctx.actor.type === "supplier" ? "supplier" : ctx.actor.type === "user" ? "user" : "system";
  const actorLabel = ctx.actor.label;
  const last = tx
    .select()
    .from(answerRevisions)
    .where(
      and(
        eq(answerRevisions.organizationId, ctx.organizationId),
        eq(answerRevisions.assignmentId, input.assignmentId),
        eq(answerRevisions.questionId, input.questionId),
      ),
    )
    .orderBy(desc(answerRevisions.createdAt))
    .limit(1)
    .get();
  if (
    last &&
    last.round === input.round &&
    last.actorType === actorType &&
    last.actorLabel === actorLabel &&
    now.getTime() - last.updatedAt.getTime() < COALESCE_MS
  ) {
    tx.update(answerRevisions)
      .set({ value: input.value, updatedAt: now })
      .where(eq(answerRevisions.id, last.id))
      .run();
    return { created: false };
  }
  tx.insert(answerRevisions)
    .values({
      organizationId: ctx.organizationId,
      assignmentId: input.assignmentId,
      questionId: input.questionId,
      round: input.round,
      value: input.value,
      actorType,
      actorLabel,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { created: true };
}

export type Revision = { round: number; value: AnswerValue; by: string; at: string };

/** Every revision of every question of an assignment, oldest first, grouped by question id. */
export function revisionsByQuestion(
  tx: DbOrTx,
  organizationId: string,
  assignmentId: string,
): Record<string, Revision[]> {
  const rows = tx
    .select()
    .from(answerRevisions)
    .where(
      and(eq(answerRevisions.organizationId, organizationId), eq(answerRevisions.assignmentId, assignmentId)),
    )
    .orderBy(asc(answerRevisions.createdAt))
    .all();
  const out: Record<string, Revision[]> = {};
  for (const r of rows) {
    (out[r.questionId] ??= []).push({
      round: r.round,
      value: r.value as AnswerValue,
      by: r.actorLabel,
      at: r.updatedAt.toISOString(),
    });
  }
  return out;
}

/**
 * The value each question had at the end of rounds before `round` (i.e. as last submitted), from the
 * history. Used while a questionnaire is back with the supplier: their edits in progress must not count.
 */
export function submittedValues(
  tx: DbOrTx,
  organizationId: string,
  assignmentId: string,
  round: number,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [questionId, revs] of Object.entries(revisionsByQuestion(tx, organizationId, assignmentId))) {
    const before = revs.filter((r) => r.round < round);
    if (before.length) out[questionId] = before[before.length - 1].value;
  }
  return out;
}
