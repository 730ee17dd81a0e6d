import type { DbOrTx } from "~/infra/db.server";
import type { AnswerSignal } from "~/risk/signals";

/**
 * Risk signals from the supplier's latest submitted (or accepted) questionnaire.
 * Owned by the questionnaires capability; the initial version returns none until answers are scored.
 */
export function answerRiskSignals(_tx: DbOrTx, _organizationId: string, _supplierId: string): AnswerSignal[] {
  return [];
}
