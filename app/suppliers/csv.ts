/**
 * CSV writing for exports (RFC 4180: comma separator, CRLF line ends, quotes doubled, fields quoted when
 * they hold a comma, quote, CR or LF) with formula-injection neutralisation.
 *
 * Spreadsheet programs treat a cell starting with = + - @ (and tab / CR, which some of them strip first),
 * possibly after leading spaces, as a formula. Such text cells get a single quote in front, which the
 * spreadsheet shows as text and which our import strips again (see unneutraliseCell), so an export
 * re-imports unchanged. Numeric columns are written without neutralisation: "-12.5" is a number there,
 * and our numbers never come from user text that could carry a formula.
 */
const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

/** Formula-looking once any leading single quotes are set aside. */
const needsQuote = (s: string) => FORMULA_START.test(s.replace(/^'+/, ""));

/**
 * Neutralise a text cell against formula injection (does not quote: see csvField). A text that already
 * starts with quotes before a formula character gets one more, so unneutraliseCell restores it exactly.
 */
export function csvCell(value: string | null | undefined): string {
  const s = value ?? "";
  return needsQuote(s) ? `'${s}` : s;
}

/** The inverse, for imports: removes the one quote csvCell added. Other texts are left alone. */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && needsQuote(value.slice(1)) ? value.slice(1) : value;
}

/** Quote a field for CSV when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "" : String(value);
}

/** One CSV line (with CRLF) from cells already rendered as strings; text cells neutralised by the caller. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
