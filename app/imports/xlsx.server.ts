import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import { csvField } from "~/suppliers/csv";

/**
 * XLSX at the import's input edge: a workbook is received (size-limited, hashed like a CSV), one sheet
 * is read with read-excel-file and written out as a UTF-8 CSV file, and from there the import is the CSV
 * import — sniffing, mapping, preview, errors, batches and the error report read that file. Cells are
 * written as the CSV path reads them: text as is, numbers in plain decimal, dates as YYYY-MM-DD (with the
 * time when it is not midnight), TRUE/FALSE for booleans. Formulas give the value the spreadsheet
 * program saved with the file (they are never evaluated); a merged range keeps its value in its first
 * cell, as Excel's own "Save as CSV" does; empty rows are blank lines, which the CSV path skips. Macros
 * (.xlsm) are never run: only cell values are read.
 */

export class WorkbookRefused extends Error {
  name = "WorkbookRefused";
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const isZip = (head: Uint8Array) => ZIP_MAGIC.every((b, i) => head[i] === b);

const WORKBOOK_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
];
export const NOT_A_WORKBOOK =
  "This is a ZIP archive, not an Excel workbook (.xlsx). Upload a CSV file or an .xlsx workbook.";

export type WorkbookUpload = { rawPath: string; sizeBytes: number; sha256: string };

/** Write the workbook's bytes to a temporary file, refusing it past the size limit. */
export async function receiveWorkbookBytes(
  chunks: AsyncIterable<Uint8Array>,
  tmpDir: string,
  maxBytes: number,
  tooLarge: string,
): Promise<WorkbookUpload> {
  const rawPath = path.join(tmpDir, `${crypto.randomUUID()}.xlsx.part`);
  const out = fs.createWriteStream(rawPath);
  const hash = crypto.createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new WorkbookRefused(tooLarge);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return { rawPath, sizeBytes: size, sha256: hash.digest("hex") };
  } catch (err) {
    out.destroy();
    fs.rmSync(rawPath, { force: true });
    throw err;
  }
}

/** The workbook's parts that say what it is and which sheets it has (read without inflating the rest). */
function workbookParts(rawPath: string): { contentTypes: string; sheets: string[] } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(fs.readFileSync(rawPath), {
      filter: (f) => f.name === "[Content_Types].xml" || f.name === "xl/workbook.xml",
    });
  } catch {
    throw new WorkbookRefused(
      "The file looks like an Excel workbook (.xlsx) but cannot be opened: it may be damaged. Save it again, or save it as “CSV UTF-8 (comma delimited)”, then upload that file.",
    );
  }
  const contentTypes = files["[Content_Types].xml"] ? strFromU8(files["[Content_Types].xml"]) : "";
  const workbook = files["xl/workbook.xml"] ? strFromU8(files["xl/workbook.xml"]) : "";
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]),
  );
  return { contentTypes, sheets };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** A cell as read-excel-file returns it (its own CellValue type says `typeof Date`, the constructor). */
export type Cell = string | number | boolean | Date | null | undefined;

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the CSV path reads it. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    const dayPart = v.toISOString().slice(0, 10);
    const time = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return time === 0 ? dayPart : `${dayPart} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    // 15 significant digits (what the spreadsheet stores), in plain decimal, never exponent notation.
    const rounded = Number(v.toPrecision(15));
    const s = String(rounded);
    return /e/i.test(s)
      ? rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 })
      : s;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export type ConvertedWorkbook = {
  csvPath: string;
  /** Data rows after the header (blank rows included, as a CSV's byte count would). */
  rows: number;
  sheet: string;
  sheets: string[];
};

/**
 * Read one sheet (the first, or the one named or numbered by `sheet`) and write it as a CSV file at
 * csvPath. Refuses a ZIP that is not a workbook, an unknown sheet (naming the sheets there are), and a
 * sheet with more data rows than maxRows.
 */
export async function workbookToCsv(
  rawPath: string,
  csvPath: string,
  opts: { sheet?: string | null; maxRows: number; tooManyRows: string },
): Promise<ConvertedWorkbook> {
  const { contentTypes, sheets } = workbookParts(rawPath);
  if (!WORKBOOK_TYPES.some((t) => contentTypes.includes(t))) throw new WorkbookRefused(NOT_A_WORKBOOK);
  const wanted = opts.sheet?.trim() || null;
  let chosen: string | number = 1;
  if (wanted) {
    const byName = sheets.find((s) => s.toLowerCase() === wanted.toLowerCase());
    const byNumber = /^\d+$/.test(wanted) ? Number(wanted) : null;
    if (byName) chosen = byName;
    else if (byNumber && byNumber >= 1 && byNumber <= sheets.length) chosen = byNumber;
    else
      throw new WorkbookRefused(
        `The workbook has no sheet “${wanted}”. Its sheets: ${sheets.map((s) => `“${s}”`).join(", ")}.`,
      );
  }
  let data: Cell[][];
  try {
    data = (await readSheet(rawPath, chosen)) as unknown as Cell[][];
  } catch (err) {
    const name = (err as Error).name;
    if (name === "InvalidInputError" || name === "InvalidSpreadsheetError" || name === "SheetNotFoundError")
      throw new WorkbookRefused(`The workbook cannot be read: ${(err as Error).message}`);
    throw err;
  }
  if (data.length - 1 > opts.maxRows) throw new WorkbookRefused(opts.tooManyRows);
  const out = fs.createWriteStream(csvPath);
  try {
    let buffer = "";
    for (const row of data) {
      buffer += `${row.map((c) => csvField(cellText(c))).join(",")}\r\n`;
      if (buffer.length > 64 * 1024) {
        if (!out.write(buffer)) await once(out, "drain");
        buffer = "";
      }
    }
    out.end(buffer);
    await once(out, "finish");
  } catch (err) {
    out.destroy();
    fs.rmSync(csvPath, { force: true });
    throw err;
  }
  const sheet = typeof chosen === "number" ? (sheets[chosen - 1] ?? `Sheet ${chosen}`) : chosen;
  return { csvPath, rows: Math.max(0, data.length - 1), sheet, sheets };
}
