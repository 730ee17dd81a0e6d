import { describe, expect, it } from "vitest";
import { parseSiteRow } from "./rows.server";

const M = {
  supplier_ref: 0,
  site_name: 1,
  country: 2,
  migrant_workers_pct: 3,
  housing: 4,
  xinjiang_nexus: 5,
  latitude: 6,
  longitude: 7,
};
const row = (...cells: string[]) => parseSiteRow(cells, M);

describe("parseSiteRow", () => {
  it.each([
    [
      ["S-1", "Plant", "China", "35 %", "Yes", "", "", ""],
      { country: "CN", migrantWorkersPct: 35, dormitories: true, xinjiangNexus: false },
    ],
    [
      ["S-1", "Plant", "vn", "12,5", "n", "1", "", ""],
      { country: "VN", migrantWorkersPct: 12.5, dormitories: false, xinjiangNexus: true },
    ],
    [
      ["S-1", "Plant", "Türkiye", "", "", "no", "41.0", "29.0"],
      { country: "TR", migrantWorkersPct: null, dormitories: null, latitude: 41, longitude: 29 },
    ],
  ])("reads %j", (cells, expected) => {
    const r = row(...cells);
    expect(r.errors).toEqual([]);
    expect(r.site).toMatchObject(expected);
  });

  it.each([
    [["", "Plant", "CN", "", "", "", "", ""], "Supplier reference is blank."],
    [["S-1", "", "CN", "", "", "", "", ""], "Site name: Enter the site's name."],
    [["S-1", "Plant", "", "", "", "", "", ""], "Country is blank."],
    [
      ["S-1", "Plant", "Narnia", "", "", "", "", ""],
      'Country "Narnia" is not a country we know (use a name or ISO code).',
    ],
    [["S-1", "Plant", "CN", "-5", "", "", "", ""], "Migrant workers (%): Enter a share from 0 to 100 %."],
    [["S-1", "Plant", "CN", "lots", "", "", "", ""], "Migrant workers (%): Enter a share from 0 to 100 %."],
    [
      ["S-1", "Plant", "CN", "", "sometimes", "", "", ""],
      'Employer-provided housing (yes/no): "sometimes" is not yes or no (leave it blank when unknown).',
    ],
    [
      ["S-1", "Plant", "CN", "", "", "", "41", ""],
      "Longitude: Enter both latitude and longitude, or neither.",
    ],
  ])("refuses %j with one message naming the column", (cells, message) => {
    const r = row(...cells);
    expect(r.site).toBeNull();
    expect(r.errors).toEqual([message]);
  });

  it("strips the formula guard of our own error report", () => {
    expect(row("S-1", "'=Plant", "CN", "", "", "", "", "").site?.name).toBe("=Plant");
  });
});
