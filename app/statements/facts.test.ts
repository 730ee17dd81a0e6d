import { describe, expect, it } from "vitest";
import { computeStatementFacts, indicatorNumber, percent, type FactInputs } from "./facts";

const base: FactInputs = {
  period: { start: "2025-04-01", end: "2026-03-31" },
  asOf: "2026-06-01",
  suppliers: [],
  assignments: [],
  audits: [],
  findings: [],
  tasks: [],
};

describe("indicatorNumber", () => {
  it.each([
    ["7", 7],
    ["ILO 11", 11],
    ["3. Restriction of movement", 3],
    ["12", null],
    ["0", null],
    [null, null],
    ["", null],
  ])("%j → %s", (value, n) => expect(indicatorNumber(value)).toBe(n));
});

describe("computeStatementFacts", () => {
  it("reports nothing (and no rates) for an empty organisation", () => {
    const f = computeStatementFacts(base);
    expect(f.suppliers).toMatchObject({ total: 0, byTier: [], byCountry: [], byRiskLevel: [], highRisk: 0 });
    expect(f.questionnaires.responseRate).toBeNull();
    expect(f.remediation.completionRate).toBeNull();
    expect(f.findings.byGrade.map((g) => g.total)).toEqual([0, 0, 0, 0, 0]);
    expect(percent(f.questionnaires.responseRate)).toBe("n/a");
  });

  it("groups suppliers by country (names sorted, tiers split) and by tier and risk level", () => {
    const f = computeStatementFacts({
      ...base,
      suppliers: [
        { name: "Łódź Tekstil Sanayi A.Ş.", country: "TR", tier: 1, riskLevel: "high" },
        { name: "Anadolu Boya", country: "TR", tier: 2, riskLevel: null },
        { name: "深圳市工厂", country: "CN", tier: 1, riskLevel: "critical" },
        { name: "Hanoi Garments", country: "VN", tier: 3, riskLevel: "low" },
      ],
    });
    expect(f.suppliers.byCountry).toEqual([
      {
        country: "TR",
        countryName: "Türkiye",
        count: 2,
        tier1: 1,
        deeper: 1,
        names: ["Anadolu Boya", "Łódź Tekstil Sanayi A.Ş."],
      },
      { country: "CN", countryName: "China", count: 1, tier1: 1, deeper: 0, names: ["深圳市工厂"] },
      { country: "VN", countryName: "Vietnam", count: 1, tier1: 0, deeper: 1, names: ["Hanoi Garments"] },
    ]);
    expect(f.suppliers.byTier).toEqual([
      { tier: 1, count: 2 },
      { tier: 2, count: 1 },
      { tier: 3, count: 1 },
    ]);
    expect(f.suppliers.byRiskLevel).toEqual([
      { level: "low", count: 1 },
      { level: "high", count: 1 },
      { level: "critical", count: 1 },
      { level: "unscored", count: 1 },
    ]);
    expect(f.suppliers.highRisk).toBe(2);
  });

  it.each([
    // statuses sent → [sent, completed, accepted, revoked, rate]
    [
      ["sent", "submitted", "accepted", "returned"],
      [4, 2, 1, 0, 0.5],
    ],
    [
      ["revoked", "submitted"],
      [1, 1, 0, 1, 1],
    ],
    [
      ["sent", "in_progress"],
      [2, 0, 0, 0, 0],
    ],
  ] as const)("questionnaires %j", (statuses, [sent, completed, accepted, revoked, rate]) => {
    const f = computeStatementFacts({
      ...base,
      assignments: statuses.map((status, i) => ({ supplierId: `s${i % 2}`, status })),
    });
    expect(f.questionnaires).toMatchObject({ sent, completed, accepted, revoked, responseRate: rate });
  });

  it("counts findings by grade, remediation and red flags by ILO indicator", () => {
    const f = computeStatementFacts({
      ...base,
      audits: [
        { supplierId: "a", scheme: "SMETA" },
        { supplierId: "a", scheme: "RBA" },
        { supplierId: "b", scheme: "SMETA" },
      ],
      findings: [
        { grade: "zero_tolerance", status: "open", iloIndicator: "7" },
        { grade: "critical", status: "closed", iloIndicator: "9" },
        { grade: "minor", status: "open", iloIndicator: null },
      ],
      tasks: [
        { status: "open", dueDate: "2026-05-01", sourceType: "answer", iloIndicator: "7" },
        { status: "open", dueDate: "2026-07-01", sourceType: "answer", iloIndicator: "9" },
        { status: "completed", dueDate: "2026-01-01", sourceType: "finding", iloIndicator: "7" },
      ],
    });
    expect(f.audits).toEqual({
      total: 3,
      suppliersAudited: 2,
      byScheme: [
        { scheme: "RBA", count: 1 },
        { scheme: "SMETA", count: 2 },
      ],
    });
    expect(f.findings).toMatchObject({ total: 3, open: 2, closed: 1 });
    expect(f.findings.byGrade[0]).toEqual({ grade: "zero_tolerance", total: 1, open: 1 });
    expect(f.remediation).toEqual({ raised: 3, open: 2, completed: 1, overdue: 1, completionRate: 1 / 3 });
    // Finding-sourced tasks are not double-counted: the finding itself is the red flag.
    expect(f.redFlags.byIndicator).toEqual([
      { indicator: 7, name: "Retention of identity documents", answers: 1, findings: 1 },
      { indicator: 9, name: "Debt bondage", answers: 1, findings: 1 },
    ]);
    expect(f.redFlags.total).toBe(4);
  });
});
