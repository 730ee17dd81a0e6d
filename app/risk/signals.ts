/** What a questionnaire answer contributes to a supplier's risk (produced by app/questionnaires). */
export type AnswerSignal = {
  questionId: string;
  /** The question as asked (English), for the explanation. */
  question: string;
  /** The answer as given, human-readable (e.g. "Yes", "12 %"). */
  answer: string;
  /** Risk points this answer adds (negative lowers risk, e.g. an evidenced control). */
  points: number;
  /** Red flags set a floor the score cannot fall below and raise a remediation task. */
  redFlag: boolean;
  /** ILO forced-labour indicator numbers 1–11 this answer informs. */
  iloIndicators: number[];
  /** e.g. "Self-assessment v1 (submitted 2026-11-27), question Q7". */
  source: string;
};
