/**
 * Financial-year arithmetic for statements. Dates are ISO calendar dates (YYYY-MM-DD) handled in UTC, so
 * no time zone can shift a year end by a day.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function parse(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  const d = parse(value);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Add calendar months, clamping to the last day of the target month (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(value: string, months: number): string {
  const d = parse(value);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return iso(target);
}

/**
 * A UK company's financial year can be shortened or extended to at most 18 months (Companies Act 2006
 * s.392), and s.54 asks for one statement per financial year. So the period must end after it starts and
 * be shorter than 18 months.
 */
export const MAX_PERIOD_MONTHS = 18;

export function periodErrors(periodStart: string, periodEnd: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(periodStart)) errors.periodStart = "Enter the first day of the financial year (YYYY-MM-DD).";
  if (!isIsoDate(periodEnd)) errors.periodEnd = "Enter the last day of the financial year (YYYY-MM-DD).";
  if (Object.keys(errors).length > 0) return errors;
  if (periodEnd <= periodStart) errors.periodEnd = "The financial year must end after it starts.";
  else if (periodEnd >= addMonths(periodStart, MAX_PERIOD_MONTHS))
    errors.periodEnd = "A financial year can be at most 18 months long.";
  return errors;
}

/** "FY2025-26" for a year spanning two calendar years, "FY2025" for a calendar year. */
export function financialYearLabel(periodStart: string, periodEnd: string): string {
  const startYear = periodStart.slice(0, 4);
  const endYear = periodEnd.slice(0, 4);
  return startYear === endYear ? `FY${endYear}` : `FY${startYear}-${endYear.slice(2)}`;
}

/** The Home Office's statutory guidance expects publication within six months of the financial year end. */
export function publicationDeadline(periodEnd: string): string {
  return addDays(addMonths(addDays(periodEnd, 1), 6), -1);
}

/** "31 March 2026". */
export function formatLongDate(value: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(parse(value));
}

export type Period = { periodStart: string; periodEnd: string };

/**
 * The period a new statement most likely covers: the year after the organisation's latest statement when
 * that year has ended; otherwise the more recently completed of the last April–March year (the common UK
 * financial year) and the last calendar year.
 */
export function defaultPeriod(today: string, latestPeriodEnd?: string | null): Period {
  if (latestPeriodEnd) {
    const periodStart = addDays(latestPeriodEnd, 1);
    const periodEnd = addDays(addMonths(periodStart, 12), -1);
    if (periodEnd < today) return { periodStart, periodEnd };
  }
  const year = Number(today.slice(0, 4));
  const aprilYearEnd = today > `${year}-03-31` ? year : year - 1;
  const april = { periodStart: `${aprilYearEnd - 1}-04-01`, periodEnd: `${aprilYearEnd}-03-31` };
  const calendar = { periodStart: `${year - 1}-01-01`, periodEnd: `${year - 1}-12-31` };
  return april.periodEnd > calendar.periodEnd ? april : calendar;
}

export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
