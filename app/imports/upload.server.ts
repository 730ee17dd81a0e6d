import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/infra/env.server";
import { MultipartRefused, parseMultipart } from "~/infra/multipart.server";
import { NOT_UTF8_MESSAGE, SNIFF_BYTES, sniffProblem } from "./sniff";

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
};

type Limits = { maxBytes?: number; maxRows?: number };

/**
 * Write an uploaded byte stream to a new temporary file under the imports folder, refusing it (and
 * removing the file) as soon as it passes the size or row limit, or when it is not UTF-8 text. The
 * multipart handler below and the import benchmark both receive files through here.
 */
export async function receiveFileStream(
  data: AsyncIterable<Uint8Array>,
  fileName: string,
  limits: Limits = {},
): Promise<ReceivedUpload> {
  const maxBytes = limits.maxBytes ?? IMPORT_MAX_BYTES;
  const maxRows = limits.maxRows ?? IMPORT_MAX_ROWS;
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
): Promise<{ ok: true; upload: ReceivedUpload } | { ok: false; message: string }> {
  let received: ReceivedUpload | undefined;
  try {
    await parseMultipart(request, {
      maxFieldBytes: TEXT_FIELD_LIMIT,
      onFile: async (part) => {
        if (part.field !== "file") {
          part.stream.resume();
          return undefined;
        }
        if (part.fileName === "") {
          // An empty file input still posts a part: "no file chosen".
          for await (const chunk of part.stream as AsyncIterable<Buffer>)
            if (chunk.byteLength) throw new UploadRefused("Choose a CSV file to upload.");
          return undefined;
        }
        received = await receiveFileStream(part.stream, part.fileName, limits);
        // The form value is only a marker: the path stays here, so a text field cannot name a file.
        return "received";
      },
    });
  } catch (err) {
    if (received) fs.rmSync(received.tmpPath, { force: true });
    if (err instanceof UploadRefused || err instanceof MultipartRefused)
      return { ok: false, message: err.message };
    throw err;
  }
  if (!received) return { ok: false, message: "Choose a CSV file to upload." };
  return { ok: true, upload: received };
}
