import { describe, expect, it } from "vitest";
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
