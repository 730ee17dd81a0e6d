import { describe, expect, it } from "vitest";
import { isicCaption, normaliseSector, SECTOR_DEFINITIONS, SECTORS, sectorsBySection } from "./sectors";

describe("sectors (ISIC Rev. 4 based)", () => {
  it("keeps the values stored before the ISIC mapping", () => {
    for (const legacy of ["Agriculture", "Textiles and apparel", "Electronics", "Manufacturing", "Other"]) {
      expect(SECTORS).toContain(legacy);
    }
  });
  it("every value has a valid ISIC section and the groups cover every value once", () => {
    expect(new Set(SECTORS).size).toBe(SECTORS.length);
    expect(
      sectorsBySection()
        .flatMap((g) => g.sectors)
        .sort(),
    ).toEqual([...SECTORS].sort());
    for (const d of SECTOR_DEFINITIONS) expect(isicCaption(d.value)).toMatch(/^ISIC [A-U]/);
  });
  it.each([
    ["textiles AND apparel", "Textiles and apparel"],
    ["C", "Manufacturing"],
    ["ISIC b", "Mining"],
    ["Mining and quarrying", "Mining"],
    ["Transportation and storage", "Logistics"],
    ["Agriculture, forestry and fishing", "Agriculture"],
    ["Q", "Healthcare and medical supplies"],
    ["nonsense", null],
    ["", null],
  ])("normaliseSector(%j) → %j", (input, output) => expect(normaliseSector(input)).toBe(output));
});
