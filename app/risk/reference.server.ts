import fs from "node:fs";
import path from "node:path";
import {
  parseIlabCountryCsv,
  parseIlabGoodsCsv,
  parseTipFullCsv,
  parseUflpaCsv,
  type ReferenceData,
} from "./reference";
import { SECTOR_TABLE_EDITION } from "./sector-baseline";

/** Editions of the ILAB files: the files carry no edition column, SOURCES.md records it. */
export const ILAB_GOODS_EDITION = "ILAB List of Goods, 2022 cycle (data files of 2023-08)";
export const ILAB_COUNTRY_EDITION = "ILAB Findings on the Worst Forms of Child Labor, 2022 cycle";

const read = (file: string) => fs.readFileSync(path.resolve(process.cwd(), "db/reference", file), "utf8");

/**
 * Read once per process from db/reference (shipped with the app; the server and vitest run from the
 * repository root). A missing or malformed file stops start-up instead of silently scoring every country
 * low.
 */
function load(): ReferenceData {
  const tip = parseTipFullCsv(read("tip-tiers-full.csv"));
  const uflpa = parseUflpaCsv(read("uflpa-sectors.csv"));
  const uflpaEdition = uflpa
    .map((u) => u.addedOn)
    .sort()
    .at(-1)!;
  return {
    editions: {
      tip: `TIP Report ${tip.edition} (all placements, tip-tiers-full.csv)`,
      ilabGoods: ILAB_GOODS_EDITION,
      ilabCountry: ILAB_COUNTRY_EDITION,
      uflpa: `UFLPA Strategy, high-priority sectors as of ${uflpaEdition}`,
      sectors: SECTOR_TABLE_EDITION,
    },
    tipEdition: tip.edition,
    tip: tip.tip,
    ilabCountry: parseIlabCountryCsv(read("ilab-country-advancement.csv")),
    ilabGoods: parseIlabGoodsCsv(read("ilab-goods.csv")),
    uflpa,
  };
}

let cached: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  return (cached ??= load());
}

/** Tests and the "load a new edition" path swap the tables in; the next recompute job uses them. */
export function setReferenceData(next: ReferenceData | null): void {
  cached = next;
}
