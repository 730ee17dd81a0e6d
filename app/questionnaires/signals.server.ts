import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { answers, assignments } from "../../db/schema";
import type { DbOrTx } from "~/infra/db.server";
import type { AnswerSignal } from "~/risk/signals";
import { formatAnswer, parseTemplate, scoreAnswer, type AnswerValue } from "./model";

/**
 * Assignments whose answers count for risk. A returned questionnaire still counts: returning it for
 * correction must not make admitted red flags (documents held, fees paid) disappear from the score
 * before the supplier resubmits.
 */
const COUNTED_STATUSES = ["submitted", "accepted", "returned"] as const;

/**
 * Risk signals from the supplier's latest submitted (or accepted) questionnaire, scored by the per-question
 * rules in that assignment's own snapshot (so later template edits never re-score old answers).
 * Only answers that move risk (points ≠ 0) or are red flags are returned.
 */
export function answerRiskSignals(tx: DbOrTx, organizationId: string, supplierId: string): AnswerSignal[] {
  const latest = tx
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.organizationId, organizationId),
        eq(assignments.supplierId, supplierId),
        inArray(assignments.status, [...COUNTED_STATUSES]),
        isNotNull(assignments.submittedAt),
      ),
    )
    .orderBy(desc(assignments.submittedAt))
    .limit(1)
    .get();
  if (!latest) return [];

  const template = parseTemplate(latest.questionsSnapshot);
  const rows = tx
    .select({ questionId: answers.questionId, value: answers.value })
    .from(answers)
    .where(and(eq(answers.organizationId, organizationId), eq(answers.assignmentId, latest.id)))
    .all();
  const byQuestion = new Map(rows.map((r) => [r.questionId, r.value as AnswerValue]));
  const submitted = latest.submittedAt!.toISOString().slice(0, 10);

  const signals: AnswerSignal[] = [];
  for (const question of template.questions) {
    const value = byQuestion.get(question.id) ?? null;
    const { points, redFlag } = scoreAnswer(question, value);
    if (points === 0 && !redFlag) continue;
    const selfDeclared = question.rule.control && points < 0 ? ", self-declared control" : "";
    signals.push({
      questionId: question.id,
      question: question.text,
      answer: formatAnswer(question, value),
      points,
      redFlag,
      iloIndicators: question.iloIndicators,
      source: `${template.title} v${template.version} (submitted ${submitted}), question ${question.id}${selfDeclared}`,
    });
  }
  return signals;
}
