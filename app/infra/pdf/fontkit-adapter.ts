import * as fontkit from "fontkit";
import type { FontkitFont, FontkitSubset } from "fontkit";

/**
 * pdf-lib's registerFontkit() expects the API of @pdf-lib/fontkit, a fork of fontkit 1. That fork subsets
 * CJK fonts wrongly (blank glyphs, no error), so we use upstream fontkit 2 instead. The only gap: pdf-lib
 * serialises a subset with `subset.encodeStream().on('data'|'end'|'error', ...)`, while fontkit 2 subsets
 * only offer `encode()` returning the bytes. We add an `encodeStream()` that replays those bytes.
 */
type Listener = (arg?: unknown) => void;

export type EncodeStream = { on(event: "data" | "end" | "error", listener: Listener): EncodeStream };

export function bytesAsEncodeStream(produce: () => Uint8Array): EncodeStream {
  const listeners: Record<string, Listener[]> = { data: [], end: [], error: [] };
  // Emit after the caller has attached its listeners (pdf-lib chains .on() calls synchronously).
  queueMicrotask(() => {
    try {
      const bytes = produce();
      for (const l of listeners.data) l(bytes);
      for (const l of listeners.end) l();
    } catch (err) {
      for (const l of listeners.error) l(err);
    }
  });
  const stream: EncodeStream = {
    on(event, listener) {
      listeners[event].push(listener);
      return stream;
    },
  };
  return stream;
}

type PdfLibSubset = FontkitSubset & { encodeStream(): EncodeStream };

function withEncodeStream(subset: FontkitSubset): PdfLibSubset {
  const patched = subset as PdfLibSubset;
  patched.encodeStream = () => bytesAsEncodeStream(() => subset.encode());
  return patched;
}

export type Layout = { glyphs: unknown[] };
export type SharedFont = FontkitFont & {
  layout(text: string, features?: unknown): Layout;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
};

/**
 * Parsed fonts, one per font file for the life of the process. Parsing a font and its layout tables
 * (GSUB/GPOS, cmap, the 30k-glyph Noto Sans SC) took most of a statement PDF's font time when redone for
 * every document. Only the font files' own data lives here: keyed by the bytes object `fontChain()`
 * caches, never by or with any text a document draws.
 */
const parsed = new WeakMap<Uint8Array, SharedFont>();

export function sharedFont(bytes: Uint8Array): SharedFont {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as SharedFont;
    parsed.set(bytes, font);
  }
  return font;
}

type Glyph = { id: number; advanceWidth: number };
type Coverage = { glyphs?: number[]; rangeRecords?: { start: number; end: number }[] };
type SubTable = Record<string, unknown> & { extension?: SubTable };
type GsubTable = {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { subTables: SubTable[] } };
};

/**
 * The substitution features fontkit's default shaper (Latin, Greek, Cyrillic and common characters) turns
 * on for left-to-right text without user features, plus the right-to-left pair for good measure. The
 * fraction features (frac/numr/dnom) are only assigned around U+2044, which `SIMPLE` leaves out.
 */
const DEFAULT_GSUB_FEATURES = new Set([
  "rvrn",
  "ltra",
  "ltrm",
  "rtla",
  "rtlm",
  "ccmp",
  "locl",
  "rlig",
  "calt",
  "clig",
  "liga",
  "rclt",
]);

/**
 * Code points a glyph substitution can never touch in this font: letters, digits and punctuation of the
 * Latin, Greek and Cyrillic ranges whose glyph no lookup of those features covers, in any script or
 * language of the font (a superset of what one layout applies, so it is safe). Every substitution starts
 * at a covered glyph (ligatures, contextual and chained forms all name their first glyph in a coverage
 * table; lookups nested in a chain only run inside a matched chain), so a string made only of these lays
 * out as the font's cmap glyphs one to one, exactly what fontkit's full shaping returns for it (pdf-lib
 * reads glyph ids and advance widths only, never positions). Combining marks, default ignorables (fontkit
 * hides them) and anything a subtable we cannot read might cover are left out, so such text takes the
 * full path. Font data only: shared by every document.
 */
const freeCodePoints = new WeakMap<SharedFont, Set<number>>();

function coverageGlyphs(table: SubTable, into: Set<number>): boolean {
  const sub = table.extension ?? table;
  const coverages: Coverage[] = [];
  for (const key of ["coverage", "inputCoverage", "coverages", "backtrackCoverage", "lookaheadCoverage"]) {
    const value = sub[key] as Coverage | Coverage[] | undefined;
    if (Array.isArray(value)) coverages.push(...value);
    else if (value) coverages.push(value);
  }
  if (coverages.length === 0) return false;
  for (const c of coverages) {
    if (c.glyphs) for (const g of c.glyphs) into.add(g);
    else if (c.rangeRecords)
      for (const r of c.rangeRecords) for (let g = r.start; g <= r.end; g++) into.add(g);
    else return false;
  }
  return true;
}

