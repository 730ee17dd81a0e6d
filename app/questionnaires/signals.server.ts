import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import type { AnswerSignal } from "~/risk/signals";
import { assignments } from "~db/schema";
import { loadAssignment } from "./assignments.server";
import { formatAnswer, localizeTemplate, scoreAnswers, templateLanguage } from "./model";
import { currentRound, returnedQuestions, submittedValues } from "./portal-rounds.server";

/**
 * Assignments whose answers count for risk. A returned questionnaire still counts: returning it for
 * correction must not make admitted red flags (documents held, fees paid) disappear from the score
 * before the supplier resubmits.
 */
const COUNTED_STATUSES = ["submitted", "accepted", "returned"] as const;

/**
 * Risk signals from the supplier's latest submitted (or accepted) questionnaire, scored by the per-question
 * rules in that assignment's own snapshot (so later template edits never re-score old answers). Only what
 * was submitted counts: while a questionnaire is back with the supplier, the returned questions count as
 * last submitted, not as the edits in progress. Hidden (conditional) questions are ignored, and a control
 * earns full credit only when the evidence its question asks for is attached (see scoreAnswerDetailed).
 * Only answers that move risk (points ≠ 0) or are red flags are returned.
 */
export function answerRiskSignals(tx: DbOrTx, organizationId: string, supplierId: string): AnswerSignal[] {
  const latest = tx
    .select({ id: assignments.id })
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

  const { row, template: snapshot, values, evidenceCounts } = loadAssignment(tx, organizationId, latest.id);
  const template = templateLanguage(snapshot) === "en" ? snapshot : localizeTemplate(snapshot, "en");
  const counted = { ...values };
  if (row.status === "returned") {
    const round = currentRound(tx, organizationId, row.id);
    const before = submittedValues(tx, organizationId, row.id, round);
    for (const r of returnedQuestions(tx, organizationId, row.id, round))
      counted[r.questionId] = before[r.questionId] ?? values[r.questionId] ?? null;
  }
  const submitted = row.submittedAt!.toISOString().slice(0, 10);
  const accepted = row.status === "accepted" ? ", accepted" : "";

  const signals: AnswerSignal[] = [];
  for (const s of scoreAnswers(template, counted, evidenceCounts)) {
    if (s.points === 0 && !s.redFlag) continue;
    const control =
      s.control === "evidenced"
        ? ", evidenced control"
        : s.control === "self-declared"
          ? ", self-declared control (no evidence attached)"
          : "";
    signals.push({
      questionId: s.question.id,
      question: s.question.text,
      answer: formatAnswer(s.question, s.value, "en"),
      points: s.points,
      redFlag: s.redFlag,
      iloIndicators: s.question.iloIndicators,
      source: `${template.title} v${template.version} (submitted ${submitted}${accepted}), question ${s.question.id}${control}`,
    });
  }
  return signals;
}
