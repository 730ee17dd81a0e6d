import fs from "node:fs";
import { parse, type Options } from "csv-parse";

/**
 * One parser configuration for every pass over an uploaded file (upload check, preview, scan, import,
 * error report) and for the benchmark baseline: BOM stripped, fields trimmed, Excel quoting with embedded
 * separators and newlines, short rows allowed (missing trailing cells are blank).
 */
export function csvOptions(delimiter: string): Options {
  return {
    bom: true,
    delimiter,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    // One record bigger than this is a broken quote swallowing the rest of the file, not a supplier.
    max_record_size: 256 * 1024,
  };
}

export type CsvRecord = {
  /** 0 for the header, then 1, 2, … for data rows (blank lines are not counted). */
  rowNumber: number;
  /** Line in the file where the record starts (1-based; a quoted newline makes a record span lines). */
  line: number;
  cells: string[];
};

type ParsedRecord = { record: string[]; info: { lines: number } };

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c === "");
}

/** Streams the records of a CSV file: memory stays flat whatever the file size. */
export async function* readCsv(filePath: string, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = fs
    .createReadStream(filePath, { highWaterMark: 256 * 1024 })
    .pipe(parse(csvOptions(delimiter)));
  let previousEnd = 0;
  let rowNumber = 0;
  let headerSeen = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (isBlank(record)) continue;
      if (!headerSeen) {
        headerSeen = true;
        yield { rowNumber: 0, line, cells: record };
      } else {
        rowNumber++;
        yield { rowNumber, line, cells: record };
      }
    }
  } finally {
    parser.destroy();
  }
}

/** The message a parser error gives the user (csv-parse codes name the problem; the line helps fix it). */
export function csvErrorMessage(err: unknown): string | null {
  if (!err || typeof err !== "object" || !("code" in err)) return null;
  const e = err as { code: string; lines?: number; message: string };
  const at = e.lines ? ` near line ${e.lines}` : "";
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `The file has a quote that is never closed${at}. Check that every opening " has a closing ".`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `The file has a misplaced quote${at}: a quoted value must end with " before the separator.`;
    case "CSV_MAX_RECORD_SIZE":
      return `One row is larger than 256 KB${at}: probably an unclosed quote.`;
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return `A row has a different number of columns${at}.`;
    default:
      return e.code.startsWith("CSV_") ? `The file could not be read as CSV${at}: ${e.message}` : null;
  }
}