/** Latin letters, digits, punctuation and symbols without marks or default ignorables. */
const SIMPLE =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u03FF\u0400-\u0482\u048A-\u052F\u1E00-\u1FFF\u2010-\u2027\u2030-\u2043\u2045-\u205E\u20A0-\u20CF\u2100-\u21FF]$/u;

function contextFree(font: SharedFont): Set<number> {
  let free = freeCodePoints.get(font);
  if (free) return free;
  free = new Set<number>();
  const covered = new Set<number>();
  const gsub = (font as unknown as { GSUB?: GsubTable }).GSUB;
  let readable = true;
  if (gsub) {
    const lookups = new Set<number>();
    for (const { tag, feature } of gsub.featureList)
      if (DEFAULT_GSUB_FEATURES.has(tag)) for (const i of feature.lookupListIndexes) lookups.add(i);
    for (const i of lookups)
      for (const table of gsub.lookupList.get(i).subTables) readable &&= coverageGlyphs(table, covered);
  }
  if (readable) {
    for (const cp of font.characterSet) {
      if (!SIMPLE.test(String.fromCodePoint(cp))) continue;
      const glyph = font.glyphForCodePoint(cp);
      if (glyph.id !== 0 && !covered.has(glyph.id)) free.add(cp);
    }
  }
  freeCodePoints.set(font, free);
  return free;
}

/** The glyphs of text made only of context-free code points, or undefined when shaping is needed. */
export function cmapLayout(font: SharedFont, text: string): Layout | undefined {
  const free = contextFree(font);
  const glyphs: Glyph[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!free.has(cp)) return undefined;
    glyphs.push(font.glyphForCodePoint(cp));
  }
  return { glyphs };
}

/** Right-to-left letters: a run holding any is laid out whole (fontkit orders and joins it). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * One document's view of a shared parsed font: its own subset (the glyphs this PDF uses) and its own
 * memo of laid-out text, so a line measured and then drawn is shaped once. The memo holds this document's
 * text and dies with it. Everything else reads through to the shared font (with the shared font as
 * receiver, so fontkit's lazily parsed tables are cached once on it).
 *
 * A left-to-right line is laid out word by word: the line builder has already measured each word while
 * wrapping, so drawing the line reuses those layouts instead of shaping the whole line again (shaping was
 * most of a statement PDF's render time). pdf-lib reads only the glyphs (ids and advance widths), never
 * the positions, so kerning cannot differ; substitutions never reach across a space in these fonts
 * (ligatures and contextual forms are within a word), which a test checks against whole-line layout.
 * Right-to-left runs are laid out whole, since fontkit reverses the run.
 */
function documentView(font: SharedFont): FontkitFont {
  const layouts = new Map<string, Layout>();
  let space: Layout | undefined;
  const whole = (text: string): Layout => {
    let result = layouts.get(text);
    if (!result) {
      result = cmapLayout(font, text) ?? font.layout(text);
      layouts.set(text, result);
    }
    return result;
  };
  const layout = (text: string, features?: unknown): Layout => {
    // pdf-lib passes the same features object for every call of one embedded font.
    if (features !== undefined) return font.layout(text, features);
    const known = layouts.get(text);
    if (known) return known;
    if (!text.includes(" ") || RTL.test(text)) return whole(text);
    const words = text.split(" ");
    // A font may start a substitution at the space itself (DejaVu joins a space and an Arabic mark): then
    // split only where what follows each space is a plain letter, digit or punctuation mark.
    if (!contextFree(font).has(0x20) && words.some((w, i) => i > 0 && w !== "" && !SIMPLE.test(w[0])))
      return whole(text);
    space ??= whole(" ");
    const glyphs: unknown[] = [];
    words.forEach((word, i) => {
      if (i > 0) glyphs.push(...space!.glyphs);
      if (word) glyphs.push(...whole(word).glyphs);
    });
    const result = { glyphs };
    layouts.set(text, result);
    return result;
  };
  const createSubset = () => withEncodeStream(font.createSubset());
  return new Proxy(font, {
    get(target, prop) {
      if (prop === "layout") return layout;
      if (prop === "createSubset") return createSubset;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The object to pass to `PDFDocument.registerFontkit()`. */
export const pdfFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    return documentView(sharedFont(bytes));
  },
};
