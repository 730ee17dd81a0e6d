import { describe, expect, it } from "vitest";
import { writeTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { sites, supplierLinks } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { organisationGraph, parseOrgGraphQuery, supplierGraph } from "./graph-data.server";
import { BUYER_NODE_ID, GRAPH_NODE_CAP, tooLargeMessage } from "./graph-types";
import { countryStats, MAX_SITE_DOTS, siteDots, worldMapData } from "./map-data.server";
import { worldShapes } from "./world-shapes.server";

describe("world shapes", () => {
  it("draws the big sourcing countries once each and is computed once per process", () => {
    const shapes = worldShapes();
    for (const code of ["CN", "IN", "BD", "VN", "TR", "US", "BR", "GB", "XK", "CY", "SO"]) {
      expect(shapes.drawn.has(code), code).toBe(true);
    }
    expect(shapes.drawn.has("AQ")).toBe(false);
    expect(new Set(shapes.countries.map((c) => c.code)).size).toBe(shapes.countries.length);
    for (const c of shapes.countries) expect(c.d).toMatch(/^M[\d.-]/);
    expect(worldShapes()).toBe(shapes);
  });

  it("projects coordinates onto the map: Hanoi is east of London, and south of it", () => {
    const { project, width, height } = worldShapes();
    const hanoi = project(105.8, 21.0)!;
    const london = project(-0.1, 51.5)!;
    expect(hanoi[0]).toBeGreaterThan(london[0]);
    expect(hanoi[1]).toBeGreaterThan(london[1]);
    for (const [x, y] of [hanoi, london]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height);
    }
  });
});

describe("country statistics", () => {
  it("counts suppliers per country with the highest risk level, and only the tenant's own", async () => {
    const a = await createOrg();
    const b = await createOrg();
    insertSupplier(a.id, { country: "VN", riskLevel: "low", riskScore: 10 });
    insertSupplier(a.id, { country: "VN", riskLevel: "critical", riskScore: 90 });
    insertSupplier(a.id, { country: "VN", riskLevel: "medium", riskScore: 40 });
    insertSupplier(a.id, { country: "BD", riskLevel: "high", riskScore: 70 });
    insertSupplier(a.id, { country: "BD", riskLevel: null, riskScore: null, coverage: "not_assessed" });
    insertSupplier(a.id, { country: "SG" });
    insertSupplier(b.id, { country: "VN", riskLevel: "low", riskScore: 10 });
    insertSupplier(b.id, { country: "CN", riskLevel: "critical", riskScore: 90 });

    const stats = countryStats(a.members.executive.ctx).sort((x, y) => x.code.localeCompare(y.code));
    expect(stats).toEqual([
      { code: "BD", name: "Bangladesh", count: 2, maxLevel: "high", notAssessed: 1 },
      { code: "SG", name: "Singapore", count: 1, maxLevel: null, notAssessed: 0 },
      { code: "VN", name: "Vietnam", count: 3, maxLevel: "critical", notAssessed: 0 },
    ]);
    expect(countryStats(b.members.executive.ctx).map((s) => [s.code, s.count, s.maxLevel])).toEqual(
      expect.arrayContaining([
        ["VN", 1, "low"],
        ["CN", 1, "critical"],
      ]),
    );
  });

  it("joins the figures onto every drawn country and lists small countries without an outline", async () => {
    const a = await createOrg();
    insertSupplier(a.id, { country: "VN", riskLevel: "high", riskScore: 60 });
    insertSupplier(a.id, { country: "VN", riskLevel: "low", riskScore: 10 });
    insertSupplier(a.id, { country: "SG", riskLevel: "medium", riskScore: 40 });
    insertSupplier(a.id, { country: "MU", riskLevel: "low", riskScore: 10 });
    const data = worldMapData(a.members.auditor.ctx);
    expect(data.countries.length).toBe(worldShapes().countries.length);
    expect(data.countries.find((c) => c.code === "VN")).toMatchObject({ count: 2, maxLevel: "high" });
    expect(data.countries.find((c) => c.code === "FR")).toMatchObject({ count: 0, maxLevel: null });
    expect(data.undrawn.map((c) => c.code).sort()).toEqual(["MU", "SG"]);
    expect(data.totalSuppliers).toBe(4);
    expect(data.maxCount).toBe(2);
    expect(siteDots(a.members.auditor.ctx)).toEqual({ dots: [], located: 0, shown: 0 });
  });

  it("shows sites with coordinates as dots, one per grid cell, and none of another tenant's", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const s = insertSupplier(a.id, { country: "VN" });
    const foreign = insertSupplier(b.id, { country: "BR" });
    writeTx((tx) => {
      tx.insert(sites)
        .values([
          {
            organizationId: a.id,
            supplierId: s.id,
            name: "Hanoi 1",
            country: "VN",
            latitude: 21.02,
            longitude: 105.84,
          },
          {
            organizationId: a.id,
            supplierId: s.id,
            name: "Hanoi 2",
            country: "VN",
            latitude: 21.1,
            longitude: 105.9,
          },
          {
            organizationId: a.id,
            supplierId: s.id,
            name: "HCMC",
            country: "VN",
            latitude: 10.8,
            longitude: 106.7,
          },
          { organizationId: a.id, supplierId: s.id, name: "No coordinates", country: "VN" },
          {
            organizationId: b.id,
            supplierId: foreign.id,
            name: "Rio",
            country: "BR",
            latitude: -22.9,
            longitude: -43.2,
          },
        ])
        .run();
    });
    const data = siteDots(a.members.procurement.ctx);
    expect(data.located).toBe(3);
    expect(data.shown).toBe(3);
    expect(data.dots.map((d) => d.count)).toEqual([2, 1]);
    expect(siteDots(b.members.procurement.ctx).located).toBe(1);
  });
});

