/**
 * When reminders go out. Pure functions of the due date (YYYY-MM-DD, a calendar day in UTC) and the send
 * time, so the schedule is computed the same way at send time, in tests and after a restart.
 */

const DAY_MS = 86_400_000;

export const DEFAULT_REMINDER_DAYS = [7, 3, 1];
export const DEFAULT_OVERDUE_EVERY_DAYS = 7;
/** Weekly reminders while overdue stop after this many: past that, chasing is a person's job. */
export const MAX_OVERDUE_REMINDERS = 8;
/** Reminders before the due date go out at 09:00 UTC, a working hour in most supplier countries' day. */
export const REMINDER_HOUR_UTC = 9;

export function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/** Past due = the due day is over (in UTC). */
export function overdueAt(dueDate: string): Date {
  return new Date(dayStart(dueDate).getTime() + DAY_MS);
}

export function isOverdue(dueDate: string | null, now: Date): boolean {
  return dueDate !== null && now.getTime() >= overdueAt(dueDate).getTime();
}

/** The reminders still ahead at `sentAt`: one per offset, latest offset first, none in the past. */
export function reminderTimes(
  dueDate: string,
  daysBefore: readonly number[],
  sentAt: Date,
): { daysBefore: number; runAt: Date }[] {
  const base = dayStart(dueDate).getTime() + REMINDER_HOUR_UTC * 3_600_000;
  return [...new Set(daysBefore)]
    .filter((d) => Number.isInteger(d) && d > 0)
    .sort((a, b) => b - a)
    .map((d) => ({ daysBefore: d, runAt: new Date(base - d * DAY_MS) }))
    .filter((r) => r.runAt.getTime() > sentAt.getTime());
}

/** The n-th weekly (every `everyDays`) reminder after the overdue transition, n ≥ 1. */
export function overdueReminderAt(dueDate: string, n: number, everyDays: number): Date {
  return new Date(overdueAt(dueDate).getTime() + n * everyDays * DAY_MS);
}

/**
 * Parse "7, 3, 1" as typed in the campaign form. Returns the days (descending, unique) or an error message.
 */
export function parseReminderDays(
  input: string,
): { ok: true; days: number[] } | { ok: false; error: string } {
  const parts = input
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 6) return { ok: false, error: "Use at most 6 reminders." };
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { ok: false, error: `"${p}" is not a whole number of days.` };
    const n = Number(p);
    if (n < 1 || n > 90) return { ok: false, error: "Reminder days must be between 1 and 90." };
    days.push(n);
  }
  return { ok: true, days: [...new Set(days)].sort((a, b) => b - a) };
}
