import type { GrievanceState } from "~db/schema/grievances.constants";

/**
 * The legal clocks of a case, as dates (YYYY-MM-DD, UTC), judged on every read like evidence expiry
 * (D25): nothing has to run at midnight for a flag to be right. EU Whistleblower Directive art. 9(1):
 * acknowledge receipt within 7 days; give feedback within 3 months of the acknowledgement or, when none
 * was sent, of the end of those 7 days.
 */
export const ACKNOWLEDGE_DAYS = 7;
export const FEEDBACK_MONTHS = 3;
/** Reminders to the handlers: 2 days before the acknowledgement deadline, 14 before the feedback one. */
export const ACKNOWLEDGE_REMINDER_DAYS_BEFORE = 2;
export const FEEDBACK_REMINDER_DAYS_BEFORE = 14;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** Calendar months; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsIso(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return isoDay(target);
}

export function acknowledgeDueOn(receivedOn: string): string {
  return addDaysIso(receivedOn, ACKNOWLEDGE_DAYS);
}

export function feedbackDueOn(receivedOn: string, acknowledgedOn: string | null): string {
  return addMonthsIso(acknowledgedOn ?? acknowledgeDueOn(receivedOn), FEEDBACK_MONTHS);
}

export type CaseClockInput = {
  receivedOn: string;
  acknowledgedOn: string | null;
  feedbackOn: string | null;
  state: GrievanceState;
};

export type CaseClocks = {
  acknowledgeDue: string;
  feedbackDue: string;
  /** Not acknowledged and the 7 days are over. */
  acknowledgeOverdue: boolean;
  /** No feedback yet, the case is still open, and the 3 months are over. */
  feedbackOverdue: boolean;
};

/** A deadline is missed from the day after it: the due day itself is still on time. */
export function caseClocks(c: CaseClockInput, today: string): CaseClocks {
  const acknowledgeDue = acknowledgeDueOn(c.receivedOn);
  const feedbackDue = feedbackDueOn(c.receivedOn, c.acknowledgedOn);
  return {
    acknowledgeDue,
    feedbackDue,
    acknowledgeOverdue: !c.acknowledgedOn && today > acknowledgeDue,
    feedbackOverdue: !c.feedbackOn && c.state !== "closed" && today > feedbackDue,
  };
}

/** Whole days between two ISO days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
