import fs from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { cleanText } from "./text";

/**
 * The TTF files embedded into generated PDFs. pdf-lib's standard fonts only speak WinAnsi (no Ł, Ş, Cyrillic
 * or Chinese), and WOFF/WOFF2 web fonts render blank, so we embed TrueType fonts shipped by npm packages:
 * - DejaVu Sans (dejavu-fonts-ttf): Latin incl. Polish/Turkish/Vietnamese, Greek, Cyrillic.
 * - Noto Sans SC (@expo-google-fonts/noto-sans-sc, the Google Fonts static TTF, OFL-1.1): Chinese, used
 *   per character for whatever DejaVu lacks.
 * Both are subset on embedding, so a PDF carries only the glyphs it uses.
 */
export type FontFace = "regular" | "bold";

const FILES: Record<FontFace, string[]> = {
  regular: [
    "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
    "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  ],
  bold: [
    "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
  ],
};

const require = createRequire(import.meta.url);
const cache = new Map<string, Uint8Array>();

function load(specifier: string): Uint8Array {
  let bytes = cache.get(specifier);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(specifier));
    cache.set(specifier, bytes);
  }
  return bytes;
}

/** Font bytes for a face, primary font first, then the fallbacks in the order they are tried. */
export function fontChain(face: FontFace): Uint8Array[] {
  return FILES[face].map(load);
}

const coverage = new Map<FontFace, Set<number>[]>();

/**
 * Whether the font chain has a glyph for every character of `text` (whitespace aside): what a document
 * can print before it is built, e.g. which languages a poster can be printed in.
 */
export function fontsCover(text: string, face: FontFace = "regular"): boolean {
  let sets = coverage.get(face);
  if (!sets) {
    sets = fontChain(face).map((bytes) => new Set(fontkit.create(bytes).characterSet));
    coverage.set(face, sets);
  }
  for (const ch of cleanText(text)) {
    if (/\s/.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (!sets.some((set) => set.has(cp))) return false;
  }
  return true;
}
