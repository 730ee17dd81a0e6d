import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from "pdf-lib";

/**
 * Metadata removal for files a worker attaches to a report (D41). A photo taken on a phone carries where
 * it was taken (EXIF GPS), the phone's make, model and serial number, the time to the second and often
 * the owner's name; a PDF carries its author, the software and the account it was made with. Any of it
 * can name the reporter, so none of it is stored: the file is rewritten before it reaches storage.
 *
 * Images are rewritten at the container level and the picture itself is copied byte for byte (no
 * re-encoding, so nothing is lost and nothing is added). What is kept is an allow-list, so metadata in a
 * segment or chunk we have never heard of goes too:
 * - JPEG: SOI, the frame, tables, scans and EOI; APP0 only when it is JFIF, APP2 only when it is an
 *   ICC colour profile, APP14 only when it is Adobe's colour-transform flag. Every other APPn (APP1
 *   EXIF and XMP, APP13 Photoshop/IPTC, APP12 "Ducky", …) and every comment (COM) is dropped, wherever
 *   it sits, also between the scans of a progressive JPEG. The EXIF orientation goes with EXIF, so a
 *   photo may show rotated: a handler can rotate it; a location cannot be taken back.
 * - PNG: the critical chunks and the ancillary chunks that describe how to draw the picture (colour,
 *   gamma, transparency, pixel size, animation). tEXt, zTXt, iTXt, eXIf, tIME and any unknown ancillary
 *   chunk are dropped; an unknown critical chunk makes the file unreadable.
 * - WebP: the EXIF and "XMP " chunks are dropped and the VP8X header's flags for them cleared.
 * - PDF: the document information dictionary (author, title, creator, producer, dates) and every XMP
 *   metadata stream (the catalogue's and any page's or object's) and PieceInfo (application private
 *   data) are removed, and the file is written again from its objects by pdf-lib, so earlier
 *   incremental updates (which keep old metadata in the file) are gone too. Images embedded inside a
 *   PDF are not rewritten.
 * HEIC is not accepted for attachments: its metadata lives in item boxes that cannot be removed without
 * a full ISO-BMFF rewriter, and the phones that take HEIC photos send JPEG to a web form that asks for it.
 */

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

export type StrippableType = "jpeg" | "png" | "webp" | "pdf";

export async function stripMetadata(type: StrippableType, bytes: Uint8Array): Promise<Uint8Array> {
  switch (type) {
    case "jpeg":
      return stripJpeg(bytes);
    case "png":
      return stripPng(bytes);
    case "webp":
      return stripWebp(bytes);
    case "pdf":
      return stripPdf(bytes);
  }
}

// ---- JPEG ---------------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

function startsWithAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Is this APPn segment (payload from `dataAt`) one we keep? */
function keepAppSegment(marker: number, bytes: Uint8Array, dataAt: number): boolean {
  if (marker === 0xe0) return startsWithAscii(bytes, dataAt, "JFIF\0");
  if (marker === 0xe2) return startsWithAscii(bytes, dataAt, "ICC_PROFILE\0");
  if (marker === 0xee) return startsWithAscii(bytes, dataAt, "Adobe");
  return false;
}

export function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new UnreadableFile("Not a JPEG.");
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  for (;;) {
    if (i >= bytes.length) throw new UnreadableFile("The JPEG ends before its end marker.");
    if (bytes[i] !== 0xff) throw new UnreadableFile("The JPEG has bytes between its segments.");
    // Fill bytes (any number of 0xFF) may precede a marker.
    while (i < bytes.length && bytes[i] === 0xff) i++;
    if (i >= bytes.length) throw new UnreadableFile("The JPEG ends inside a marker.");
    const marker = bytes[i];
    const markerAt = i - 1;
    i++;
    if (marker === EOI) {
      out.push(bytes.subarray(markerAt, i));
      // Anything after EOI (a trailer some phones append, with its own metadata) is dropped.
      return concat(out);
    }
    // Markers without a length: TEM and the restart markers (only legal inside scans, tolerated here).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(bytes.subarray(markerAt, i));
      continue;
    }
    if (i + 2 > bytes.length) throw new UnreadableFile("The JPEG ends inside a segment header.");
    const length = (bytes[i] << 8) | bytes[i + 1];
    if (length < 2 || i + length > bytes.length)
      throw new UnreadableFile("A JPEG segment runs past the file.");
    const end = i + length;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = marker === COM ? false : isApp ? keepAppSegment(marker, bytes, i + 2) : true;
    if (keep) out.push(bytes.subarray(markerAt, end));
    i = end;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      const dataStart = i;
      while (i < bytes.length) {
        if (bytes[i] === 0xff && i + 1 < bytes.length) {
          const next = bytes[i + 1];
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
            i += 2;
            continue;
          }
          if (next === 0xff) {
            // Fill byte before a marker: the marker starts at the last 0xFF of the run.
            i++;
            continue;
          }
          break;
        }
        i++;
      }
      out.push(bytes.subarray(dataStart, i));
    }
  }
}

