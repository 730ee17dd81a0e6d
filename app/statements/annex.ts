import { formatIndicator, recordCount, type StatementFacts } from "./facts";

/**
 * The annex an auditor traces numbers with: one CSV row per record behind each figure (figure, printed
 * value, record type, Clearsource id, the date that placed it in the period). Every cell is app-made
 * (keys, ids, ISO dates, fixed labels), but cells are still quoted and neutralised like every export.
 */
function cell(value: string): string {
  const safe = /^\s*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function annexCsv(f: StatementFacts): string {
  const lines = [["figure", "label", "printed value", "record type", "record id", "record date"].join(",")];
  for (const i of f.indicators) {
    const printed = formatIndicator(i);
    if (recordCount(i) === 0) lines.push([i.key, i.label, printed, "", "", ""].map(cell).join(","));
    const head = [i.key, i.label, printed].map(cell).join(",");
    for (const g of i.records)
      for (let k = 0; k < g.ids.length; k++) lines.push(`${head},${g.type},${cell(g.ids[k])},${g.dates[k]}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}
