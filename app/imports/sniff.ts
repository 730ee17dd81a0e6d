/**
 * Cheap checks on the first bytes of an upload, so a workbook, a PDF or random bytes are refused with a
 * useful message before anything is parsed or stored.
 */
export const SNIFF_BYTES = 64 * 1024;

export const NOT_UTF8_MESSAGE =
  "The file is not UTF-8 text. In Excel use File › Save As › “CSV UTF-8 (comma delimited)”, then upload that file.";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** null when the start of the file looks like UTF-8 text; otherwise why it is refused. */
export function sniffProblem(head: Uint8Array): string | null {
  if (head.length === 0) return "The file is empty.";
  // XLSX (a ZIP) never reaches this check: upload.server.ts hands it to xlsx.server.ts.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return "This is an Excel workbook, not a CSV file. In Excel use File › Save As › “CSV UTF-8 (comma delimited)”, then upload that file.";
  }
  // An OLE2 compound file: the old .xls format, or an .xlsx saved with a password (encrypted).
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    return "This is an old-format Excel workbook (.xls) or a password-protected one. Save it as .xlsx without a password, or as “CSV UTF-8 (comma delimited)”, then upload that file.";
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return "This is a PDF, not a CSV file.";
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return "The file is UTF-16 text. Save it as “CSV UTF-8” and upload it again.";
  }
  if (head.includes(0)) return "This is a binary file, not a CSV text file.";

  // stream: true keeps a multi-byte character cut at the end of the sample from counting as invalid.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head, { stream: true });
  let invalid = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
  }
  if ((invalid + control) / text.length > 0.1)
    return "The file does not look like text: it cannot be read as CSV.";
  if (invalid > 0) return NOT_UTF8_MESSAGE;
  return null;
}

/** The separator of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** The first line of the text (a header with a quoted newline is rare enough to ignore here). */
export function firstLine(text: string): string {
  const stripped = text.replace(/^\uFEFF/, "");
  const end = stripped.search(/\r|\n/);
  return end === -1 ? stripped : stripped.slice(0, end);
}
