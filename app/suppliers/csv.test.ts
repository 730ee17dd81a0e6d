import { describe, expect, it } from "vitest";
import { csvCell, csvField, csvLine, csvNumber, unneutraliseCell } from "./csv";

describe("csvCell (formula-injection neutralisation)", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+33 1 23 45", "'+33 1 23 45"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["  =1+1", "'  =1+1"],
    [" @x", "' @x"],
    ["'=already", "''=already"],
    ["Acme = best", "Acme = best"],
    ["O'Brien", "O'Brien"],
    ["'quoted", "'quoted"],
    ["", ""],
    ["plain", "plain"],
    ["a-b", "a-b"],
  ])("%j → %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
    expect(unneutraliseCell(csvCell(input))).toBe(input);
  });

  it("treats null and undefined as empty", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("csvField / csvLine / csvNumber", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rx", '"cr\rx"'],
  ])("%j → %j", (input, output) => expect(csvField(input)).toBe(output));

  it("joins a line with CRLF", () => {
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("writes numbers as they are, negative ones included (never neutralised)", () => {
    expect(csvNumber(-12.5)).toBe("-12.5");
    expect(csvNumber(0)).toBe("0");
    expect(csvNumber(null)).toBe("");
    expect(csvNumber(Number.NaN)).toBe("");
  });
});
