import { isSupportedLanguage } from "./languages";

/** Intl locale per supported language: British English dates ("12 March 2026") for "en". */
const LOCALES: Record<string, string> = { en: "en-GB" };

/** A YYYY-MM-DD day is that day in UTC; anything else is parsed as a timestamp. */
function toDate(d: Date | string): Date {
  return typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
}

export type DateStyle = "long" | "medium" | "short-month" | "date-time";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  medium: { dateStyle: "medium" },
  "short-month": { day: "numeric", month: "short", year: "numeric" },
  "date-time": { dateStyle: "medium", timeStyle: "short" },
};

/**
 * The one date formatter for people-facing dates. Always in UTC, so the server and the browser render the
 * same text (no hydration mismatch, D10) and a due date never shifts by a day with the viewer's time zone.
 */
export function formatDate(d: Date | string, lang = "en", style: DateStyle = "long"): string {
  const date = toDate(d);
  const locale = LOCALES[lang] ?? (isSupportedLanguage(lang) ? lang : "en-GB");
  try {
    return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: "UTC" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
