/**
 * Pure text layout helpers for the PDF builder: cleaning user text, splitting it into runs by which
 * embedded font has the glyphs, tokenising for line breaks (CJK text breaks between any two ideographs,
 * other scripts at spaces) and greedy wrapping against a width function.
 */

/** Ideographs, kana, hangul and full-width forms: a line may break before or after each of them. */
const BREAK_ANYWHERE =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3200-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;

/**
 * Make user text safe to lay out: normalise line endings, turn tabs into spaces, drop other control and
 * format characters (they have no glyphs and would draw as boxes) and compose accents (NFC) so "Ş" is one
 * glyph lookup.
 */
export function cleanText(text: string): string {
  return (
    text
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, "    ")
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
  );
}

export type Run = { fontIndex: number; text: string };

/**
 * Split text into maximal runs drawable with one font: each character goes to the first font that has a
 * glyph for it. Spaces stay with the run they are in (every font has one). A character no font has is
 * replaced by U+FFFD in the primary font, so the reader sees that something is missing instead of a gap.
 */
export function splitRuns(text: string, hasGlyph: ((codePoint: number) => boolean)[]): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let fontIndex = -1;
    if (ch === " " && runs.length > 0) fontIndex = runs[runs.length - 1].fontIndex;
    else fontIndex = hasGlyph.findIndex((has) => has(cp));
    const drawn = fontIndex === -1 ? "\uFFFD" : ch;
    if (fontIndex === -1) fontIndex = 0;
    const last = runs[runs.length - 1];
    if (last && last.fontIndex === fontIndex) last.text += drawn;
    else runs.push({ fontIndex, text: drawn });
  }
  return runs.flatMap(splitDirection);
}

/** Hebrew, Arabic (incl. Syriac/Thaana/NKo ranges) and their presentation forms: right-to-left letters. */
const RTL_SEQUENCE =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+(?:[ \u00A0]+[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+)*/g;

/**
 * Right-to-left names inside a left-to-right line (an Arabic supplier name in an English sentence): each
 * maximal sequence of RTL words becomes its own run, without the spaces around it, so the shaping engine
 * sees a run of one direction and lays it out right to left (fontkit reverses RTL runs and joins Arabic
 * letters); the surrounding line stays left to right, as the Unicode bidi algorithm places an RTL
 * sequence in an LTR paragraph.
 */
export function splitDirection(run: Run): Run[] {
  const matches = [...run.text.matchAll(RTL_SEQUENCE)];
  if (matches.length === 0) return [run];
  const out: Run[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.index > at) out.push({ fontIndex: run.fontIndex, text: run.text.slice(at, m.index) });
    out.push({ fontIndex: run.fontIndex, text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < run.text.length) out.push({ fontIndex: run.fontIndex, text: run.text.slice(at) });
  return out;
}

const RTL_RUN =
  /^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF][\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF \u00A0]*$/;
const STRONG_OR_DIGIT = /[\p{L}\p{N}]/u;
const MIRROR: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
};

/**
 * The runs of one line of a right-to-left paragraph (a page in Arabic), in the order they are drawn from
 * left to right. A simplified Unicode bidi algorithm for what such a line holds: right-to-left word
 * sequences (fontkit lays each out right to left), left-to-right words and numbers (a site name, an
 * address) that keep their own order, and neutral characters between them (spaces, ".", ":"), which take
 * the paragraph's direction. So the first sentence stands at the right and "مكان العمل: Site 2" is
 * drawn "Site 2 :مكان العمل". Runs come from `splitRuns`, whose RTL sequences are already runs of their own.
 */
export function rtlVisualOrder(runs: Run[]): Run[] {
  const logical: Run[] = [];
  for (const run of runs) {
    if (RTL_RUN.test(run.text)) {
      logical.push(run);
      continue;
    }
    const chars = [...run.text];
    let start = 0;
    while (start < chars.length && !STRONG_OR_DIGIT.test(chars[start])) start++;
    let end = chars.length;
    while (end > start && !STRONG_OR_DIGIT.test(chars[end - 1])) end--;
    const neutral = (part: string[]) =>
      part
        .reverse()
        .map((c) => MIRROR[c] ?? c)
        .join("");
    if (start > 0) logical.push({ fontIndex: run.fontIndex, text: neutral(chars.slice(0, start)) });
    if (end > start) logical.push({ fontIndex: run.fontIndex, text: chars.slice(start, end).join("") });
    if (end < chars.length) logical.push({ fontIndex: run.fontIndex, text: neutral(chars.slice(end)) });
  }
  return logical.reverse();
}

/** Tokens: runs of spaces, single ideographs, and words of other characters. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let word = "";
  let spaces = "";
  const flushWord = () => {
    if (word) tokens.push(word);
    word = "";
  };
  const flushSpaces = () => {
    if (spaces) tokens.push(spaces);
    spaces = "";
  };
  for (const ch of line) {
    if (ch === " ") {
      flushWord();
      spaces += ch;
    } else if (BREAK_ANYWHERE.test(ch)) {
      flushWord();
      flushSpaces();
      tokens.push(ch);
    } else {
      flushSpaces();
      word += ch;
    }
  }
  flushWord();
  flushSpaces();
  return tokens;
}

/**
 * Greedy line breaking of one paragraph (no newlines) into lines no wider than maxWidth. Spaces at the
 * start or end of a line are dropped; a single token wider than the line is broken between characters.
 */
export function wrapLine(line: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let current = "";
  let currentWidth = 0;
  let pendingSpace = "";
  const push = () => {
    lines.push(current);
    current = "";
    currentWidth = 0;
    pendingSpace = "";
  };
  for (const token of tokenize(line)) {
    if (token.trim() === "") {
      if (current) pendingSpace = token;
      continue;
    }
    const spaceWidth = pendingSpace ? measure(pendingSpace) : 0;
    const width = measure(token);
    if (current && currentWidth + spaceWidth + width <= maxWidth) {
      current += pendingSpace + token;
      currentWidth += spaceWidth + width;
      pendingSpace = "";
      continue;
    }
    if (current) push();
    if (width <= maxWidth) {
      current = token;
      currentWidth = width;
      continue;
    }
    // A token longer than the whole line (a long URL, an unbroken identifier): break it by characters.
    for (const ch of token) {
      const w = measure(ch);
      if (current && currentWidth + w > maxWidth) push();
      current += ch;
      currentWidth += w;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** Wrap text that may contain newlines; an empty line in the input stays an empty line. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  return cleanText(text)
    .split("\n")
    .flatMap((line) => wrapLine(line, maxWidth, measure));
}
