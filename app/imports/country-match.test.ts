import { describe, expect, it } from "vitest";
import { COUNTRIES } from "~/suppliers/countries";
import { foldCountry, matchCountry } from "./country-match";

describe("matchCountry", () => {
  it.each([
    ["Viet Nam", "VN"],
    ["Vietnam", "VN"],
    ["VN", "VN"],
    ["vn", "VN"],
    ["VNM", "VN"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["GB", "GB"],
    ["Great Britain", "GB"],
    ["Türkiye", "TR"],
    ["Turkiye", "TR"],
    ["Turkey", "TR"],
    ["TURKEY", "TR"],
    ["Côte d'Ivoire", "CI"],
    ["Côte d’Ivoire", "CI"],
    ["Cote d'Ivoire", "CI"],
    ["COTE D IVOIRE", "CI"],
    ["Ivory Coast", "CI"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["United States", "US"],
    ["United States of America", "US"],
    ["South Korea", "KR"],
    ["Korea, Republic of", "KR"],
    ["Republic of Korea", "KR"],
    ["North Korea", "KP"],
    ["Czechia", "CZ"],
    ["Czech Republic", "CZ"],
    ["Russia", "RU"],
    ["Russian Federation", "RU"],
    ["Myanmar", "MM"],
    ["Burma", "MM"],
    ["Hong Kong", "HK"],
    ["Democratic Republic of the Congo", "CD"],
    ["DRC", "CD"],
    ["Congo", "CG"],
    ["Saint Kitts and Nevis", "KN"],
    ["St. Kitts & Nevis", "KN"],
    ["The Netherlands", "NL"],
    ["the Gambia", "GM"],
    ["Deutschland", "DE"],
    ["España", "ES"],
    ["  Bangladesh  ", "BD"],
    ["bangladesh", "BD"],
    ["São Tomé & Príncipe", "ST"],
    ["Sao Tome and Principe", "ST"],
    ["Iran, Islamic Republic of", "IR"],
    ["Tanzania", "TZ"],
    ["Eswatini", "SZ"],
    ["Swaziland", "SZ"],
    ["Kosovo", "XK"],
  ])("%s → %s", (input, code) => {
    expect(matchCountry(input)).toBe(code);
  });

  it.each([[""], ["   "], ["Narnia"], ["XX"], ["Europe"], ["123"]])("%j is not a country", (input) => {
    expect(matchCountry(input)).toBeNull();
  });

  it("every country's own English name and code match it", () => {
    for (const { code, name } of COUNTRIES) {
      expect(matchCountry(name), name).toBe(code);
      expect(matchCountry(code), code).toBe(code);
    }
  });

  it("folds accents, case, punctuation and St.", () => {
    expect(foldCountry("  Côte d’Ivoire ")).toBe("cote divoire");
    expect(foldCountry("St. Lucia")).toBe("saint lucia");
    expect(foldCountry("Bosnia & Herzegovina")).toBe("bosnia and herzegovina");
  });
});
