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

type Layout = { glyphs: unknown[] };
type SharedFont = FontkitFont & { layout(text: string, features?: unknown): Layout };

/**
 * Parsed fonts, one per font file for the life of the process. Parsing a font and its layout tables
 * (GSUB/GPOS, cmap, the 30k-glyph Noto Sans SC) took most of a statement PDF's font time when redone for
 * every document. Only the font files' own data lives here: keyed by the bytes object `fontChain()`
 * caches, never by or with any text a document draws.
 */
const parsed = new WeakMap<Uint8Array, SharedFont>();

function sharedFont(bytes: Uint8Array): SharedFont {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as SharedFont;
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * One document's view of a shared parsed font: its own subset (the glyphs this PDF uses) and its own
 * memo of laid-out text, so a line measured and then drawn is shaped once. The memo holds this document's
 * text and dies with it. Everything else reads through to the shared font (with the shared font as
 * receiver, so fontkit's lazily parsed tables are cached once on it).
 */
function documentView(font: SharedFont): FontkitFont {
  const layouts = new Map<string, Layout>();
  const layout = (text: string, features?: unknown): Layout => {
    // pdf-lib passes the same features object for every call of one embedded font.
    if (features !== undefined) return font.layout(text, features);
    let result = layouts.get(text);
    if (!result) {
      result = font.layout(text);
      layouts.set(text, result);
    }
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