describe("site dots at scale", () => {
  it("draws at most MAX_SITE_DOTS places, the densest first, and still counts every located site", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { country: "CN" });
    const rows = Array.from({ length: MAX_SITE_DOTS + 10 }, (_, i) => ({
      organizationId: org.id,
      supplierId: s.id,
      name: `Site ${i}`,
      country: "CN",
      latitude: -50 + Math.floor(i / 100),
      longitude: -170 + (i % 100) * 3,
    }));
    // Three more sites in the first cell make it the densest.
    rows.push(...[1, 2, 3].map((k) => ({ ...rows[0], name: `Extra ${k}` })));
    writeTx((tx) => {
      for (let i = 0; i < rows.length; i += 200)
        tx.insert(sites)
          .values(rows.slice(i, i + 200))
          .run();
    });
    const data = siteDots(org.members.admin.ctx);
    expect(data.located).toBe(MAX_SITE_DOTS + 13);
    expect(data.dots).toHaveLength(MAX_SITE_DOTS);
    expect(data.dots[0].count).toBe(4);
    expect(data.shown).toBe(MAX_SITE_DOTS + 3);
  });
});

/** buyer → t1a → t2 → t3 → t4, buyer → t1b → t2; plus another tenant's chain. */
async function chain() {
  const org = await createOrg();
  const other = await createOrg();
  const t1a = insertSupplier(org.id, {
    name: "Alpha Tier One",
    tier: 1,
    country: "GB",
    riskLevel: "low",
    riskScore: 10,
  });
  const t1b = insertSupplier(org.id, {
    name: "Beta Tier One",
    tier: 1,
    country: "TR",
    riskLevel: "medium",
    riskScore: 40,
  });
  const t2 = insertSupplier(org.id, {
    name: "Gamma Mill",
    tier: 2,
    parentId: t1a.id,
    country: "BD",
    riskLevel: "high",
    riskScore: 60,
  });
  // A second parent for the tier-2 mill.
  writeTx((tx) =>
    tx
      .insert(supplierLinks)
      .values({ organizationId: org.id, parentSupplierId: t1b.id, childSupplierId: t2.id })
      .run(),
  );
  const t3 = insertSupplier(org.id, {
    name: "Delta Spinner",
    tier: 3,
    parentId: t2.id,
    country: "CN",
    riskLevel: "critical",
    riskScore: 90,
  });
  const t4 = insertSupplier(org.id, { name: "Epsilon Farm", tier: 4, parentId: t3.id, country: "CN" });
  const foreign = insertSupplier(other.id, { name: "Foreign Co", tier: 1 });
  return { org, other, t1a, t1b, t2, t3, t4, foreign };
}

describe("supplierGraph", () => {
  it("draws parents up to the buyer and sub-suppliers down to the chosen depth", async () => {
    const { org, t1a, t1b, t2, t3, t4 } = await chain();
    const g = supplierGraph(org.members.auditor.ctx, t2.id, { depth: 1 });
    expect(g.supplier.name).toBe("Gamma Mill");
    expect(g.view.status).toBe("ok");
    if (g.view.status !== "ok") return;
    const ids = g.view.nodes.map((n) => n.id).sort();
    expect(ids).toEqual([BUYER_NODE_ID, t1a.id, t1b.id, t2.id, t3.id].sort());
    expect(g.view.focusId).toBe(t2.id);
    expect(g.view.edges).toEqual(
      expect.arrayContaining([
        { from: BUYER_NODE_ID, to: t1a.id },
        { from: BUYER_NODE_ID, to: t1b.id },
        { from: t1a.id, to: t2.id },
        { from: t1b.id, to: t2.id },
        { from: t2.id, to: t3.id },
      ]),
    );
    expect(g.view.edges).toHaveLength(5);
    expect(g.view.nodes.find((n) => n.id === t3.id)).toMatchObject({ column: 3, riskLevel: "critical" });
    expect(g.view.nodes.find((n) => n.id === BUYER_NODE_ID)).toMatchObject({ column: 0, label: org.name });
    expect([g.upstreamCount, g.downstreamCount]).toEqual([1, 2]);

    const deeper = supplierGraph(org.members.auditor.ctx, t2.id, { depth: 4 });
    expect(deeper.view.status === "ok" && deeper.view.nodes.some((n) => n.id === t4.id)).toBe(true);
  });

  it("answers 404 for another tenant's supplier", async () => {
    const { other, t2 } = await chain();
    expect(() => supplierGraph(other.members.admin.ctx, t2.id, { depth: 2 })).toThrow(NotFoundError);
  });

  it("counts instead of drawing when the sub-suppliers exceed the cap", async () => {
    const org = await createOrg();
    const root = insertSupplier(org.id, { name: "Hub" });
    for (let i = 0; i < GRAPH_NODE_CAP + 5; i++) insertSupplier(org.id, { tier: 2, parentId: root.id });
    const g = supplierGraph(org.members.admin.ctx, root.id, { depth: 1 });
    expect(g.view).toEqual({
      status: "too-large",
      count: GRAPH_NODE_CAP + 1,
      cap: GRAPH_NODE_CAP,
      exact: false,
    });
    if (g.view.status === "too-large") {
      expect(tooLargeMessage(g.view, "upstream of Hub")).toBe(
        "More than 300 suppliers upstream of Hub — too many to draw (the limit is 300); showing none.",
      );
    }
  });
});

