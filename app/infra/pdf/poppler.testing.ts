import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Test helpers around Debian's poppler-utils: extract a PDF's text and rasterise pages to look at. */
export const PDFTOTEXT = "/usr/bin/pdftotext";
export const PDFTOPPM = "/usr/bin/pdftoppm";
export const hasPoppler = fs.existsSync(PDFTOTEXT) && fs.existsSync(PDFTOPPM);
export const popplerSkipReason = `poppler-utils not installed (${PDFTOTEXT} missing): PDF text checks skipped`;

export function pdfText(bytes: Uint8Array): string {
  return execFileSync(PDFTOTEXT, ["-layout", "-enc", "UTF-8", "-", "-"], { input: bytes }).toString("utf8");
}

/** Write page `page` as PNG under `dir` (default: a temp dir) and return its path. */
export function pdfPagePng(
  bytes: Uint8Array,
  page = 1,
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-")),
): string {
  const pdf = path.join(dir, "doc.pdf");
  fs.writeFileSync(pdf, bytes);
  const prefix = path.join(dir, `page`);
  execFileSync(PDFTOPPM, [
    "-png",
    "-r",
    "80",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}
