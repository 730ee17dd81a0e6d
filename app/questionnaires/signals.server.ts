import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import type { AnswersInput } from "~/risk/model";
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
  return latestCountedAnswers(tx, organizationId, supplierId)?.signals ?? [];
}

/**
 * The same answers as the risk model's input: the questionnaire's status (accepted or not yet reviewed),
 * its dates, and each signal with its control status, so the model can apply its one rule for unreviewed
 * answers (they may raise risk at once; nothing lowers it until accepted, and then only with evidence).
 */
export function answerRiskInputs(
  tx: DbOrTx,
  organizationId: string,
  supplierId: string,
): AnswersInput | null {
  const latest = latestCountedAnswers(tx, organizationId, supplierId);
  if (!latest) return null;
  return {
    title: latest.title,
    version: latest.version,
    status: latest.status,
    submittedOn: latest.submittedOn,
    acceptedOn: latest.acceptedOn,
    signals: latest.signals.map((x) => ({
      questionId: x.questionId,
      question: x.question,
      answer: x.answer,
      points: x.points,
      redFlag: x.redFlag,
      iloIndicators: x.iloIndicators,
      control: x.control,
    })),
  };
}

type CountedAnswers = {
  title: string;
  version: number | string;
  status: AnswersInput["status"];
  submittedOn: string;
  /** When accepted: the assignment's last update, which the acceptance made. */
  acceptedOn: string | null;
  signals: (AnswerSignal & { control: "evidenced" | "self-declared" | null })[];
};

function latestCountedAnswers(tx: DbOrTx, organizationId: string, supplierId: string): CountedAnswers | null {
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
  if (!latest) return null;

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

  const signals: CountedAnswers["signals"] = [];
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
      control: s.control,
    });
  }
  return {
    title: template.title,
    version: template.version,
    status: row.status as AnswersInput["status"],
    submittedOn: submitted,
    acceptedOn: row.status === "accepted" ? row.updatedAt.toISOString().slice(0, 10) : null,
    signals,
  };
}
