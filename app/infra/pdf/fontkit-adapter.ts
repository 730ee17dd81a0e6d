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

/** The object to pass to `PDFDocument.registerFontkit()`. */
export const pdfFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => withEncodeStream(createSubset());
    return font;
  },
};
