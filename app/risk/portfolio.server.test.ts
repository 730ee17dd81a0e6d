import { describe, expect, it } from "vitest";
import { createOrg, insertSupplier } from "../../test/factories";
import { engagementList, riskMatrix } from "./portfolio.server";

describe("portfolio risk matrix", () => {
  it("counts suppliers by inherent × residual level, with unscored and never-assessed apart", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const put = (
      inherentScore: number | null,
      residualScore: number | null,
      coverage = "assessed" as const,
    ) => insertSupplier(org.id, { inherentScore, residualScore, riskScore: residualScore, coverage });
    put(80, 80);
    put(80, 40);
    put(80, 40);
    put(10, 10);
    put(50, 74);
    insertSupplier(org.id, { inherentScore: 60, residualScore: 60, riskScore: 60, coverage: "not_assessed" });
    insertSupplier(org.id, { inherentScore: null, residualScore: null });
    // Another tenant's suppliers never count.
    insertSupplier(other.id, { inherentScore: 90, residualScore: 90, riskScore: 90, coverage: "assessed" });

    const m = riskMatrix(org.members.procurement.ctx);
    expect(m.cells.critical.critical).toBe(1);
    expect(m.cells.critical.medium).toBe(2);
    expect(m.cells.low.low).toBe(1);
    // Band edges: 50 is high, 74 still high; 60 is high.
    expect(m.cells.high.high).toBe(2);
    expect(m.unscored).toBe(1);
    expect(m.notAssessed).toBe(1);
    const total = Object.values(m.cells)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(6);
  });
});

describe("engagement list", () => {
  it("ranks the tenant's scored suppliers, evidenced harm first, and leaves unscored ones out", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const evidenced = insertSupplier(org.id, {
      name: "Evidenced mill",
      riskScore: 55,
      coverage: "assessed",
      riskHeadline: "red-flag answer: passports held by the employer",
    });
    const higher = insertSupplier(org.id, { name: "Quiet high", riskScore: 70, coverage: "assessed" });
    const never = insertSupplier(org.id, { name: "Never assessed", riskScore: 45, coverage: "not_assessed" });
    insertSupplier(org.id, { name: "Unscored", riskScore: null });
    insertSupplier(other.id, { name: "Other tenant", riskScore: 99, coverage: "assessed" });

    const list = engagementList(org.members.procurement.ctx);
    expect(list.map((e) => e.name)).toEqual(["Evidenced mill", "Never assessed", "Quiet high"]);
    expect(list[0]).toMatchObject({ id: evidenced.id, evidenced: true, likelihood: 1 });
    expect(list[1]).toMatchObject({ id: never.id, evidenced: false, likelihood: 0.8 });
    expect(list[2]).toMatchObject({ id: higher.id, likelihood: 0.4 });
    expect(engagementList(org.members.procurement.ctx, 1)).toHaveLength(1);
  });
});
