/**
 * Receipt codes: 16 decimal digits shown as four groups of four ("4821 0937 5516 2280"). log2(10^16) ≈ 53.2
 * bits: guessing one is hopeless at any rate the limiter allows, and digits are what every phone keypad
 * and every script's reader can copy onto paper. Pure (no node:crypto), so the page can show the format.
 */
export const RECEIPT_DIGITS = 16;
export const RECEIPT_GROUP = 4;

/** Digits only, or null when what was typed cannot be a code (spaces, dashes and dots are forgiven). */
export function normaliseReceiptCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const digits = toAsciiDigits(input).replace(/[\s\-.·]/g, "");
  return new RegExp(`^[0-9]{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}

export function formatReceiptCode(digits: string): string {
  return digits.match(new RegExp(`.{1,${RECEIPT_GROUP}}`, "g"))?.join(" ") ?? digits;
}

/**
 * Digits as a worker's phone keyboard may type them (Bengali, Devanagari, Myanmar, Khmer, Thai,
 * Arabic-Indic, Eastern Arabic-Indic) become 0–9, so a code copied in the local numerals still opens.
 */
const DIGIT_ZEROS = [0x09e6, 0x0966, 0x1040, 0x17e0, 0x0e50, 0x0660, 0x06f0, 0xff10];

export function toAsciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
    return ch;
  });
}
