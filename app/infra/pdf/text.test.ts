import { describe, expect, it } from "vitest";
import { cleanText, rtlVisualOrder, splitRuns, tokenize, wrapLine, wrapText } from "./text";

const latin = (cp: number) => cp < 0x2e80;
const cjk = (cp: number) => cp >= 0x2e80 || cp === 0x20;
// One unit per character keeps the expected line breaks readable.
const perChar = (s: string) => [...s].length;

describe("cleanText", () => {
  it.each([
    ["a\r\nb\rc", "a\nb\nc"],
    ["tab\there", "tab    here"],
    ["bell\u0007 and zero\u200Bwidth", "bell and zerowidth"],
    ["S\u0327", "Ş"], // composed, so one glyph lookup
  ])("%j → %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("splitRuns", () => {
  it.each([
    ["Łódź", [{ fontIndex: 0, text: "Łódź" }]],
    ["深圳市工厂", [{ fontIndex: 1, text: "深圳市工厂" }]],
    [
      "Factory 深圳 Ltd",
      [
        { fontIndex: 0, text: "Factory " },
        { fontIndex: 1, text: "深圳 " },
        { fontIndex: 0, text: "Ltd" },
      ],
    ],
  ])("%j", (text, expected) => {
    expect(splitRuns(text, [latin, cjk])).toEqual(expected);
  });

  it("replaces a character no font has with U+FFFD in the primary font", () => {
    expect(splitRuns("a\u{1F600}b", [latin])).toEqual([{ fontIndex: 0, text: "a\uFFFDb" }]);
  });
});

describe("tokenize", () => {
  it.each([
    ["two words", ["two", " ", "words"]],
    ["深圳市", ["深", "圳", "市"]],
    ["A.Ş. 深圳abc", ["A.Ş.", " ", "深", "圳", "abc"]],
    ["", []],
  ])("%j", (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe("wrapLine", () => {
  it.each([
    ["fits on one line", 20, ["fits on one line"]],
    ["the quick brown fox", 10, ["the quick", "brown fox"]],
    ["  leading and trailing  ", 40, ["leading and trailing"]],
    ["深圳市工厂有限公司", 4, ["深圳市工", "厂有限公", "司"]],
    ["abcdefghij", 4, ["abcd", "efgh", "ij"]],
    ["", 10, [""]],
  ])("%j at width %d", (text, width, expected) => {
    expect(wrapLine(text, width, perChar)).toEqual(expected);
  });
});

describe("wrapText", () => {
  it("keeps blank lines between paragraphs", () => {
    expect(wrapText("first para\n\nsecond", 20, perChar)).toEqual(["first para", "", "second"]);
  });
});

describe("splitDirection", () => {
  it("gives each right-to-left sequence its own run, without the spaces around it", () => {
    expect(splitRuns("Supplier: مصنع النور and Łódź", [() => true])).toEqual([
      { fontIndex: 0, text: "Supplier: " },
      { fontIndex: 0, text: "مصنع النور" },
      { fontIndex: 0, text: " and Łódź" },
    ]);
    expect(splitRuns("Łódź only", [() => true])).toEqual([{ fontIndex: 0, text: "Łódź only" }]);
  });
});

describe("rtlVisualOrder", () => {
  const visual = (text: string) => rtlVisualOrder(splitRuns(text, [() => true])).map((r) => r.text);
  it("puts the first sentence of a right-to-left line at the right, the full stop at its left", () => {
    expect(visual("لا يلزمك ذكر اسمك. نحن لا نسجّل")).toEqual(["نحن لا نسجّل", " .", "لا يلزمك ذكر اسمك"]);
  });
  it("keeps a left-to-right name in its own order, the colon beside the Arabic it belongs to", () => {
    expect(visual("مكان العمل: Gazipur Unit 2")).toEqual(["Gazipur Unit 2", " :", "مكان العمل"]);
    // Brackets are mirrored: drawn left to right this reads "مصنع (Unit 2)".
    expect(visual("(Unit 2) مصنع")).toEqual(["مصنع", " (", "Unit 2", ")"]);
  });
  it("leaves a line with nothing right-to-left as one run", () => {
    expect(visual("Poster Buyer Ltd")).toEqual(["Poster Buyer Ltd"]);
  });
});
