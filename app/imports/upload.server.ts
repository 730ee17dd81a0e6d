import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/infra/env.server";
import { MultipartRefused, parseMultipart } from "~/infra/multipart.server";
import { NOT_UTF8_MESSAGE, SNIFF_BYTES, sniffProblem } from "./sniff";
import {
  isZip,
  receiveWorkbookBytes,
  WorkbookRefused,
  workbookToCsv,
  type WorkbookUpload,
} from "./xlsx.server";

/** Documented limits (README, import page): bigger files are refused while streaming, with the limit named. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

const TEXT_FIELD_LIMIT = 16 * 1024;

export function formatLimitBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export const tooLargeMessage = (maxBytes: number) =>
  `The file is larger than the ${formatLimitBytes(maxBytes)} limit for one import. Split it into smaller files.`;
export const tooManyRowsMessage = (maxRows: number) =>
  `The file has more than ${maxRows.toLocaleString("en")} rows, the limit for one import. Split it into smaller files.`;

/** Upload files live beside the database: the worker re-reads them after a restart. */
export function importsDir(): string {
  return path.join(path.dirname(path.resolve(env().DATABASE_PATH)), "imports");
}

export class UploadRefused extends Error {
  name = "UploadRefused";
}

/**
 * Counts CSV records in raw bytes while they stream in (newlines outside quotes, blank lines skipped), so
 * the row limit is enforced without a parse pass. The exact count comes from the import's scan.
 */
export class RecordCounter {
  private quoted = false;
  private content = false;
  records = 0;

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) {
        this.quoted = !this.quoted;
        this.content = true;
      } else if (this.quoted) continue;
      else if (b === 0x0a) {
        if (this.content) this.records++;
        this.content = false;
      } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) this.content = true;
    }
  }

  finish(): number {
    if (this.content) this.records++;
    this.content = false;
    return this.records;
  }
}

export type ReceivedUpload = {
  tmpPath: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Data rows (records after the header), by the byte counter. */
  approxRows: number;
  /** For a workbook: the sheet that was read (the stored file is that sheet as CSV). */
  sheet?: string;
};

type Limits = {
  maxBytes?: number;
  maxRows?: number;
  /** A workbook's sheet, by name or number (default: the first). */
  sheet?: string | null;
};

