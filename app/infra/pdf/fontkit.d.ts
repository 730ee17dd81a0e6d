// fontkit 2 ships no type declarations; only the surface the PDF adapter touches is described.
declare module "fontkit" {
  export interface FontkitSubset {
    encode(): Uint8Array;
    includeGlyph(glyph: number | { id: number }): number;
    cff?: unknown;
  }
  export interface FontkitFont {
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): FontkitSubset;
  }
  export function create(buffer: Uint8Array | Buffer, postscriptName?: string): FontkitFont;
}
