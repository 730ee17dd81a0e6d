import { goodKey } from "~/suppliers/goods";
import { parseCsv } from "./csv";
import type { GoodInput } from "./model";

/**
 * Reference data the risk model reads (db/reference, public domain, see SOURCES.md there), parsed into
 * lookups. Pure: the .server module reads the files; tests build tables from strings.
 */

export const TIP_TIERS = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"] as const;
export type TipTier = (typeof TIP_TIERS)[number];

export type IlabGoodRow = {
  country: string;
  iso2: string;
  good: string;
  sector: string;
  childLabor: boolean;
  forcedLabor: boolean;
  forcedChildLabor: boolean;
  /** Made from inputs produced with child or forced labour (in derivedFrom). */
  derived: boolean;
  derivedFrom: string | null;
};

export type UflpaSector = { sector: string; keywords: string[]; addedOn: string };

/** The edition of every reference table, stored with each score and shown on the reference-data page. */
export type ReferenceEditions = {
  tip: string;
  ilabGoods: string;
  ilabCountry: string;
  uflpa: string;
  sectors: string;
};

export type ReferenceData = {
  editions: ReferenceEditions;
  tipEdition: number;
  /** iso2 → report year → placement. */
  tip: Map<string, Map<number, TipTier>>;
  /** iso2 → advancement level, as ILAB words it. */
  ilabCountry: Map<string, string>;
  /** goodKey(good) → rows for that good in every listed country. */
  ilabGoods: Map<string, IlabGoodRow[]>;
  uflpa: UflpaSector[];
};

const yes = (v: string | undefined) => v?.trim().toLowerCase() === "yes";

export function parseTipFullCsv(text: string): { edition: number; tip: ReferenceData["tip"] } {
  const tip = new Map<string, Map<number, TipTier>>();
  let edition = 0;
  for (const row of parseCsv(text)) {
    const year = Number(row.report_year);
    const code = row.iso2?.toUpperCase();
    const tier = row.tier as TipTier;
    if (!Number.isInteger(year) || !code || !TIP_TIERS.includes(tier)) {
      throw new Error(`tip-tiers-full.csv: unexpected row ${JSON.stringify(row)}`);
    }
    edition = Math.max(edition, year);
    let years = tip.get(code);
    if (!years) tip.set(code, (years = new Map()));
    years.set(year, tier);
  }
  if (!edition) throw new Error("tip-tiers-full.csv: no rows");
  return { edition, tip };
}

export function parseIlabGoodsCsv(text: string): ReferenceData["ilabGoods"] {
  const out = new Map<string, IlabGoodRow[]>();
  for (const r of parseCsv(text)) {
    if (!r.iso2 || !r.good) throw new Error(`ilab-goods.csv: unexpected row ${JSON.stringify(r)}`);
    const row: IlabGoodRow = {
      country: r.country,
      iso2: r.iso2.toUpperCase(),
      good: r.good,
      sector: r.sector,
      childLabor: yes(r.child_labor),
      forcedLabor: yes(r.forced_labor),
      forcedChildLabor: yes(r.forced_child_labor),
      derived: yes(r.derived_labor_exploitation),
      derivedFrom: r.derived_from_country && r.derived_from_country !== "No" ? r.derived_from_country : null,
    };
    const key = goodKey(row.good);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export function parseIlabCountryCsv(text: string): ReferenceData["ilabCountry"] {
  const out = new Map<string, string>();
  for (const r of parseCsv(text)) {
    if (r.iso2 && r.advancement_level) out.set(r.iso2.toUpperCase(), r.advancement_level);
  }
  return out;
}

export function parseUflpaCsv(text: string): UflpaSector[] {
  return parseCsv(text).map((r) => {
    if (!r.sector || !/^\d{4}-\d{2}-\d{2}$/.test(r.added_on ?? "")) {
      throw new Error(`uflpa-sectors.csv: unexpected row ${JSON.stringify(r)}`);
    }
    return {
      sector: r.sector,
      keywords: r.goods_keywords
        .split(";")
        .map((k) => goodKey(k))
        .filter(Boolean),
      addedOn: r.added_on,
    };
  });
}

/** The placement in the edition year, null when neither file holds one (never invented). */
export function tipPlacementOf(ref: ReferenceData, iso2: string): TipTier | null {
  return ref.tip.get(iso2.toUpperCase())?.get(ref.tipEdition) ?? null;
}

/** Placements of earlier report years, newest first (context for a change). */
export function tipEarlierOf(ref: ReferenceData, iso2: string): { year: number; tier: TipTier }[] {
  const years = ref.tip.get(iso2.toUpperCase());
  if (!years) return [];
  return [...years.entries()]
    .filter(([y]) => y < ref.tipEdition)
    .sort((a, b) => b[0] - a[0])
    .map(([year, tier]) => ({ year, tier }));
}

// goodKey (Unicode normalisation and regular expressions) for the same few hundred goods, 100k times in an
// organisation-wide recompute: remembered, and forgotten wholesale if free text ever makes it large.
const goodKeys = new Map<string, string>();
function goodKeyOf(good: string): string {
  let key = goodKeys.get(good);
  if (key === undefined) {
    if (goodKeys.size >= 10_000) goodKeys.clear();
    goodKeys.set(good, (key = goodKey(good)));
  }
  return key;
}

/** UFLPA high-priority sectors a good falls under (keyword containment on normalised words). */
export function uflpaSectorsFor(ref: ReferenceData, good: string): UflpaSector[] {
  const key = ` ${goodKeyOf(good)} `;
  return ref.uflpa.filter((s) => s.keywords.some((k) => key.includes(` ${k} `)));
}

/** The goods part of the model's inputs: each good matched by country × good, never silently dropped. */
export function resolveGoods(
  ref: ReferenceData,
  goods: readonly string[],
  countries: readonly string[],
): GoodInput[] {
  const ours = new Set(countries.map((c) => c.toUpperCase()));
  return goods.map((good) => resolveGood(ref, good, ours));
}

/** One good against the supplier's countries (upper-case iso2): its matches, or where else it is listed. */
export function resolveGood(ref: ReferenceData, good: string, ours: ReadonlySet<string>): GoodInput {
  const rows = ref.ilabGoods.get(goodKeyOf(good)) ?? [];
  const matches = rows
    .filter((r) => ours.has(r.iso2))
    .map((r) => ({
      good: r.good,
      iso2: r.iso2,
      countryName: r.country,
      childLabor: r.childLabor,
      forcedLabor: r.forcedLabor,
      forcedChildLabor: r.forcedChildLabor,
      derived: r.derived,
      derivedFrom: r.derivedFrom,
    }));
  return {
    good,
    ilabName: rows.length > 0,
    matches,
    listedElsewhere: matches.length ? [] : [...new Set(rows.map((r) => r.iso2))].sort(),
    uflpa: uflpaSectorsFor(ref, good).map((u) => ({ sector: u.sector, addedOn: u.addedOn })),
  };
}
