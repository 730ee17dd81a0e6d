import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "~/suppliers/countries";
import { alpha2ForShape, NUMERIC_TO_ALPHA2 } from "./iso-numeric";

type Atlas = { objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } } };
const atlas = JSON.parse(
  fs.readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8"),
) as Atlas;

describe("ISO numeric → alpha-2", () => {
  it("covers exactly the officially assigned alpha-2 codes, once each, with three-digit numerics", () => {
    const alpha = [...NUMERIC_TO_ALPHA2.values()];
    expect(NUMERIC_TO_ALPHA2.size).toBe(249);
    expect(new Set(alpha).size).toBe(249);
    expect([...alpha].sort()).toEqual(COUNTRY_CODES.filter((c) => c !== "XK").sort());
    for (const numeric of NUMERIC_TO_ALPHA2.keys()) expect(numeric).toMatch(/^\d{3}$/);
  });

  it.each([
    ["840", "US"],
    ["826", "GB"],
    ["704", "VN"],
    ["156", "CN"],
    ["356", "IN"],
    ["050", "BD"],
    ["792", "TR"],
    ["384", "CI"],
    ["275", "PS"],
    ["158", "TW"],
    ["728", "SS"],
    ["729", "SD"],
    ["180", "CD"],
    ["178", "CG"],
    ["408", "KP"],
    ["410", "KR"],
    ["732", "EH"],
    ["4", "AF"],
    [36, "AU"],
  ])("%s → %s", (numeric, alpha2) => {
    expect(alpha2ForShape(numeric, undefined)).toBe(alpha2);
  });

  it("maps the shapes without an ISO number by name: Kosovo to XK, N. Cyprus and Somaliland to CY and SO", () => {
    expect(alpha2ForShape(undefined, "Kosovo")).toBe("XK");
    expect(alpha2ForShape(undefined, "N. Cyprus")).toBe("CY");
    expect(alpha2ForShape(undefined, "Somaliland")).toBe("SO");
    expect(alpha2ForShape(undefined, "Atlantis")).toBeNull();
    expect(alpha2ForShape("999", undefined)).toBeNull();
  });

  it("gives every world-atlas shape a code whose English name matches the atlas name", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    // Natural Earth abbreviates or uses other common names for these.
    const aliases: Record<string, string> = {
      "United States of America": "US",
      "W. Sahara": "EH",
      "Dem. Rep. Congo": "CD",
      Congo: "CG",
      "Central African Rep.": "CF",
      "Eq. Guinea": "GQ",
      "Dominican Rep.": "DO",
      "Solomon Is.": "SB",
      "Falkland Is.": "FK",
      "Fr. S. Antarctic Lands": "TF",
      "Bosnia and Herz.": "BA",
      Macedonia: "MK",
      "S. Sudan": "SS",
      "Trinidad and Tobago": "TT",
      Turkey: "TR",
      "Côte d'Ivoire": "CI",
      Palestine: "PS",
      "N. Cyprus": "CY",
      Somaliland: "SO",
      Myanmar: "MM",
    };
    const geometries = atlas.objects.countries.geometries;
    expect(geometries.length).toBeGreaterThan(170);
    for (const g of geometries) {
      const code = alpha2ForShape(g.id, g.properties.name);
      expect(code, g.properties.name).not.toBeNull();
      const expected = aliases[g.properties.name];
      if (expected) expect(code, g.properties.name).toBe(expected);
      else expect(names.of(code!)?.toLowerCase(), g.properties.name).toBe(g.properties.name.toLowerCase());
    }
  });
});
