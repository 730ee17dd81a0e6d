import { parseCsv } from "./csv";

/** The only placements the source lists; Tier 1 and plain Tier 2 are never in the file. */
export const TIP_LISTED_TIERS = ["Tier 2 Watch List", "Tier 3", "Special Case"] as const;
export type TipListedTier = (typeof TIP_LISTED_TIERS)[number];

/** What the file lets us say about a country absent from a report year, word for word. */
export const TIP_NOT_LISTED = "Tier 1 or 2 (not on the Watch List)";

export type TipTable = {
  /** The latest report year in the file: the edition every country is judged by. */
  edition: number;
  /** iso2 → report year → listed tier. */
  byCountry: Map<string, Map<number, TipListedTier>>;
};

export type TipPlacement = {
  edition: number;
  /** null = absent from the edition's list, i.e. Tier 1 or 2 (not on the Watch List). */
  tier: TipListedTier | null;
  /** Earlier listings (newest first), shown for context only. */
  earlier: { year: number; tier: TipListedTier }[];
};

export function parseTipCsv(text: string): TipTable {
  const byCountry = new Map<string, Map<number, TipListedTier>>();
  let edition = 0;
  for (const row of parseCsv(text)) {
    const year = Number(row.report_year);
    const code = row.iso2?.toUpperCase();
    const tier = row.tier as TipListedTier;
    if (!Number.isInteger(year) || !code || !TIP_LISTED_TIERS.includes(tier)) {
      throw new Error(`tip-tiers.csv: unexpected row ${JSON.stringify(row)}`);
    }
    edition = Math.max(edition, year);
    let years = byCountry.get(code);
    if (!years) byCountry.set(code, (years = new Map()));
    years.set(year, tier);
  }
  if (!edition) throw new Error("tip-tiers.csv: no rows");
  return { edition, byCountry };
}

/**
 * The country's placement in the latest edition. A country listed in an earlier report but absent from
 * the latest one moved off the lower placements (or was not covered), so the earlier listing must not score.
 */
export function tipPlacement(table: TipTable, countryCode: string): TipPlacement {
  const years = table.byCountry.get(countryCode.toUpperCase());
  const earlier = years
    ? [...years.entries()]
        .filter(([y]) => y < table.edition)
        .sort((a, b) => b[0] - a[0])
        .map(([year, tier]) => ({ year, tier }))
    : [];
  return { edition: table.edition, tier: years?.get(table.edition) ?? null, earlier };
}

/**
 * "TIP Report 2025: Tier 3" or "TIP Report 2025: Tier 1 or 2 (not on the Watch List)". Earlier listings
 * are mentioned only when they differ from the current placement, as context for a change.
 */
export function tipSourceText(p: TipPlacement): string {
  const main = `TIP Report ${p.edition}: ${p.tier ?? TIP_NOT_LISTED}`;
  const changed = p.earlier.filter((e) => e.tier !== p.tier);
  if (!changed.length) return main;
  return `${main} (earlier: ${changed.map((e) => `${e.year}: ${e.tier}`).join(", ")})`;
}
