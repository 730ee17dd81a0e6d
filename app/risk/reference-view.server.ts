import { referenceData } from "./reference.server";

export type ReferenceTable = { key: string; title: string; edition: string; rows: number; source: string };

/** What /risk/reference lists: each table the model reads, its edition and size. */
export function referenceTables(): ReferenceTable[] {
  const ref = referenceData();
  let tipRows = 0;
  for (const years of ref.tip.values()) tipRows += years.size;
  let goodsRows = 0;
  for (const rows of ref.ilabGoods.values()) goodsRows += rows.length;
  return [
    {
      key: "tip",
      title: "Trafficking in Persons Report placements",
      edition: ref.editions.tip,
      rows: tipRows,
      source:
        "US Department of State (public domain). Tier 1 lists as published; lower placements from the CIA World Factbook; most Tier 2 rows of 2024–2025 derived by elimination (db/reference/tip-tiers-full-provenance.csv).",
    },
    {
      key: "ilabGoods",
      title: "List of Goods Produced by Child Labor or Forced Labor",
      edition: ref.editions.ilabGoods,
      rows: goodsRows,
      source: "US Department of Labor, ILAB (public domain). The 2024 list was not available as data.",
    },
    {
      key: "ilabCountry",
      title: "Findings on the Worst Forms of Child Labor (country assessments)",
      edition: ref.editions.ilabCountry,
      rows: ref.ilabCountry.size,
      source: "US Department of Labor, ILAB (public domain).",
    },
    {
      key: "uflpa",
      title: "UFLPA high-priority sectors",
      edition: ref.editions.uflpa,
      rows: ref.uflpa.length,
      source:
        "US DHS / Forced Labor Enforcement Task Force, UFLPA Strategy and updates (public domain). The UFLPA Entity List is not shipped.",
    },
    {
      key: "sectors",
      title: "Sector baseline",
      edition: ref.editions.sectors,
      rows: 0,
      source:
        "Clearsource calibration, ranked by the ILO/Walk Free/IOM Global Estimates of Modern Slavery 2022 and the ILAB list's entries per sector (see the model page).",
    },
  ];
}
