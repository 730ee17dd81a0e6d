import { describe, expect, it } from "vitest";
import { prioritise, type EngagementCandidate } from "./prioritise";

const base: EngagementCandidate = {
  id: "x",
  name: "X",
  country: "BD",
  tier: 1,
  score: 60,
  coverage: "assessed",
  headline: null,
  evidenced: false,
  annualSpend: null,
  currency: null,
};
const c = (over: Partial<EngagementCandidate>): EngagementCandidate => ({ ...base, ...over });

describe("engagement list prioritisation", () => {
  it("puts an evidenced harm ahead of a higher but unevidenced score", () => {
    const out = prioritise([
      c({ id: "a", name: "Assessed high", score: 70, coverage: "assessed" }),
      c({ id: "b", name: "Evidenced high", score: 55, evidenced: true }),
    ]);
    expect(out.map((e) => e.id)).toEqual(["b", "a"]);
    expect(out[0]).toMatchObject({ severity: 3, likelihood: 1, leverage: 0.5, priority: 38 });
    expect(out[1]).toMatchObject({ severity: 3, likelihood: 0.4, priority: 15 });
  });

  it("treats a never-assessed supplier as likely, not as no risk", () => {
    const [never, assessed] = prioritise([
      c({ id: "n", name: "Never", score: 40, coverage: "not_assessed" }),
      c({ id: "s", name: "Assessed", score: 40, coverage: "assessed" }),
    ]);
    expect(never.id).toBe("n");
    expect(never.likelihood).toBe(0.8);
    expect(assessed.likelihood).toBe(0.4);
    expect(never.why).toContain("likelihood 0.8 (not assessed)");
    // A missing coverage is read as never assessed.
    expect(prioritise([c({ coverage: null })])[0].likelihood).toBe(0.8);
  });

  it("weights leverage by spend share within a currency and by tier, never across currencies", () => {
    const out = prioritise([
      c({ id: "big", name: "Big", annualSpend: 1_000_000, currency: "GBP" }),
      c({ id: "small", name: "Small", annualSpend: 100_000, currency: "GBP" }),
      c({ id: "usd", name: "Dollar", annualSpend: 10, currency: "USD" }),
      c({ id: "t3", name: "Tier three", annualSpend: 1_000_000, currency: "GBP", tier: 3 }),
    ]);
    const by = Object.fromEntries(out.map((e) => [e.id, e]));
    expect(by.big.leverage).toBe(1);
    // A tenth of the largest spend is floored at 0.3.
    expect(by.small.leverage).toBe(0.3);
    // The only USD supplier is the largest in its own currency.
    expect(by.usd.leverage).toBe(1);
    expect(by.t3.leverage).toBe(0.6);
    expect(by.small.why).toContain("spend share, tier 1");
  });

  it("says why in words and keeps the limit", () => {
    const many = Array.from({ length: 20 }, (_, i) => c({ id: `s${i}`, name: `S${i}`, score: 40 + i }));
    const out = prioritise(many, 5);
    expect(out).toHaveLength(5);
    expect(out[0].id).toBe("s19");
    expect(out[0].why).toBe(
      "severity 3 (high) × likelihood 0.4 (assessed) × leverage 0.5 (spend unknown, tier 1)",
    );
  });
});