// ---- PNG ----------------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks kept: how to draw the picture, nothing about who, where or when. */
const PNG_KEEP = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "cICP",
  "mDCv",
  "cLLi",
  "bKGD",
  "hIST",
  "pHYs",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

export function stripPng(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, k) => bytes[k] !== b))
    throw new UnreadableFile("Not a PNG.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    if (i + 12 > bytes.length) throw new UnreadableFile("The PNG ends inside a chunk.");
    const length = view.getUint32(i);
    const end = i + 12 + length;
    if (end > bytes.length) throw new UnreadableFile("A PNG chunk runs past the file.");
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new UnreadableFile("The PNG has a malformed chunk.");
    const critical = type.charCodeAt(0) < 0x61;
    if (PNG_KEEP.has(type)) out.push(bytes.subarray(i, end));
    else if (critical) throw new UnreadableFile(`The PNG has a chunk we cannot read (${type}).`);
    i = end;
    if (type === "IEND") return concat(out);
  }
  throw new UnreadableFile("The PNG ends before its IEND chunk.");
}

// ---- WebP ---------------------------------------------------------------------------------------------

export function stripWebp(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 12 || !startsWithAscii(bytes, 0, "RIFF") || !startsWithAscii(bytes, 8, "WEBP"))
    throw new UnreadableFile("Not a WebP.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = Math.min(bytes.length, 8 + view.getUint32(4, true));
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= riffEnd) {
    const fourcc = String.fromCharCode(...bytes.subarray(i, i + 4));
    const size = view.getUint32(i + 4, true);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > riffEnd) throw new UnreadableFile("A WebP chunk runs past the file.");
    if (fourcc !== "EXIF" && fourcc !== "XMP ") {
      const chunk = bytes.slice(i, Math.min(end, riffEnd));
      // VP8X flags: bit 3 EXIF, bit 2 XMP; cleared, since those chunks are gone.
      if (fourcc === "VP8X" && size >= 1) chunk[8] &= ~0x0c;
      chunks.push(chunk);
    }
    i = end;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}

// ---- PDF ----------------------------------------------------------------------------------------------

const METADATA_KEYS = ["Metadata", "PieceInfo"].map((k) => PDFName.of(k));

export async function stripPdf(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await rewritePdf(bytes);
  } catch (err) {
    // pdf-lib fails on broken files in many ways (a missing catalogue, a bad cross-reference table,
    // encryption); each means the same to the reporter: this file cannot be read.
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile("The PDF could not be read.");
  }
}

async function rewritePdf(bytes: Uint8Array): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib would write a new information dictionary of its own.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  if (doc.isEncrypted) throw new UnreadableFile("The PDF is encrypted.");
  // A file without pages is not a document anyone can read (and this reads the catalogue).
  if (doc.getPageCount() === 0) throw new UnreadableFile("The PDF has no pages.");
  const context = doc.context;
  const drop = new Set<PDFRef>();
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) drop.add(info);
  context.trailerInfo.Info = undefined;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    for (const key of METADATA_KEYS) {
      const value = dict.get(key);
      if (value === undefined) continue;
      if (value instanceof PDFRef) drop.add(value);
      dict.delete(key);
    }
  }
  // XMP streams are usually indirect objects of Type Metadata; any left unreferenced go as well.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFStream && object.dict.get(PDFName.of("Type")) === PDFName.of("Metadata"))
      drop.add(ref);
  }
  for (const ref of drop) context.delete(ref);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
