import { describe, expect, it } from "vitest";
import { ALLOWED_TYPES, detectFileType, formatBytes, formatLimitMb, sanitizeFileName } from "./file-types";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(Buffer.from(p, "latin1")) : p)));

describe("detectFileType (by content, never by name or browser type)", () => {
  it.each([
    ["PDF", bytes("%PDF-1.7\n%âãÏÓ"), "application/pdf"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image/png"],
    ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"), "image/jpeg"],
    ["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0x10], "Exif"), "image/jpeg"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["HEIC", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]), "image/heic"],
    ["HEIF (mif1)", bytes([0, 0, 0, 0x18], "ftypmif1", [0, 0, 0, 0]), "image/heic"],
  ])("accepts %s", (_name, head, mime) => {
    expect(detectFileType(head)?.mime).toBe(mime);
  });

  it.each([
    ["a Windows executable", bytes("MZ", [0x90, 0, 3, 0, 0, 0])],
    ["plain text", bytes("hello, this is not a PDF")],
    ["HTML", bytes("<!doctype html><script>")],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["PDF magic not at byte 0", bytes(" %PDF-1.4")],
    ["a ZIP / DOCX", bytes([0x50, 0x4b, 0x03, 0x04])],
    ["MP4 (ftyp but not HEIC)", bytes([0, 0, 0, 0x18], "ftypisom", [0, 0, 0, 0])],
    ["RIFF WAV", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["too short", bytes("%PD")],
    ["empty", bytes()],
  ])("refuses %s", (_name, head) => {
    expect(detectFileType(head)).toBeNull();
  });
});

describe("sanitizeFileName", () => {
  const pdf = ALLOWED_TYPES.pdf;
  it.each([
    ["audit-report.pdf", pdf, "audit-report.pdf"],
    ["Report.PDF", pdf, "Report.pdf"],
    ["C:\\Users\\me\\Desktop\\report.pdf", pdf, "report.pdf"],
    ["../../etc/passwd.pdf", pdf, "passwd.pdf"],
    ["bad\u0000name\r\n.pdf", pdf, "badname.pdf"],
    ["invoice\u202Efdp.exe", pdf, "invoicefdp.exe.pdf"],
    ["scan.pdf", ALLOWED_TYPES.png, "scan.pdf.png"],
    ["photo", ALLOWED_TYPES.jpeg, "photo.jpg"],
    ["photo.jpeg", ALLOWED_TYPES.jpeg, "photo.jpeg"],
    ["", pdf, "evidence.pdf"],
    [undefined, pdf, "evidence.pdf"],
    [".hidden.pdf", pdf, "hidden.pdf"],
    ["   spaced    out   .pdf", pdf, "spaced out.pdf"],
    ["Łódź Tekstil — 深圳市工厂.pdf", pdf, "Łódź Tekstil — 深圳市工厂.pdf"],
  ] as const)("%j (as %#) → expected", (raw, type, expected) => {
    expect(sanitizeFileName(raw, type)).toBe(expected);
  });

  it("caps the length and keeps the extension", () => {
    const out = sanitizeFileName(`${"a".repeat(500)}.pdf`, pdf);
    expect(out.length).toBe(180);
    expect(out.endsWith(".pdf")).toBe(true);
  });

  it("never splits a surrogate pair when capping", () => {
    const out = sanitizeFileName(`${"😀".repeat(300)}.pdf`, pdf);
    expect(out.endsWith(".pdf")).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("sizes", () => {
  it.each([
    [10 * 1024 * 1024, "10 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
    [1024, "0.00098 MB"],
  ])("formatLimitMb(%i) = %s", (n, s) => expect(formatLimitMb(n)).toBe(s));

  it.each([
    [12, "12 B"],
    [2048, "2.0 KB"],
    [3 * 1024 * 1024, "3.0 MB"],
  ])("formatBytes(%i) = %s", (n, s) => expect(formatBytes(n)).toBe(s));
});
