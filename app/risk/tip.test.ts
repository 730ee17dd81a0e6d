import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { parseTipCsv, tipPlacement, tipSourceText, TIP_NOT_LISTED } from "./tip";
import { countryTip, tipTable } from "./tip.server";

describe("parseCsv", () => {
  it("reads CRLF, LF, quoted fields and a missing final newline", () => {
    expect(parseCsv('a,b\r\n1,"x, ""y"""\n2,z')).toEqual([
      { a: "1", b: 'x, "y"' },
      { a: "2", b: "z" },
    ]);
  });
});

describe("TIP tiers", () => {
  const table = parseTipCsv(
    "report_year,country,iso2,tier\r\n2024,E,EE,Tier 3\r\n2025,E,EE,Tier 3\r\n2024,A,AA,Tier 3\r\n2025,A,AA,Tier 2 Watch List\r\n2024,B,BB,Tier 3\r\n2025,C,CC,Special Case",
  );

  it.each([
    ["AA", "Tier 2 Watch List", "TIP Report 2025: Tier 2 Watch List (earlier: 2024: Tier 3)"],
    ["EE", "Tier 3", "TIP Report 2025: Tier 3"],
    ["BB", null, `TIP Report 2025: ${TIP_NOT_LISTED} (earlier: 2024: Tier 3)`],
    ["CC", "Special Case", "TIP Report 2025: Special Case"],
    ["DE", null, "TIP Report 2025: Tier 1 or 2 (not on the Watch List)"],
  ])("%s → %s", (code, tier, text) => {
    const p = tipPlacement(table, code);
    expect(p.tier).toBe(tier);
    expect(tipSourceText(p)).toBe(text);
  });

  it("refuses a tier the source does not list", () => {
    expect(() => parseTipCsv("report_year,country,iso2,tier\n2025,A,AA,Tier 1")).toThrow(/unexpected row/);
  });

  it("loads the shipped file: latest edition 2025", () => {
    expect(tipTable().edition).toBe(2025);
    expect(countryTip("CN").tier).toBe("Tier 3");
    expect(countryTip("BR").tier).toBe("Tier 2 Watch List");
    expect(countryTip("YE").tier).toBe("Special Case");
    expect(countryTip("GB").tier).toBeNull();
  });
});
