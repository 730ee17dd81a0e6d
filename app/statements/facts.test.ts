import { describe, expect, it } from "vitest";
import {
  compareFacts,
  computeStatementFacts,
  formatChange,
  formatIndicator,
  indicator,
  indicatorNumber,
  valueOf,
  type FactInputs,
} from "./facts";

// The year: 1 Dec 2025 – 30 Nov 2026.
const PERIOD = { start: "2025-12-01", end: "2026-11-30" };
const base: FactInputs = {
  period: PERIOD,
  asOf: "2027-01-15",
  suppliers: [],
  riskAtEnd: [],
  riskHistoryExists: false,
  assignments: [],
  audits: [],
  findings: [],
  actions: [],
};
const supplier = (id: string, tier = 1, country = "TR") => ({
  id,
  name: id,
  country,
  tier,
  addedOn: "2025-01-01",
});
const finding = (id: string, raisedOn: string, closedOn: string | null = null, grade = "major" as const) => ({
  id,
  supplierId: "s1",
  grade,
  iloIndicator: null,
  raisedOn,
  closedOn,
});
const action = (id: string, raisedOn: string, closedOn: string | null = null, extra = {}) => ({
  id,
  supplierId: "s1",
  sourceType: "finding" as const,
  sourceRef: `f-${id}`,
  iloIndicator: null,
  dueDate: "2026-12-31",
  raisedOn,
  closedOn,
  ...extra,
});

describe("indicatorNumber", () => {
  it.each([
    ["7", 7],
    ["ILO 11", 11],
    ["3. Restriction of movement", 3],
    ["12", null],
    [null, null],
  ])("%j → %s", (value, n) => expect(indicatorNumber(value)).toBe(n));
});

describe("a fact with no data says so instead of 0", () => {
  it("prints what is missing for an empty organisation, never a 0", () => {
    const f = computeStatementFacts(base);
    for (const i of f.indicators) {
      expect(i.value, i.key).toBeNull();
      expect(formatIndicator(i), i.key).not.toMatch(/^0/);
      expect(i.noData, i.key).toBeTruthy();
    }
    expect(formatIndicator(indicator(f, "questionnaires_sent"))).toBe(
      "No questionnaires were sent in the period.",
    );
    expect(formatIndicator(indicator(f, "suppliers_high_risk"))).toMatch(/No risk scores are stored/);
  });

  it("prints 0 when the records show it: audits took place and found nothing", () => {
    const f = computeStatementFacts({
      ...base,
      audits: [{ id: "a1", supplierId: "s1", scheme: "SMETA", auditDate: "2026-05-01" }],
    });
    expect(valueOf(f, "findings_raised")).toBe(0);
    expect(valueOf(f, "actions_raised")).toBe(0);
  });
});

describe("period boundaries (raised the day before, on, and after the period end)", () => {
  it.each([
    ["2026-11-29", true],
    ["2026-11-30", true],
    ["2026-12-01", false],
    ["2025-11-30", false],
    ["2025-12-01", true],
  ])("a finding raised on %s counts as raised in the period: %s", (day, inPeriod) => {
    const f = computeStatementFacts({ ...base, findings: [finding("f1", day)] });
    // Findings after the period end are never read (the query stops at the end), but the pure function
    // must not count them either.
    expect(valueOf(f, "findings_raised") ?? 0).toBe(inPeriod ? 1 : 0);
  });

  it.each([
    ["2026-11-29", 1, 0],
    ["2026-11-30", 1, 0],
    ["2026-12-01", 0, 1],
    [null, 0, 1],
  ])("a finding closed on %s: closed in period %s, open at period end %s", (closedOn, closed, open) => {
    const f = computeStatementFacts({ ...base, findings: [finding("f1", "2026-03-01", closedOn)] });
    expect(valueOf(f, "findings_closed")).toBe(closed);
    expect(valueOf(f, "findings_open_at_end")).toBe(open);
  });

  it("counts a finding raised before the period and closed in it as closed in the period, not raised", () => {
    const f = computeStatementFacts({ ...base, findings: [finding("f1", "2025-06-01", "2026-02-01")] });
    expect(valueOf(f, "findings_raised")).toBe(0);
    expect(valueOf(f, "findings_closed")).toBe(1);
    expect(valueOf(f, "findings_open_at_end")).toBe(0);
  });

  it.each([
    ["2026-11-29", 1],
    ["2026-11-30", 1],
    ["2026-12-01", 0],
  ])("a remediation action raised on %s counts as raised: %s", (day, n) => {
    const f = computeStatementFacts({
      ...base,
      audits: [{ id: "a1", supplierId: "s1", scheme: "SMETA", auditDate: "2026-05-01" }],
      actions: [action("t1", day)],
    });
    expect(valueOf(f, "actions_raised")).toBe(n);
  });

  it("judges overdue on the period end, not on the as-of date", () => {
    const f = computeStatementFacts({
      ...base,
      actions: [
        action("t1", "2026-01-10", null, { dueDate: "2026-11-29" }),
        action("t2", "2026-01-10", null, { dueDate: "2026-12-15" }),
      ],
    });
    expect(valueOf(f, "actions_open_at_end")).toBe(2);
    expect(valueOf(f, "actions_overdue_at_end")).toBe(1);
  });
});