describe("organisationGraph", () => {
  it("draws every supplier down to the chosen tier, with the buyer as the root", async () => {
    const { org, t1a, t1b, t2 } = await chain();
    const g = organisationGraph(org.members.executive.ctx, parseOrgGraphQuery(new URLSearchParams("tier=2")));
    expect(g.matching).toBe(3);
    expect(g.view.status).toBe("ok");
    if (g.view.status !== "ok") return;
    expect(g.view.nodes.map((n) => n.id).sort()).toEqual([BUYER_NODE_ID, t1a.id, t1b.id, t2.id].sort());
    expect(g.view.edges).toHaveLength(4);
    expect(g.view.nodes.some((n) => n.label === "Foreign Co")).toBe(false);
    expect(g.countries.map((c) => c.code).sort()).toEqual(["BD", "CN", "GB", "TR"]);
  });

  it("filters by country and risk level", async () => {
    const { org, t3 } = await chain();
    const ctx = org.members.executive.ctx;
    const cn = organisationGraph(ctx, parseOrgGraphQuery(new URLSearchParams("tier=4&country=cn")));
    expect(cn.matching).toBe(2);
    const critical = organisationGraph(ctx, parseOrgGraphQuery(new URLSearchParams("tier=4&level=critical")));
    expect(critical.view.status === "ok" && critical.view.nodes.map((n) => n.id)).toEqual([t3.id]);
  });

  it("opens at the deepest tier that fits under the cap when no tier is asked for", async () => {
    const { org, t4 } = await chain();
    const g = organisationGraph(org.members.executive.ctx, parseOrgGraphQuery(new URLSearchParams()));
    expect(g.query.tier).toBe(4);
    expect(g.view.status === "ok" && g.view.nodes.some((n) => n.id === t4.id)).toBe(true);

    // Tier 1 alone fits, tiers 1-2 do not: the page opens at tier 1 rather than drawing nothing.
    const big = await createOrg();
    const root = insertSupplier(big.id, { tier: 1 });
    for (let i = 0; i < GRAPH_NODE_CAP; i++) insertSupplier(big.id, { tier: 2, parentId: root.id });
    const capped = organisationGraph(big.members.executive.ctx, parseOrgGraphQuery(new URLSearchParams()));
    expect(capped.query.tier).toBe(1);
    expect(capped.view.status).toBe("ok");
  });

  it("ignores invalid query values rather than failing", () => {
    expect(parseOrgGraphQuery(new URLSearchParams("tier=9&country=ZZ&level=extreme"))).toEqual({
      tier: undefined,
      country: undefined,
      level: undefined,
    });
  });

  it("refuses to draw more than the cap and says how many there are", async () => {
    const org = await createOrg();
    for (let i = 0; i < GRAPH_NODE_CAP + 1; i++) insertSupplier(org.id, { country: i % 2 ? "VN" : "KH" });
    const ctx = org.members.executive.ctx;
    const g = organisationGraph(ctx, parseOrgGraphQuery(new URLSearchParams("tier=1")));
    expect(g.view).toEqual({ status: "too-large", count: 301, cap: 300, exact: true });
    if (g.view.status === "too-large") {
      expect(tooLargeMessage(g.view, "at tier 1")).toBe(
        "301 suppliers at tier 1 — too many to draw (the limit is 300); showing none.",
      );
    }
    const narrowed = organisationGraph(ctx, parseOrgGraphQuery(new URLSearchParams("tier=1&country=VN")));
    expect(narrowed.view.status).toBe("ok");
    expect(narrowed.matching).toBe(150);
  });
});
