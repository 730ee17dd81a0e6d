import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { levelFor } from "~/risk/model";
import { countryName } from "~/suppliers/countries";
import { sites, suppliers } from "~db/schema";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import { worldShapes } from "./world-shapes.server";

export type CountryStat = {
  code: string;
  name: string;
  count: number;
  /** The highest risk level among the country's scored suppliers; null when none is scored yet. */
  maxLevel: RiskLevel | null;
  /** Suppliers there never assessed (no accepted self-assessment, no recent audit). */
  notAssessed: number;
};

/**
 * Supplier count and highest risk level per country: one GROUP BY over the tenant's suppliers.
 * risk_level is always levelFor(risk_score) (app/risk), so the highest level is the level of the highest
 * score, which the (organization_id, country, risk_score, …) index answers without reading the table.
 */
export function countryStats(ctx: Ctx): CountryStat[] {
  return db()
    .select({
      code: suppliers.country,
      count: sql<number>`count(*)`,
      maxScore: sql<number | null>`max(${suppliers.riskScore})`,
      notAssessed: sql<number>`sum(${suppliers.coverage} = 'not_assessed')`,
    })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .groupBy(suppliers.country)
    .all()
    .map((r) => ({
      code: r.code,
      name: countryName(r.code),
      count: r.count,
      maxLevel: r.maxScore === null ? null : levelFor(r.maxScore),
      notAssessed: r.notAssessed ?? 0,
    }));
}

export type SiteDot = { x: number; y: number; count: number };

/** At most this many dots: sites are snapped to a one-degree grid, so a dense region stays one dot each. */
export const MAX_SITE_DOTS = 1500;

export type SiteDots = {
  dots: SiteDot[];
  /** All sites with coordinates. */
  located: number;
  /** Those inside the drawn dots (fewer than located only past MAX_SITE_DOTS grid cells). */
  shown: number;
};

/**
 * Sites with coordinates as dots. A separate request from the country figures: it reads every located
 * site of the tenant (tens of thousands at scale), so the map paints first and the dots follow.
 */
export function siteDots(ctx: Ctx): SiteDots {
  const { project } = worldShapes();
  const cells = db()
    .select({
      lat: sql<number>`round(${sites.latitude})`,
      lon: sql<number>`round(${sites.longitude})`,
      count: sql<number>`count(*)`,
    })
    .from(sites)
    .where(
      and(
        eq(sites.organizationId, ctx.organizationId),
        isNotNull(sites.latitude),
        isNotNull(sites.longitude),
      ),
    )
    .groupBy(sql`1`, sql`2`)
    .all()
    .sort((a, b) => b.count - a.count || a.lat - b.lat || a.lon - b.lon);
  const dots: SiteDot[] = [];
  let located = 0;
  let shown = 0;
  for (const c of cells) {
    located += c.count;
    if (dots.length >= MAX_SITE_DOTS) continue;
    const p = project(c.lon, c.lat);
    if (!p) continue;
    dots.push({ x: p[0], y: p[1], count: c.count });
    shown += c.count;
  }
  return { dots, located, shown };
}

export type WorldMapData = {
  width: number;
  height: number;
  /** Every drawn country, with its figures (count 0 when the tenant has no supplier there). */
  countries: (CountryStat & { d: string })[];
  /** Countries with suppliers but no outline at this scale (small islands, city states): listed instead. */
  undrawn: CountryStat[];
  totalSuppliers: number;
  maxCount: number;
};

/** The world map page: cached outlines joined with this tenant's per-country figures. */
export function worldMapData(ctx: Ctx): WorldMapData {
  const shapes = worldShapes();
  const stats = countryStats(ctx);
  const byCode = new Map(stats.map((s) => [s.code, s]));
  const countries = shapes.countries.map((c) => {
    const s = byCode.get(c.code);
    return {
      code: c.code,
      name: c.name,
      d: c.d,
      count: s?.count ?? 0,
      maxLevel: s?.maxLevel ?? null,
      notAssessed: s?.notAssessed ?? 0,
    };
  });
  const undrawn = stats
    .filter((s) => !shapes.drawn.has(s.code))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"));
  return {
    width: shapes.width,
    height: shapes.height,
    countries,
    undrawn,
    totalSuppliers: stats.reduce((n, s) => n + s.count, 0),
    maxCount: stats.reduce((m, s) => Math.max(m, s.count), 0),
  };
}
