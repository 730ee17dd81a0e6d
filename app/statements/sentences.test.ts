import { describe, expect, it } from "vitest";
import { grievancePeriodFacts, type PeriodCase } from "~/grievances/period-facts";
import type { TrainingPeriodFacts } from "~/training/rates";
import { computeStatementFacts, type FactInputs } from "./facts";
import { FACT_SENTENCES } from "./sentences";

const PERIOD = { start: "2025-12-01", end: "2026-11-30" };
const empty: FactInputs = {
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
const grave = {
  id: "z1",
  supplierId: "s1",
  grade: "zero_tolerance" as const,
  iloIndicator: "7",
  raisedOn: "2026-06-01",
  closedOn: null,
};
const act = (sourceRef: string, raisedOn = "2026-06-02", extra = {}) => ({
  id: `t-${sourceRef}`,
  supplierId: "s1",
  sourceType: "finding" as const,
  sourceRef,
  iloIndicator: null,
  dueDate: "2026-12-31",
  raisedOn,
  closedOn: null,
  ...extra,
});
const audit = { id: "a1", supplierId: "s1", scheme: "SMETA", auditDate: "2026-06-01" };

const gcase = (id: string, receivedOn: string, extra: Partial<PeriodCase> = {}): PeriodCase => ({
  id,
  receivedOn,
  indicators: [],
  acknowledgedOn: null,
  decidedOn: null,
  closedOn: null,
  actionId: null,
  state: "received",
  ...extra,
});
const channel = (
  cases: PeriodCase[],
  transitions: { caseId: string; event: string; day: string }[] = [],
) => ({
  grievances: grievancePeriodFacts(cases, transitions, PERIOD),
});
const training = (
  courses: number,
  staff: { ids: string[]; dates: string[]; people: number; inScope: number | null } | null,
  supplier: {
    ids: string[];
    dates: string[];
    people: number;
    reached: number;
    onRecord: number | null;
  } | null,
): { training: TrainingPeriodFacts } => ({
  training: {
    courses,
    staff: {
      completions: staff?.ids.length ?? 0,
      people: staff?.people ?? 0,
      inScope: staff?.inScope ?? null,
      rate: staff?.inScope ? staff.people / staff.inScope : null,
      headcountYear: 2026,
      courseTitles: staff ? ["Forced labour basics"] : [],
      ids: staff?.ids ?? [],
      dates: staff?.dates ?? [],
    },
    supplier: {
      completions: supplier?.ids.length ?? 0,
      people: supplier?.people ?? 0,
      suppliersReached: supplier?.reached ?? 0,
      suppliersOnRecord: supplier?.onRecord ?? null,
      rate: supplier?.onRecord ? supplier.reached / supplier.onRecord : null,
      courseTitles: supplier ? ["ILO indicators (portal)"] : [],
      ids: supplier?.ids ?? [],
      dates: supplier?.dates ?? [],
    },
  },
});
const signs = ["debt_bondage", "retention_of_identity_documents"] as PeriodCase["indicators"];

/** For each default sentence: records where its fact holds, and records where it does not. */
const CASES: Record<string, { holds: Partial<FactInputs>; fails: Partial<FactInputs>; says: RegExp }> = {
  supply_chain_mapped: {
    holds: { suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2025-01-01" }] },
    fails: {},
    says: /recorded 1 supplier in 1 country: 1 direct/,
  },
  questionnaires_sent: {
    holds: {
      assignments: [
        { id: "q", supplierId: "s1", status: "submitted", sentOn: "2026-01-01", submittedOn: "2026-01-05" },
      ],
    },
    fails: {},
    says: /sent 1 forced-labour self-assessment questionnaire to suppliers; 1 had been completed/,
  },
  audits_done: {
    holds: { audits: [audit] },
    fails: {},
    says: /1 social audit of 1 supplier took place in the period \(SMETA: 1\)/,
  },
  no_audits: { holds: {}, fails: { audits: [audit] }, says: /No supplier audits are recorded/ },
  risk_scored: {
    holds: {
      suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2025-01-01" }],
      riskAtEnd: [{ supplierId: "s1", assessmentId: "r", level: "critical", computedOn: "2026-05-01" }],
      riskHistoryExists: true,
    },
    fails: { suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2025-01-01" }] },
    says: /1 of 1 recorded supplier had a risk score.*1 were at high or critical risk/,
  },
  risk_unknown: {
    holds: { suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2025-01-01" }] },
    fails: {
      suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2025-01-01" }],
      riskAtEnd: [{ supplierId: "s1", assessmentId: "r", level: "low", computedOn: "2026-05-01" }],
    },
    says: /No supplier had a stored risk score on 30 November 2026/,
  },
  grave_findings_all_actioned: {
    holds: { audits: [audit], findings: [grave], actions: [act("z1")] },
    // The claim "each grave finding led to a corrective action" is withdrawn when one did not (by the year end).
    fails: { audits: [audit], findings: [grave], actions: [act("z1", "2026-12-02")] },
    says: /Each of the 1 zero-tolerance or critical audit finding raised in the period led to a corrective action/,
  },
  grave_findings_without_action: {
    holds: { audits: [audit], findings: [grave] },
    fails: { audits: [audit], findings: [grave], actions: [act("z1")] },
    says: /1 of the 1 zero-tolerance or critical audit finding raised in the period had no corrective action/,
  },
  red_flag_answers: {
    holds: { actions: [act("answer-1", "2026-02-01", { sourceType: "answer", iloIndicator: "9" })] },
    fails: { actions: [act("answer-1", "2026-02-01", { sourceType: "answer", iloIndicator: null })] },
    says: /1 questionnaire answer indicating forced labour/,
  },
  actions_summary: {
    holds: { actions: [act("x")] },
    fails: { audits: [audit] },
    says: /1 remediation action was raised in the period and 0 closed in it; 1 was open on 30 November 2026, 0 of them past their due date/,
  },
  remedies_given: {
    holds: {
      remedies: {
        remedies: 2,
        workers: 42,
        amounts: [{ currency: "USD", amountMinor: 1234500 }],
        byKind: [{ kind: "recruitment_fees_repaid", remedies: 2, workers: 42 }],
      },
    },
    fails: { remedies: { remedies: 0, workers: 0, amounts: [], byKind: [] } },
    says: /gave 2 remedies to workers in the period, reaching 42 workers, including USD 12,345.00 paid/,
  },
  findings_open_at_end: {
    holds: { audits: [audit], findings: [grave] },
    fails: { audits: [audit], findings: [{ ...grave, closedOn: "2026-07-01" }] },
    says: /1 audit finding remained open on 30 November 2026/,
  },
  grievances_none: {
    // A case received and closed before the period: nothing of the channel falls in it.
    holds: channel([gcase("g0", "2025-10-01", { closedOn: "2025-11-20", state: "closed" })]),
    fails: channel([gcase("g1", "2026-03-01")]),
    says: /No grievance reports from workers were received in the period, and none was open during it/,
  },
  grievances_received: {
    holds: channel([
      gcase("g1", "2026-03-01", { acknowledgedOn: "2026-03-04" }),
      gcase("g2", "2026-03-10", { acknowledgedOn: "2026-03-30" }),
    ]),
    // Only a case received before the period and still open: nothing was received in it.
    fails: channel([gcase("g0", "2025-11-01")]),
    says: /2 grievance reports from workers were received in the period; 2 were acknowledged by 30 November 2026, 1 of them within 7 days of receipt \(median 11.5 days\)/,
  },
  grievances_warning_signs: {
    holds: channel([
      gcase("g1", "2026-03-01", { indicators: signs }),
      gcase("g2", "2026-03-02", { indicators: signs }),
      gcase("g3", "2026-03-03", { indicators: ["debt_bondage", "excessive_overtime"] }),
    ]),
    // Two reports per sign: every count is under 3, so no sign is named.
    fails: channel([
      gcase("g1", "2026-03-01", { indicators: signs }),
      gcase("g2", "2026-03-02", { indicators: signs }),
    ]),
    says: /named in the reports received in the period: debt bondage \(3\); 2 other signs, each reported fewer than 3 times, are not itemised/,
  },
  grievances_decided: {
    holds: channel(
      [gcase("g1", "2026-03-01", { actionId: "t1", state: "substantiated", decidedOn: "2026-04-01" })],
      [{ caseId: "g1", event: "substantiate", day: "2026-04-01" }],
    ),
    // Decided the day after the period end: no decision in the period, no "0 substantiated of 0".
    fails: channel(
      [gcase("g1", "2026-03-01", { actionId: "t1", state: "substantiated", decidedOn: "2026-12-01" })],
      [{ caseId: "g1", event: "substantiate", day: "2026-12-01" }],
    ),
    says: /1 grievance case was decided after investigation in the period: 1 substantiated, each raising a corrective action/,
  },
  grievances_closed: {
    holds: channel(
      [gcase("g0", "2025-11-20", { state: "closed", closedOn: "2026-01-10" })],
      [{ caseId: "g0", event: "close", day: "2026-01-10" }],
    ),
    fails: channel([gcase("g0", "2025-10-01", { closedOn: "2025-11-20", state: "closed" })]),
    says: /1 grievance case was closed in the period \(median 51 days from receipt to closure\); 0 were open on 30 November 2026/,
  },
  training_not_recorded: {
    holds: training(0, null, null),
    fails: training(2, null, null),
    says: /Training is not recorded in Clearsource/,
  },
  training_none_in_period: {
    holds: training(2, null, null),
    fails: training(2, { ids: ["c1"], dates: ["2026-02-01"], people: 1, inScope: null }, null),
    says: /No completions of the 2 training courses recorded in Clearsource fall within the period/,
  },
  staff_trained: {
    holds: training(
      1,
      { ids: ["c1", "c2", "c3"], dates: ["2026-02-01", "2026-02-01", "2026-03-01"], people: 2, inScope: 8 },
      null,
    ),
    fails: training(1, null, { ids: ["c9"], dates: ["2026-02-01"], people: 1, reached: 1, onRecord: 4 }),
    says: /2 members of staff completed training recorded in Clearsource \(3 completions: Forced labour basics\); that is 25 % of the 8 staff in scope recorded for 2026/,
  },
  supplier_staff_trained: {
    holds: training(1, null, { ids: ["c9"], dates: ["2026-02-01"], people: 1, reached: 1, onRecord: 4 }),
    fails: training(1, { ids: ["c1"], dates: ["2026-02-01"], people: 1, inScope: 8 }, null),
    says: /1 person at 1 supplier completed supplier training in the period \(ILO indicators \(portal\)\), reaching 25 % of the 4 suppliers recorded by 30 November 2026/,
  },
};

describe("default sentences are generated from facts and withdrawn when the fact is false", () => {
  it("has a case for every sentence", () => {
    expect(Object.keys(CASES).sort()).toEqual(FACT_SENTENCES.map((s) => s.id).sort());
  });

  for (const s of FACT_SENTENCES) {
    it(`${s.id}: printed when its fact holds, withdrawn when it does not`, () => {
      const c = CASES[s.id];
      const yes = computeStatementFacts({ ...empty, ...c.holds });
      const no = computeStatementFacts({ ...empty, ...c.fails });
      expect(s.holds(yes)).toBe(true);
      expect(s.text(yes)).toMatch(c.says);
      expect(s.holds(no)).toBe(false);
    });
  }
});

describe("training and grievance figures never print 0 for what the records do not hold", () => {
  it("says training is not recorded, never 0 %, and gives no staff rate without a headcount", () => {
    const none = computeStatementFacts({ ...empty, ...training(0, null, null) });
    const rate = none.indicators.find((i) => i.key === "staff_training_rate")!;
    expect(rate.value).toBeNull();
    expect(rate.noData).toBe("Training is not recorded in Clearsource.");
    const noHead = computeStatementFacts({
      ...empty,
      ...training(1, { ids: ["c1"], dates: ["2026-02-01"], people: 1, inScope: null }, null),
    });
    const r = noHead.indicators.find((i) => i.key === "staff_training_rate")!;
    expect(r.value).toBeNull();
    expect(r.noData).toMatch(/No headcount of staff in scope is recorded for 2026/);
    const staff = FACT_SENTENCES.find((s) => s.id === "staff_trained")!;
    expect(staff.text(noHead)).toMatch(/no completion rate is given/);
  });

  it("gives no share substantiated when no case was decided in the period", () => {
    const f = computeStatementFacts({ ...empty, ...channel([gcase("g1", "2026-03-01")]) });
    const sub = f.indicators.find((i) => i.key === "grievances_substantiated")!;
    expect(sub.value).toBeNull();
    expect(sub.noData).toBe("No grievance case was decided in the period.");
    expect(f.indicators.find((i) => i.key === "grievances_received")!.value).toBe(1);
  });

  it("prints nothing about grievances or training for facts frozen before they fed statements", () => {
    const f = computeStatementFacts(empty);
    const { grievances: _g, training: _t, ...old } = f;
    const old2 = { ...old, indicators: old.indicators.filter((i) => !/grievance|train/.test(i.key)) };
    for (const s of FACT_SENTENCES.filter((s) => s.block === "grievance" || s.block === "training"))
      expect(s.holds(old2)).toBe(false);
  });
});