describe("the issue's defects", () => {
  it("reports the open zero-tolerance finding of an in-period audit and that it had no action by the year end", () => {
    const f = computeStatementFacts({
      ...base,
      audits: [{ id: "a1", supplierId: "s1", scheme: "SMETA", auditDate: "2026-06-01" }],
      findings: [finding("z1", "2026-06-01", null, "zero_tolerance" as never)],
      // The action was only raised after the year end.
      actions: [action("late", "2026-12-05", null, { sourceRef: "z1" })],
    });
    expect(valueOf(f, "grave_findings_raised")).toBe(1);
    expect(valueOf(f, "grave_findings_with_action")).toBe(0);
    expect(valueOf(f, "actions_raised")).toBe(0);
    expect(valueOf(f, "findings_open_at_end")).toBe(1);
  });

  it("does not count closures after the year end: 'closed 2 of 5' becomes the period's own figure", () => {
    const f = computeStatementFacts({
      ...base,
      findings: [
        finding("a", "2026-01-01", "2026-03-01"),
        finding("b", "2026-01-01", "2026-12-10"),
        finding("c", "2026-01-01", "2027-01-02"),
        finding("d", "2026-01-01"),
        finding("e", "2026-01-01"),
      ],
    });
    expect(valueOf(f, "findings_raised")).toBe(5);
    expect(valueOf(f, "findings_closed")).toBe(1);
    expect(valueOf(f, "findings_open_at_end")).toBe(4);
  });

  it("takes risk levels from the history at the period end; suppliers with no score then are unscored", () => {
    const f = computeStatementFacts({
      ...base,
      suppliers: [supplier("s1"), supplier("s2"), supplier("s3")],
      riskAtEnd: [
        { supplierId: "s1", assessmentId: "r1", level: "high", computedOn: "2026-10-01" },
        { supplierId: "s2", assessmentId: "r2", level: "low", computedOn: "2026-02-01" },
      ],
      riskHistoryExists: true,
    });
    expect(valueOf(f, "suppliers_scored")).toBe(2);
    expect(valueOf(f, "suppliers_high_risk")).toBe(1);
    expect(f.riskAtEnd.byLevel).toEqual([
      { level: "low", count: 1 },
      { level: "high", count: 1 },
      { level: "unscored", count: 1 },
    ]);
  });

  it("says risk at the period end is unknown when history exists only after it", () => {
    const f = computeStatementFacts({ ...base, suppliers: [supplier("s1")], riskHistoryExists: true });
    expect(f.riskAtEnd.noHistory).toBe(true);
    expect(formatIndicator(indicator(f, "suppliers_high_risk"))).toBe(
      "No risk score is stored for any supplier on or before 2026-11-30.",
    );
  });

  it("does not count a minor payslip finding under red flags by ILO indicator; grave findings and answers count", () => {
    const f = computeStatementFacts({
      ...base,
      audits: [{ id: "a1", supplierId: "s1", scheme: "SMETA", auditDate: "2026-06-01" }],
      findings: [
        { ...finding("m1", "2026-06-01", null, "minor" as never), iloIndicator: "8" },
        { ...finding("z1", "2026-06-01", null, "zero_tolerance" as never), iloIndicator: "7" },
      ],
      actions: [action("t1", "2026-03-01", null, { sourceType: "answer", iloIndicator: "9" })],
    });
    expect(f.redFlags.byIndicator).toEqual([
      { indicator: 7, name: "Retention of identity documents", answers: 0, findings: 1 },
      { indicator: 9, name: "Debt bondage", answers: 1, findings: 0 },
    ]);
    expect(valueOf(f, "red_flags")).toBe(2);
  });
});

describe("year-over-year comparison", () => {
  it("compares each indicator with the earlier statement's", () => {
    const prev = computeStatementFacts({
      ...base,
      period: { start: "2024-12-01", end: "2025-11-30" },
      assignments: [
        { id: "q1", supplierId: "s1", status: "submitted", sentOn: "2025-01-01", submittedOn: "2025-02-01" },
        { id: "q2", supplierId: "s2", status: "sent", sentOn: "2025-01-01", submittedOn: null },
      ],
    });
    const cur = computeStatementFacts({
      ...base,
      assignments: [
        { id: "q3", supplierId: "s1", status: "accepted", sentOn: "2026-01-01", submittedOn: "2026-02-01" },
        { id: "q4", supplierId: "s2", status: "submitted", sentOn: "2026-01-01", submittedOn: "2026-03-01" },
        { id: "q5", supplierId: "s3", status: "submitted", sentOn: "2026-01-01", submittedOn: "2026-12-03" },
      ],
    });
    const rows = compareFacts(cur, prev);
    const rate = rows.find((r) => r.key === "questionnaire_response_rate")!;
    expect([rate.current, rate.previous, formatChange(rate)]).toEqual(["67 %", "50 %", "+17 pts"]);
    const sent = rows.find((r) => r.key === "questionnaires_sent")!;
    expect(formatChange(sent)).toBe("+1");
    expect(formatChange(rows.find((r) => r.key === "audits")!)).toBe("—");
  });
});
