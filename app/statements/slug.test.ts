import { describe, expect, it } from "vitest";
import { slugCandidates, slugFromName, slugProblem } from "./slug";

describe("slugFromName", () => {
  it.each([
    ["Acme Sourcing Group Ltd", "acme-sourcing-group-ltd"],
    ["Łódź Tekstil Sanayi A.Ş.", "lodz-tekstil-sanayi-a-s"],
    ["Straße & Söhne GmbH", "strasse-and-sohne-gmbh"],
    ["  --Café  Økologisk--  ", "cafe-okologisk"],
    ["Công ty May Việt Nam", "cong-ty-may-viet-nam"],
    ["深圳市工厂", null],
    ["مصنع", null],
    ["AB", null],
    ["深圳 Holdings 2024", "holdings-2024"],
  ])("%j → %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it("cuts a long name at a hyphen within the limit", () => {
    const slug = slugFromName("International ".repeat(10))!;
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^international(-international)*$/);
  });
});

describe("slugProblem", () => {
  it.each([
    ["acme", null],
    ["acme-2", null],
    ["ac", "Use 3 to 60 characters."],
    ["Acme", expect.stringContaining("lower-case")],
    ["acme--x", expect.stringContaining("single hyphens")],
    ["-acme", expect.stringContaining("either end")],
    ["acme group", expect.stringContaining("no spaces")],
    ["0b6a3c1e-4b2d-4e8a-9f00-123456789abc", expect.stringContaining("identifier")],
  ])("%j", (slug, problem) => {
    expect(slugProblem(slug)).toEqual(problem);
  });
});

describe("slugCandidates", () => {
  it("numbers the base and stays within the limit", () => {
    const it = slugCandidates("a".repeat(60));
    expect(it.next().value).toBe("a".repeat(60));
    expect(it.next().value).toBe(`${"a".repeat(58)}-2`);
    expect(it.next().value).toBe(`${"a".repeat(58)}-3`);
  });
});
