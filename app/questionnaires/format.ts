/**
 * People-facing date, e.g. "12 March 2026". Formatted in UTC so that server and browser render the same
 * text (no hydration mismatch) and a YYYY-MM-DD due date never shifts by a day with the time zone.
 */
export function humanDay(d: Date | string): string {
  const date =
    typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
