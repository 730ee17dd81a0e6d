import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import type { SortKey } from "./list-options";
import { listSuppliers, parseSupplierFilter, type SupplierFilter } from "./list.server";
import { createSupplier } from "./suppliers.server";

/** Walk every page forwards, then back again, and return the ids in order each way. */
function walk(ctx: Parameters<typeof listSuppliers>[0], filter: SupplierFilter, pageSize: number) {
  const forward: string[] = [];
  let page = listSuppliers(ctx, filter, pageSize);
  const total = page.total;
  const pages = [page];
  forward.push(...page.rows.map((r) => r.id));
  expect(page.prev).toBeNull();
  while (page.next) {
    page = listSuppliers(ctx, { ...filter, after: page.next, count: total }, pageSize);
    pages.push(page);
    forward.push(...page.rows.map((r) => r.id));
    expect(page.total).toBe(total);
  }
  const backward: string[] = [];
  let back = page;
  backward.unshift(...back.rows.map((r) => r.id));
  while (back.prev) {
    back = listSuppliers(ctx, { ...filter, before: back.prev, count: total }, pageSize);
    backward.unshift(...back.rows.map((r) => r.id));
  }
  return { forward, backward, total, pages: pages.length };
}

describe("listSuppliers (keyset pagination)", () => {
  it.each<[SortKey, "asc" | "desc"]>([
    ["name", "asc"],
    ["name", "desc"],
    ["risk", "desc"],
    ["risk", "asc"],
    ["spend", "desc"],
    ["spend", "asc"],
    ["updated", "desc"],
  ])("sort %s %s: every supplier exactly once, in order, forwards and backwards", async (sort, dir) => {
    const org = await createOrg();
    const ctx = org.members.executive.ctx;
    // Ties and empty values on purpose: same names, same scores, no score, no spend.
    for (let i = 0; i < 23; i++) {
      insertSupplier(org.id, {
        name: `Supplier ${i % 5}`,
        riskScore: i % 4 === 0 ? null : (i * 7) % 30,
        riskLevel: i % 4 === 0 ? null : "low",
        annualSpend: i % 3 === 0 ? null : (i % 6) * 1000,
        currency: i % 3 === 0 ? null : "EUR",
        updatedAt: new Date(Date.UTC(2026, 0, 1 + (i % 7))),
      });
    }
    const { forward, backward, total, pages } = walk(ctx, { sort, dir }, 5);
    expect(total).toBe(23);
    expect(pages).toBe(5);
    expect(new Set(forward).size).toBe(23);
    expect(backward).toEqual(forward);

    // The order is the documented one: by key (empty keys last), then id.
    const rows = db().select().from(suppliers).where(eq(suppliers.organizationId, org.id)).all();
    const key = (r: (typeof rows)[number]) =>
      sort === "name"
        ? r.name
        : sort === "risk"
          ? r.riskScore
          : sort === "spend"
            ? r.annualSpend
            : r.updatedAt.getTime();
    const sign = dir === "asc" ? 1 : -1;
    const expected = [...rows]
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null || kb === null) {
          if (ka !== kb) return ka === null ? 1 : -1;
        } else if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
        return (a.id < b.id ? -1 : 1) * sign;
      })
      .map((r) => r.id);
    expect(forward).toEqual(expected);
  });

  it("filters by search, country, tier, level, status, sector, goods and tag within the tenant", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.executive.ctx;
    const a = insertSupplier(org.id, {
      name: "Alpha Mill",
      tradeName: "Alphatex",
      externalRef: "ERP-7",
      country: "IN",
      status: "onboarding",
      sector: "Agriculture",
      goods: ["Cotton", "Rice"],
      tags: ["Strategic"],
      riskScore: 60,
      riskLevel: "high",
    });
    insertSupplier(org.id, { name: "Beta", country: "VN", parentId: a.id, tier: 2 });
    insertSupplier(other.id, {
      name: "Alpha elsewhere",
      country: "IN",
      goods: ["Cotton"],
      tags: ["Strategic"],
    });
    const names = (f: Record<string, string>) =>
      listSuppliers(ctx, parseSupplierFilter(new URLSearchParams(f))).rows.map((r) => r.name);
    expect(names({})).toEqual(["Alpha Mill", "Beta"]);
    expect(names({ q: "alphatex" })).toEqual(["Alpha Mill"]);
    expect(names({ q: "erp-7" })).toEqual(["Alpha Mill"]);
    expect(names({ q: "_" })).toEqual([]);
    expect(names({ country: "vn" })).toEqual(["Beta"]);
    expect(names({ tier: "2" })).toEqual(["Beta"]);
    expect(names({ level: "high" })).toEqual(["Alpha Mill"]);
    expect(names({ status: "onboarding" })).toEqual(["Alpha Mill"]);
    expect(names({ sector: "Agriculture" })).toEqual(["Alpha Mill"]);
    expect(names({ goods: "cotton" })).toEqual(["Alpha Mill"]);
    expect(names({ tag: "strategic" })).toEqual(["Alpha Mill"]);
    expect(names({ tag: "strategic", country: "VN" })).toEqual([]);
    // Nonsense in the URL is ignored, never an error.
    expect(names({ country: "ZZ", tier: "x", sort: "evil", after: "garbage", level: "bad" })).toEqual([
      "Alpha Mill",
      "Beta",
    ]);
    expect(listSuppliers(ctx).countries).toEqual(["IN", "VN"]);
  });

  it("first-page totals are memoised but follow the supplier verbs' changes", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const make = (name: string) =>
      createSupplier(ctx, {
        name,
        country: "VN",
        sector: "Agriculture",
        contactName: "A",
        contactEmail: "a@x.test",
      });
    make("One");
    expect(listSuppliers(ctx, { country: "VN" }).total).toBe(1);
    make("Two");
    expect(listSuppliers(ctx, { country: "VN" }).total).toBe(2);
  });

  it("a cursor of the wrong shape for the sort starts at the top", async () => {
    const org = await createOrg();
    insertSupplier(org.id, { name: "Only" });
    const ctx = org.members.executive.ctx;
    const byName = listSuppliers(ctx, { sort: "name" }, 1);
    expect(byName.next).toBeNull();
    const page = listSuppliers(ctx, {
      sort: "risk",
      after: Buffer.from('["Only","x"]').toString("base64url"),
    });
    expect(page.rows.map((r) => r.name)).toEqual(["Only"]);
  });
});