/** The upload's chunks with the first one looked at: a ZIP (XLSX) goes through xlsx.server.ts. */
async function peek(data: AsyncIterable<Uint8Array>) {
  const it = data[Symbol.asyncIterator]();
  const first = await it.next();
  async function* all() {
    if (!first.done) yield first.value;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { zip: !first.done && isZip(first.value), chunks: all() };
}

/** Turn a received workbook into the CSV file the import reads (one sheet), removing the workbook. */
async function workbookUpload(wb: WorkbookUpload, fileName: string, limits: Limits): Promise<ReceivedUpload> {
  const maxRows = limits.maxRows ?? IMPORT_MAX_ROWS;
  const csvPath = wb.rawPath.replace(/\.xlsx\.part$/, ".part");
  try {
    const converted = await workbookToCsv(wb.rawPath, csvPath, {
      sheet: limits.sheet,
      maxRows,
      tooManyRows: tooManyRowsMessage(maxRows),
    });
    return {
      tmpPath: csvPath,
      fileName: fileName.slice(0, 200) || "upload.xlsx",
      sizeBytes: wb.sizeBytes,
      sha256: wb.sha256,
      approxRows: converted.rows,
      sheet: converted.sheet,
    };
  } catch (err) {
    if (err instanceof WorkbookRefused) throw new UploadRefused(err.message);
    throw err;
  } finally {
    fs.rmSync(wb.rawPath, { force: true });
  }
}

async function receiveWorkbook(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<WorkbookUpload> {
  const tmpDir = path.join(importsDir(), "tmp");
  fs.mkdirSync(tmpDir, { recursive: true });
  try {
    return await receiveWorkbookBytes(chunks, tmpDir, maxBytes, tooLargeMessage(maxBytes));
  } catch (err) {
    if (err instanceof WorkbookRefused) throw new UploadRefused(err.message);
    throw err;
  }
}

/**
 * Write an uploaded byte stream to a new temporary file under the imports folder, refusing it (and
 * removing the file) as soon as it passes the size or row limit, or when it is not UTF-8 text. The
 * multipart handler below and the import benchmark both receive files through here.
 */
export async function receiveFileStream(
  input: AsyncIterable<Uint8Array>,
  fileName: string,
  limits: Limits = {},
): Promise<ReceivedUpload> {
  const maxBytes = limits.maxBytes ?? IMPORT_MAX_BYTES;
  const maxRows = limits.maxRows ?? IMPORT_MAX_ROWS;
  const { zip, chunks: data } = await peek(input);
  if (zip) return workbookUpload(await receiveWorkbook(data, maxBytes), fileName, limits);
  const tmpDir = path.join(importsDir(), "tmp");
  fs.mkdirSync(tmpDir, { recursive: true });
  const target = path.join(tmpDir, `${crypto.randomUUID()}.part`);
  const out = fs.createWriteStream(target);
  const hash = crypto.createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const counter = new RecordCounter();
  let size = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const checkHead = (bytes: Buffer) => {
    const problem = sniffProblem(bytes);
    if (problem) throw new UploadRefused(problem);
  };
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new UploadRefused(tooLargeMessage(maxBytes));
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          checkHead(head.subarray(0, SNIFF_BYTES));
          head = null;
        }
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        // The sniff names binary files and workbooks more precisely than "not UTF-8".
        if (head) checkHead(head);
        throw new UploadRefused(NOT_UTF8_MESSAGE);
      }
      counter.push(chunk);
      if (counter.records - 1 > maxRows) throw new UploadRefused(tooManyRowsMessage(maxRows));
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    if (head) checkHead(head);
    try {
      decoder.decode();
    } catch {
      throw new UploadRefused(NOT_UTF8_MESSAGE);
    }
    const records = counter.finish();
    if (records - 1 > maxRows) throw new UploadRefused(tooManyRowsMessage(maxRows));
    out.end();
    await once(out, "finish");
    return {
      tmpPath: target,
      fileName: fileName.slice(0, 200) || "upload.csv",
      sizeBytes: size,
      sha256: hash.digest("hex"),
      approxRows: Math.max(0, records - 1),
    };
  } catch (err) {
    out.destroy();
    fs.rmSync(target, { force: true });
    throw err;
  }
}

/**
 * Parse a multipart upload form, streaming its "file" part through receiveFileStream. Nothing reaches
 * the database here. Returns the message to show for a refused upload (too large, not CSV, malformed).
 */
export async function receiveImportUpload(
  request: Request,
  limits: Limits = {},
): Promise<
  { ok: true; upload: ReceivedUpload; form: FormData } | { ok: false; message: string; form: FormData | null }
> {
  let received: ReceivedUpload | undefined;
  let workbook: WorkbookUpload | undefined;
  let fileName = "";
  let form: FormData | null = null;
  try {
    form = await parseMultipart(request, {
      maxFieldBytes: TEXT_FIELD_LIMIT,
      onFile: async (part) => {
        if (part.field !== "file") {
          part.stream.resume();
          return undefined;
        }
        if (part.fileName === "") {
          // An empty file input still posts a part: "no file chosen".
          for await (const chunk of part.stream as AsyncIterable<Buffer>)
            if (chunk.byteLength) throw new UploadRefused("Choose a CSV or XLSX file to upload.");
          return undefined;
        }
        const { zip, chunks } = await peek(part.stream);
        // A workbook is converted once the whole form is read: the sheet field may come after the file.
        if (zip) workbook = await receiveWorkbook(chunks, limits.maxBytes ?? IMPORT_MAX_BYTES);
        else received = await receiveFileStream(chunks, part.fileName, limits);
        fileName = part.fileName;
        // The form value is only a marker: the path stays here, so a text field cannot name a file.
        return "received";
      },
    });
    if (workbook) {
      const sheet = form.get("sheet");
      received = await workbookUpload(workbook, fileName, {
        ...limits,
        sheet: typeof sheet === "string" ? sheet : null,
      });
    }
  } catch (err) {
    if (received) fs.rmSync(received.tmpPath, { force: true });
    if (workbook) fs.rmSync(workbook.rawPath, { force: true });
    if (err instanceof UploadRefused || err instanceof MultipartRefused)
      return { ok: false, message: err.message, form };
    throw err;
  }
  if (!received) return { ok: false, message: "Choose a CSV or XLSX file to upload.", form };
  // The text fields come back too, for forms that carry more than the file (the audit import).
  return { ok: true, upload: received, form };
}
