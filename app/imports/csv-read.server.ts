import fs from "node:fs";
import { CsvError, parse, type Options } from "csv-parse";

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
    // A quote inside an unquoted value (12" pipe) is kept as a character, as spreadsheets read it,
    // instead of failing the whole file with INVALID_OPENING_QUOTE.
    relax_quotes: true,
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

/**
 * Pulls whatever records the parser has ready, as one array per wake-up: one await per chunk of the file
 * instead of one per row (a 100,000-row file otherwise spends a noticeable share of its time in promises).
 */
async function* parsedChunks<T>(parser: ReturnType<typeof parse>): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (err) => {
    failure = err;
    signal();
  });
  for (;;) {
    const out: T[] = [];
    let next: T | null;
    while ((next = parser.read() as T | null) !== null) out.push(next);
    if (out.length) yield out;
    if (failure) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      // Data or the end may have arrived while the consumer was busy with the last chunk.
      if (parser.readableLength > 0 || ended || failure) signal();
    });
  }
}

/** Streams the records of a CSV file in chunks: memory stays flat whatever the file size. */
export async function* readCsv(filePath: string, delimiter: string): AsyncGenerator<CsvRecord[]> {
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const parser = source.pipe(parse(csvOptions(delimiter)));
  source.on("error", (err) => parser.destroy(err));
  let previousEnd = 0;
  let rowNumber = 0;
  let headerSeen = false;
  try {
    for await (const chunk of parsedChunks<ParsedRecord>(parser)) {
      const out: CsvRecord[] = [];
      for (const { record, info } of chunk) {
        const line = previousEnd + 1;
        previousEnd = info.lines;
        if (isBlank(record)) continue;
        if (!headerSeen) {
          headerSeen = true;
          out.push({ rowNumber: 0, line, cells: record });
        } else out.push({ rowNumber: ++rowNumber, line, cells: record });
      }
      if (out.length) yield out;
    }
  } finally {
    parser.destroy();
    source.destroy();
  }
}

/**
 * The cells of one column for every data row, numbered like readCsv numbers them, without line tracking:
 * the import's scan pass only needs the external references.
 */
export async function* readCsvColumn(
  filePath: string,
  delimiter: string,
  column: number,
): AsyncGenerator<{ rowNumber: number; value: string }[]> {
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const parser = source.pipe(parse({ ...csvOptions(delimiter), info: false }));
  source.on("error", (err) => parser.destroy(err));
  let rowNumber = -1;
  try {
    for await (const chunk of parsedChunks<string[]>(parser)) {
      const out: { rowNumber: number; value: string }[] = [];
      for (const record of chunk) {
        if (isBlank(record)) continue;
        rowNumber++;
        if (rowNumber > 0) out.push({ rowNumber, value: record[column] ?? "" });
      }
      if (out.length) yield out;
    }
  } finally {
    parser.destroy();
    source.destroy();
  }
}

/**
 * The message a parser error gives the user: every csv-parse error (CsvError, whatever its code) is a
 * problem with the file, named with the line where it was found; null only for errors that are not the
 * parser's (a disk error), which the caller treats as a failure of its own.
 */
export function csvErrorMessage(err: unknown): string | null {
  if (!(err instanceof CsvError)) return null;
  const lines = (err as CsvError & { lines?: number }).lines;
  const at = lines ? ` near line ${lines}` : "";
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `The file has a quote that is never closed${at}. Check that every opening " has a closing ".`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `The file has a misplaced quote${at}: a quoted value must end with " before the separator.`;
    case "INVALID_OPENING_QUOTE":
      return `The file has a quote in the middle of a value${at}. Put the whole value in quotes and double the quote inside ("").`;
    case "CSV_MAX_RECORD_SIZE":
      return `One row is larger than 256 KB${at}: probably an unclosed quote.`;
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return `A row has a different number of columns${at}.`;
    default:
      return `The file could not be read as CSV${at} (${err.code}). Save it again as "CSV UTF-8" and retry.`;
  }
}
