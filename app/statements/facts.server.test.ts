import { describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { audits, findings, remediationTasks, riskAssessments } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { listsEveryRecord, recordCount, recordList, type IndicatorKey, type StatementFacts } from "./facts";
import { gatherStatementFacts, type FactsOptions } from "./facts.server";

/**
 * The figures a director signs must be the same whether the facts list every record (CSV annex, approval)
 * or count in the database and list the first few (PDF, page), and true to the period at its boundaries.
 */

// The year: 1 Dec 2025 – 30 Nov 2026.
const PERIOD = { start: "2025-12-01", end: "2026-11-30" };
const AS_OF = new Date("2027-01-10T00:00:00Z");
const utc = (iso: string) => new Date(`${iso}Z`);

const MODES: [string, FactsOptions][] = [
  ["every record listed", {}],
  ["counted, first record listed", { firstRecords: 1 }],
  ["counted, first 20 records listed", { firstRecords: 20 }],
];

function audit(orgId: string, supplierId: string, auditDate: string) {
  return writeTx((tx) =>
    tx
      .insert(audits)
      .values({ organizationId: orgId, supplierId, scheme: "SMETA", auditDate })
      .returning()
      .get(),
  );
}

function finding(
  orgId: string,
  supplierId: string,
  auditId: string,
  grade: (typeof findings.$inferInsert)["grade"],
  opts: { ilo?: string; closedAt?: Date } = {},
) {
  return writeTx((tx) =>
    tx
      .insert(findings)
      .values({
        organizationId: orgId,
        auditId,
        supplierId,
        title: `Finding ${grade}`,
        grade,
        iloIndicator: opts.ilo ?? null,
        status: opts.closedAt ? "closed" : "open",
        closedAt: opts.closedAt ?? null,
      })
      .returning()
      .get(),
  );
}

function action(
  orgId: string,
  supplierId: string,
  createdAt: Date,
  opts: {
    source?: "finding" | "answer";
    sourceRef?: string;
    ilo?: string;
    dueDate?: string;
    completedAt?: Date;
  } = {},
) {
  return writeTx((tx) =>
    tx
      .insert(remediationTasks)
      .values({
        organizationId: orgId,
        supplierId,
        sourceType: opts.source ?? "finding",
        sourceRef: opts.sourceRef ?? crypto.randomUUID(),
        title: "Return passports",
        iloIndicator: opts.ilo ?? null,
        dueDate: opts.dueDate ?? "2026-12-31",
        status: opts.completedAt ? "completed" : "open",
        completedAt: opts.completedAt ?? null,
        createdAt,
      })
      .returning()
      .get(),
  );
}

function risk(orgId: string, supplierId: string, level: "low" | "high" | "critical", computedAt: Date) {
  writeTx((tx) =>
    tx
      .insert(riskAssessments)
      .values({
        organizationId: orgId,
        supplierId,
        score: level === "low" ? 10 : 80,
        level,
        modelVersion: "test",
        factors: [],
        trigger: "test",
        computedAt,
      })
      .run(),
  );
}

/** One organisation with records on both sides of every period boundary. */
async function boundaryOrg() {
  const org = await createOrg();
  const added = utc("2025-01-01T00:00:00");
  const s1 = insertSupplier(org.id, { name: "Łódź Tekstil", country: "TR", tier: 1, createdAt: added });
  const s2 = insertSupplier(org.id, { name: "深圳市纺织厂", country: "CN", tier: 1, createdAt: added });
  const s3 = insertSupplier(org.id, { name: "Yarn Spinner", country: "CN", tier: 2, createdAt: added });
  insertSupplier(org.id, { name: "Added after", country: "CN", createdAt: utc("2026-12-01T00:00:00") });

  const before = audit(org.id, s1.id, "2025-11-30"); // the day before the period starts
  const dayBeforeEnd = audit(org.id, s1.id, "2026-11-29");
  const onEnd = audit(org.id, s2.id, "2026-11-30");
  const dayAfterEnd = audit(org.id, s3.id, "2026-12-01");

  const r = {
    // Raised the day before the period end, still open.
    beforeEnd: finding(org.id, s1.id, dayBeforeEnd.id, "major"),
    // Raised on the period end; closed after it, so open at the period end.
    onEnd: finding(org.id, s2.id, onEnd.id, "zero_tolerance", {
      ilo: "7",
      closedAt: utc("2026-12-02T10:00:00"),
    }),
    // Raised the day after the period end: in no figure.
    afterEnd: finding(org.id, s3.id, dayAfterEnd.id, "major"),
    // Raised before the period, closed in it.
    closedInPeriod: finding(org.id, s1.id, before.id, "critical", {
      ilo: "ILO 3",
      closedAt: utc("2026-06-01T08:00:00"),
    }),
    // Raised the day before the end, closed on the last evening of the period (a minor payslip issue).
    closedOnEnd: finding(org.id, s1.id, dayBeforeEnd.id, "minor", {
      ilo: "8",
      closedAt: utc("2026-11-30T23:00:00"),
    }),
    // Raised and closed before the period: in no figure.
    closedBefore: finding(org.id, s1.id, before.id, "minor", { closedAt: utc("2025-11-15T00:00:00") }),
  };
  const a = {
    // The corrective action of the zero-tolerance finding, raised on the last evening of the period.
    graveAction: action(org.id, s2.id, utc("2026-11-30T23:30:00"), { sourceRef: r.onEnd.id }),
    // A red-flag answer the first minute after the period end: in no figure.
    afterEnd: action(org.id, s1.id, utc("2026-12-01T00:00:00"), { source: "answer", ilo: "7" }),
    // A red-flag answer at the first instant of the period, overdue, completed after the end.
    firstInstant: action(org.id, s1.id, utc("2025-12-01T00:00:00"), {
      source: "answer",
      ilo: "2",
      dueDate: "2026-01-01",
      completedAt: utc("2026-12-05T00:00:00"),
    }),
    // Raised before the period, completed in it.
    closedInPeriod: action(org.id, s3.id, utc("2025-11-20T00:00:00"), {
      completedAt: utc("2026-03-01T00:00:00"),
    }),
    // An answer without an ILO indicator, raised and completed in the period.
    noIndicator: action(org.id, s3.id, utc("2026-05-01T00:00:00"), {
      source: "answer",
      completedAt: utc("2026-05-10T00:00:00"),
    }),
  };
  // Risk: high at the year end (low only afterwards), critical on the last minute, s3 never scored.
  risk(org.id, s1.id, "high", utc("2026-10-01T00:00:00"));
  risk(org.id, s1.id, "low", utc("2026-12-20T00:00:00"));
  risk(org.id, s2.id, "critical", utc("2026-11-30T23:59:00"));
  return { org, r, a };
}

const factsOf = (orgId: string, opts: FactsOptions) => gatherStatementFacts(db(), orgId, PERIOD, AS_OF, opts);
const ids = (f: StatementFacts, key: IndicatorKey) =>
  recordList(f.indicators.find((i) => i.key === key)!).map((r) => r.id);

describe("statement facts at the period boundaries", () => {
  it.each(MODES)("prints the exact period-true figures (%s)", async (_mode, opts) => {
    const { org } = await boundaryOrg();
    const f = factsOf(org.id, opts);
    const figures = Object.fromEntries(f.indicators.map((i) => [i.key, i.value]));
    expect(figures).toEqual({
      suppliers_mapped: 3,
      suppliers_scored: 2,
      suppliers_high_risk: 2,
      questionnaires_sent: null,
      questionnaires_completed: null,
      questionnaire_response_rate: null,
      audits: 2,
      suppliers_audited: 2,
      findings_raised: 3,
      grave_findings_raised: 1,
      grave_findings_with_action: 1,
      findings_closed: 2,
      findings_open_at_end: 2,
      actions_raised: 3,
      actions_closed: 2,
      actions_open_at_end: 2,
      actions_overdue_at_end: 1,
      red_flags: 2,
      remedies: null,
      workers_remedied: null,
      // No grievance or training records: no data, never 0 (worker-facts.server.test.ts has them).
      grievances_received: null,
      grievances_acknowledged: null,
      grievance_median_days_to_acknowledge: null,
      grievances_decided: null,
      grievances_substantiated: null,
      grievances_closed: null,
      grievance_median_days_to_close: null,
      grievances_open_at_end: null,
      staff_training_completions: null,
      staff_trained: null,
      staff_training_rate: null,
      supplier_training_completions: null,
      supplier_staff_trained: null,
      suppliers_reached_by_training: null,
      supplier_training_rate: null,
    });
    expect(f.findings.byGrade).toEqual([
      { grade: "zero_tolerance", raised: 1, closedInPeriod: 0, openAtEnd: 1 },
      { grade: "critical", raised: 0, closedInPeriod: 1, openAtEnd: 0 },
      { grade: "major", raised: 1, closedInPeriod: 0, openAtEnd: 1 },
      { grade: "minor", raised: 1, closedInPeriod: 1, openAtEnd: 0 },
      { grade: "observation", raised: 0, closedInPeriod: 0, openAtEnd: 0 },
    ]);
    expect(f.redFlags.byIndicator).toEqual([
      expect.objectContaining({ indicator: 2, answers: 1, findings: 0 }),
      expect.objectContaining({ indicator: 7, answers: 0, findings: 1 }),
    ]);
    expect(f.riskAtEnd.byLevel).toEqual([
      { level: "high", count: 1 },
      { level: "critical", count: 1 },
      { level: "unscored", count: 1 },
    ]);
    expect(f.audits.byScheme).toEqual([{ scheme: "SMETA", count: 2 }]);
    expect(f.supplyChain.byTier).toEqual([
      { tier: 1, count: 2 },
      { tier: 2, count: 1 },
    ]);
    expect(f.supplyChain.byCountry.map((c) => [c.country, c.count, c.tier1, c.deeper, c.names])).toEqual([
      ["CN", 2, 1, 1, ["Yarn Spinner", "深圳市纺织厂"]],
      ["TR", 1, 1, 0, ["Łódź Tekstil"]],
    ]);
  });

  it.each(MODES.filter(([, o]) => o.firstRecords !== 1))(
    "counts the right records at each boundary (%s)",
    async (_mode, opts) => {
      const { org, r, a } = await boundaryOrg();
      const f = factsOf(org.id, opts);
      // Raised the day before and on the period end count; the day after does not.
      expect(ids(f, "findings_raised").sort()).toEqual([r.beforeEnd.id, r.onEnd.id, r.closedOnEnd.id].sort());
      // Closed after the period end is open at the period end; closed on its last day is not.
      expect(ids(f, "findings_open_at_end").sort()).toEqual([r.beforeEnd.id, r.onEnd.id].sort());
      expect(ids(f, "findings_closed").sort()).toEqual([r.closedInPeriod.id, r.closedOnEnd.id].sort());
      // Remediation raised in the period (first instant to last evening) counts; a minute after does not.
      expect(ids(f, "actions_raised").sort()).toEqual(
        [a.graveAction.id, a.firstInstant.id, a.noIndicator.id].sort(),
      );
      expect(ids(f, "actions_open_at_end").sort()).toEqual([a.graveAction.id, a.firstInstant.id].sort());
      expect(ids(f, "actions_closed").sort()).toEqual([a.closedInPeriod.id, a.noIndicator.id].sort());
      expect(ids(f, "actions_overdue_at_end")).toEqual([a.firstInstant.id]);
      expect(ids(f, "grave_findings_with_action")).toEqual([a.graveAction.id]);
      expect(ids(f, "red_flags").sort()).toEqual([a.firstInstant.id, r.onEnd.id].sort());
    },
  );

  it("lists only the first records when asked, with the same figures and totals as the full list", async () => {
    const { org } = await boundaryOrg();
    const full = factsOf(org.id, {});
    const capped = factsOf(org.id, { firstRecords: 1 });
    expect(listsEveryRecord(full)).toBe(true);
    expect(listsEveryRecord(capped)).toBe(false);
    const withoutRecords = (f: StatementFacts) => ({
      ...f,
      indicators: f.indicators.map((i) => ({ ...i, records: recordCount(i) })),
    });
    expect(withoutRecords(capped)).toEqual(withoutRecords(full));
    for (const i of capped.indicators) for (const g of i.records) expect(g.ids.length).toBeLessThanOrEqual(1);
  });

  it("never reads another organisation's rows in either mode", async () => {
    const { org: other } = await boundaryOrg();
    const org = await createOrg();
    expect(other.id).not.toBe(org.id);
    for (const [, opts] of MODES)
      expect(factsOf(org.id, opts).indicators.every((i) => i.value === null)).toBe(true);
  });
});
