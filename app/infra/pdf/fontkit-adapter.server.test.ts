import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { cmapLayout, pdfFontkit, sharedFont, type SharedFont } from "./fontkit-adapter";
import { fontChain } from "./fonts.server";

type Glyphs = { glyphs: { id: number }[] };
const ids = (layout: unknown) => (layout as Glyphs).glyphs.map((g) => g.id);

/** fontkit's own full shaping, on a fresh parse of the font (no memo, no shortcut). */
function fullLayout(bytes: Uint8Array) {
  const font = fontkit.create(Buffer.from(bytes)) as unknown as SharedFont;
  return (text: string) => ids(font.layout(text));
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Words that exercise ligatures (fi, fl, ffi), marks, the space + Arabic mark ligature of DejaVu,
// right-to-left runs, CJK, Greek, Cyrillic, identifiers and figures.
const SAMPLES = [
  "office fit final flow affine",
  "Łódź Tekstil Sanayi A.Ş. — Zoë Łukasiewicz",
  "3f2a9c1e-4b2d-4e8a-9f00-123456789abc 2026-11-30",
  "Tier 1: 12,345 suppliers (40 %) · £36m “quoted” ‘text’ …",
  "Ελληνικά Κλωστοϋφαντουργία Ярославль Текстиль ООО",
  "Công ty May Việt Nam ả ễ ộ",
  "e\u0301 combining and a \u064E haraka after a space",
  "مصنع النسيج الحديث",
  "Factory مصنع Ltd",
  "深圳 市工厂 供应商",
  "1\u20442 fraction slash",
  "   leading and trailing spaces  ",
];

const CHARS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-–—()[]/&%£€$'\"fiflŁłŚśŻżŞşĞğİıÇçÖöÜüÉéÈèÀàÑñßΑαΩωЖжЯя";

const CJK_SAMPLES = ["深圳市工厂", "深圳 市工厂 供应商", "供应商 工厂", "　全角 空格"];

describe("the PDF font adapter lays text out as fontkit does", () => {
  for (const face of ["regular", "bold"] as const) {
    const [primary, cjk] = fontChain(face);
    it(`${face} primary font: samples and random strings give fontkit's glyphs`, () => {
      const expected = fullLayout(primary);
      const view = pdfFontkit.create(primary) as unknown as SharedFont;
      const rand = rng(7);
      const random = Array.from({ length: 400 }, () =>
        Array.from(
          { length: 1 + Math.floor(rand() * 40) },
          () => CHARS[Math.floor(rand() * CHARS.length)],
        ).join(""),
      );
      for (const text of [...SAMPLES, ...random]) {
        // Laid out twice: the memoised answer is the same as the first.
        expect(ids(view.layout(text)), text).toEqual(expected(text));
        expect(ids(view.layout(text)), text).toEqual(expected(text));
      }
    });

    // The fallback font only ever receives what the primary font lacks: CJK runs and their spaces.
    it(`${face} CJK fallback font: CJK runs give fontkit's glyphs`, () => {
      const expected = fullLayout(cjk);
      const view = pdfFontkit.create(cjk) as unknown as SharedFont;
      for (const text of CJK_SAMPLES) expect(ids(view.layout(text)), text).toEqual(expected(text));
    });
  }

  it("takes the shortcut only for text no default substitution can touch", () => {
    const [dejaVu] = fontChain("regular");
    const font = sharedFont(dejaVu);
    expect(cmapLayout(font, "Tier 3")).toBeUndefined(); // DejaVu may start a ligature at a space
    expect(cmapLayout(font, "Supply")).toBeDefined();
    expect(cmapLayout(font, "3e2a9c1e-4b2d")).toBeDefined();
    expect(cmapLayout(font, "office")).toBeUndefined(); // the fi ligature
    expect(cmapLayout(font, "e\u0301")).toBeUndefined(); // a combining mark
    expect(cmapLayout(font, "مصنع")).toBeUndefined();
  });
});
