import { describe, expect, it } from "vitest";
import { transitionCase, triageCase } from "~/grievances/cases.server";
import { submitReport, type ReportInput } from "~/grievances/intake.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { hasPoppler, pdfText, popplerSkipReason } from "~/infra/pdf/poppler.testing";
import { getObjectBuffer } from "~/infra/storage.server";
import { createCourse, recordCompletion, setStaffHeadcount } from "~/training/training.server";
import { memberships, users } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { annexCsv } from "./annex";
import { checkStatement } from "./checker";
import { normaliseDetails } from "./details";
import { recordList, type IndicatorKey, type StatementFacts } from "./facts";
import { gatherStatementFacts, type FactsOptions } from "./facts.server";
import { templateFor } from "./regimes";
import { sentencesFor } from "./sentences";
import { createStatement, generateStatementPdf, statementQuestionnaire } from "./statements.server";

/**
 * Grievance and training records as statement facts: only what happened inside the period counts, states
 * are judged on its last day (a case closed in the period and reopened after it was closed then), and
 * each figure lists the records it came from.
 */
const PERIOD = { start: "2025-12-01", end: "2026-11-30" };
const AS_OF = new Date("2027-01-10T00:00:00Z");
const at = (ctx: Ctx, day: string): Ctx => ({ ...ctx, now: () => new Date(`${day}T10:00:00Z`) });

/** A grievance handler of the organisation (the factories' members hold the other roles). */
function handlerOf(organizationId: string): Ctx {
  return writeTx((tx) => {
    const user = tx
      .insert(users)
      .values({ email: `handler-${crypto.randomUUID()}@example.test`, name: "Handler", passwordHash: "x" })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId, userId: user.id, role: "grievance_handler" }).run();
    return {
      organizationId,
      actor: { type: "user", id: user.id, label: "Handler", role: "grievance_handler" },
    };
  });
}

const report = (indicators: ReportInput["indicators"]): ReportInput => ({
  whatHappened: "Fictional report for a test.",
  place: null,
  since: "unknown",
  howMany: "unknown",
  ongoing: "unknown",
  indicators,
  contact: null,
});

async function workerOrg() {
  const org = await createOrg();
  const supplier = insertSupplier(org.id, {
    name: "Dhaka Knit",
    country: "BD",
    createdAt: new Date("2025-01-01T00:00:00Z"),
  });
  insertSupplier(org.id, { name: "Hanoi Sew", country: "VN", createdAt: new Date("2025-01-01T00:00:00Z") });
  const h = handlerOf(org.id);
  const file = (day: string, indicators: ReportInput["indicators"] = []) =>
    submitReport({ orgId: org.id, siteId: null }, "en", report(indicators), {
      now: new Date(`${day}T08:00:00Z`),
    }).caseId;
  const step = (caseId: string, day: string, event: string, note?: string) =>
    transitionCase(at(h, day), caseId, { event, ...(note ? { note } : {}) } as never);

  // Received before the period, decided and closed in it: closed and decided in the period, not received.
  const early = file("2025-11-20", ["withholding_of_wages"]);
  step(early, "2025-11-22", "acknowledge");
  step(early, "2025-11-25", "investigate");
  step(early, "2026-01-05", "not_substantiate", "Payroll records show on-time payment.");
  step(early, "2026-01-06", "close");
  // Received in the period, substantiated and closed in it, reopened after its end: closed on the last day.
  const reopened = file("2026-03-01", ["debt_bondage", "retention_of_identity_documents"]);
  step(reopened, "2026-03-04", "acknowledge");
  step(reopened, "2026-03-05", "investigate");
  triageCase(at(h, "2026-03-05"), reopened, { supplierId: supplier.id });
  step(reopened, "2026-04-01", "substantiate", "Passports found in the agent's safe.");
  step(reopened, "2026-04-02", "start_remedy");
  step(reopened, "2026-06-01", "close");
  step(reopened, "2026-12-10", "reopen", "The agent took the passports again.");
  // Received on the last day, never acknowledged: received and open at the end.
  const lastDay = file("2026-11-30", ["debt_bondage", "retention_of_identity_documents"]);
  // Received in the period, acknowledged only after it.
  const lateAck = file("2026-05-01", ["debt_bondage", "excessive_overtime"]);
  step(lateAck, "2026-12-02", "acknowledge");
  // Received the day after the period end: in no figure.
  const after = file("2026-12-01", ["debt_bondage"]);

  const admin = org.members.admin.ctx;
  const staffCourse = createCourse(admin, {
    title: "Modern slavery awareness",
    audience: "staff",
    language: "en",
    durationMinutes: 60,
  }).id;
  const supplierCourse = createCourse(admin, {
    title: "Recruitment fees for supervisors",
    audience: "supplier",
    language: "en",
    durationMinutes: 45,
  }).id;
  const done = (course: string, learnerName: string, completedOn: string, supplierName?: string) =>
    recordCompletion(admin, course, {
      learnerName,
      completedOn,
      ...(supplierName ? { supplier: supplierName } : {}),
    }).id;
  const c = {
    dayBeforeStart: done(staffCourse, "Ana Lima", "2025-11-30"),
    firstDay: done(staffCourse, "Ben Okoro", "2025-12-01"),
    lastDay: done(staffCourse, "Chen Wei", "2026-11-30"),
    sameLearnerAgain: done(staffCourse, "Ben Okoro", "2026-06-01"),
    dayAfterEnd: done(staffCourse, "Dana Ruiz", "2026-12-01"),
    supplierStaff: done(supplierCourse, "Rahim Uddin", "2026-06-15", "Dhaka Knit"),
  };
  setStaffHeadcount(admin, { year: 2026, staffInScope: 8 });
  return { org, cases: { early, reopened, lastDay, lateAck, after }, c };
}

const ids = (f: StatementFacts, key: IndicatorKey) =>
  recordList(f.indicators.find((i) => i.key === key)!).map((r) => r.id);
const value = (f: StatementFacts, key: IndicatorKey) => f.indicators.find((i) => i.key === key)!.value;

const MODES: [string, FactsOptions][] = [
  ["every record listed", {}],
  ["counted, first 20 records listed", { firstRecords: 20 }],
];

describe("grievance and training facts for a statement's period", () => {
  it.each(MODES)("counts only what happened inside the period (%s)", async (_mode, opts) => {
    const { org, cases, c } = await workerOrg();
    const f = gatherStatementFacts(db(), org.id, PERIOD, AS_OF, opts);
    expect(
      Object.fromEntries(
        f.indicators.filter((i) => /grievance|train/.test(i.key)).map((i) => [i.key, i.value]),
      ),
    ).toEqual({
      grievances_received: 3,
      grievances_acknowledged: 1,
      grievance_median_days_to_acknowledge: 3,
      grievances_decided: 2,
      grievances_substantiated: 1,
      grievances_closed: 2,
      // 47 days (20 Nov → 6 Jan) and 92 days (1 Mar → 1 Jun).
      grievance_median_days_to_close: 69.5,
      grievances_open_at_end: 2,
      staff_training_completions: 3,
      staff_trained: 2,
      staff_training_rate: 2 / 8,
      supplier_training_completions: 1,
      supplier_staff_trained: 1,
      suppliers_reached_by_training: 1,
      supplier_training_rate: 1 / 2,
    });
    expect(ids(f, "grievances_received").sort()).toEqual(
      [cases.reopened, cases.lastDay, cases.lateAck].sort(),
    );
    expect(ids(f, "grievances_closed").sort()).toEqual([cases.early, cases.reopened].sort());
    expect(ids(f, "grievances_open_at_end").sort()).toEqual([cases.lastDay, cases.lateAck].sort());
    expect(ids(f, "grievances_substantiated")).toEqual([cases.reopened]);
    for (const key of ["grievances_received", "grievances_closed", "grievances_open_at_end"] as const)
      expect(ids(f, key)).not.toContain(cases.after);
    expect(ids(f, "staff_training_completions").sort()).toEqual(
      [c.firstDay, c.lastDay, c.sameLearnerAgain].sort(),
    );
    expect(ids(f, "supplier_training_completions")).toEqual([c.supplierStaff]);
    // Warning signs: debt bondage 3 (named); retention of documents 2 and overtime 1 (withheld).
    expect(f.grievances!.byIndicator).toEqual([
      { label: "retention of identity documents", count: null },
      { label: "debt bondage", count: 3 },
      { label: "excessive overtime", count: null },
    ]);
    expect(f.training).toMatchObject({
      courses: 2,
      headcountYear: 2026,
      staffInScope: 8,
      suppliersOnRecord: 2,
    });
  });

  it("writes sentences true of the records, and the appendix points at each case and completion", async () => {
    const { org, cases, c } = await workerOrg();
    const f = gatherStatementFacts(db(), org.id, PERIOD, AS_OF);
    const grievance = sentencesFor(f, "grievance").join(" ");
    expect(grievance).toContain(
      "3 grievance reports from workers were received in the period; 1 was acknowledged by 30 November 2026, 1 of them within 7 days of receipt (median 3 days).",
    );
    expect(grievance).toContain(
      "2 grievance cases were decided after investigation in the period: 1 substantiated, each raising a corrective action with the supplier concerned, and 1 not substantiated.",
    );
    expect(grievance).toContain(
      "2 grievance cases were closed in the period (median 69.5 days from receipt to closure); 2 were open on 30 November 2026.",
    );
    expect(grievance).toMatch(/debt bondage \(3\); 2 other signs, each reported fewer than 3 times/);
    expect(grievance).not.toMatch(/Fictional report/);
    const training = sentencesFor(f, "training").join(" ");
    expect(training).toContain(
      "During the period, 2 members of staff completed training recorded in Clearsource (3 completions: Modern slavery awareness); that is 25 % of the 8 staff in scope recorded for 2026.",
    );
    expect(training).toContain(
      "1 person at 1 supplier completed supplier training in the period (Recruitment fees for supervisors), reaching 50 % of the 2 suppliers recorded by 30 November 2026.",
    );
    // No learner's name reaches the statement.
    expect(JSON.stringify(f)).not.toMatch(/Ben Okoro|Rahim Uddin/);
    const csv = annexCsv(f);
    expect(csv).toContain(
      `grievances_closed,Grievance cases closed in the period,2,grievance_case,${cases.early},2026-01-06`,
    );
    expect(csv).toContain(
      `grievances_closed,Grievance cases closed in the period,2,grievance_case,${cases.reopened},2026-06-01`,
    );
    expect(csv).toContain(
      `staff_training_completions,Staff training completions in the period,3,training_completion,${c.lastDay},2026-11-30`,
    );
    expect(csv).not.toContain(c.dayAfterEnd);
    expect(csv).not.toContain(c.dayBeforeStart);
  });

  it("says the records hold nothing rather than printing 0, and such a sentence does not cover a criterion", async () => {
    const org = await createOrg();
    const f = gatherStatementFacts(db(), org.id, PERIOD, AS_OF);
    for (const key of [
      "grievances_received",
      "grievances_substantiated",
      "staff_trained",
      "staff_training_rate",
    ] as const)
      expect(value(f, key)).toBeNull();
    expect(sentencesFor(f, "training")).toEqual([
      "Training is not recorded in Clearsource, so no training figures are given for the period.",
    ]);
    expect(sentencesFor(f, "grievance")).toEqual([
      "No grievance reports from workers are recorded in Clearsource up to the period end.",
    ]);
    // Canada item 6 (training) with no text: missing, since "not recorded" covers nothing.
    const template = templateFor("ca_s211", PERIOD.end);
    const check = checkStatement({ template, narrative: {}, facts: f, details: normaliseDetails({}) });
    expect(check.items.find((i) => i.key === "training")).toMatchObject({ status: "missing" });
  });

  it("maps training and grievance figures to the criteria of each regime", async () => {
    const { org } = await workerOrg();
    const f = gatherStatementFacts(db(), org.id, PERIOD, AS_OF);
    const facts = (regime: Parameters<typeof templateFor>[0], key: string) =>
      checkStatement({
        template: templateFor(regime, PERIOD.end),
        narrative: {},
        facts: f,
        details: normaliseDetails({}),
      }).items.find((i) => i.key === key)!;
    // UK s.54(5)(f) training, (c) due diligence with the grievance channel.
    expect(facts("uk_msa_s54", "training")).toMatchObject({ status: "thin" });
    expect(facts("uk_msa_s54", "training").facts.join(" ")).toMatch(/members of staff completed training/);
    expect(facts("uk_msa_s54", "dueDiligence").facts.join(" ")).toMatch(/grievance reports from workers/);
    // Australia s.16(1)(d) actions with the grievance channel and training.
    expect(facts("au_msa_s16", "actions").facts.join(" ")).toMatch(/grievance cases were decided/);
    expect(facts("au_msa_s16", "actions").facts.join(" ")).toMatch(/completed training/);
    // Canada item 4 remediation (grievances) and item 6 training; California (5) training.
    expect(facts("ca_s211", "remediation").facts.join(" ")).toMatch(/grievance cases were closed/);
    expect(facts("ca_s211", "training").facts.join(" ")).toMatch(/completed supplier training/);
    expect(facts("us_ca_sb657", "training").facts.join(" ")).toMatch(/completed training/);
  });
});

describe("Canada's questionnaire export", () => {
  it("answers the training question from the staff completions item 6 prints, and only then", async () => {
    const { org } = await workerOrg();
    const exec = { ...org.members.executive.ctx, now: () => AS_OF };
    const { id } = createStatement(exec, {
      regime: "ca_s211",
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
    });
    const training = (q: ReturnType<typeof statementQuestionnaire>) =>
      q.answers.find((a) => a.question.includes("training to employees"))!;
    expect(training(statementQuestionnaire(exec, id))).toMatchObject({
      answer: "Yes",
      basis: "2 members of staff completed training recorded in the period (report item 6).",
    });
    // Another organisation with no training records: the report is silent, so is the answer.
    const bare = await createOrg();
    const bareExec = { ...bare.members.executive.ctx, now: () => AS_OF };
    const other = createStatement(bareExec, {
      regime: "ca_s211",
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
    });
    expect(training(statementQuestionnaire(bareExec, other.id)).answer).not.toBe("Yes");
  });
});

describe.skipIf(!hasPoppler)(
  `grievance and training sentences in the PDF (${hasPoppler ? "pdftotext" : popplerSkipReason})`,
  () => {
    it.each(["uk_msa_s54", "au_msa_s16", "ca_s211"] as const)(
      "%s prints them under its criteria",
      async (regime) => {
        const { org, cases } = await workerOrg();
        const exec = org.members.executive.ctx;
        const { id } = createStatement(exec, { regime, periodStart: PERIOD.start, periodEnd: PERIOD.end });
        const { storageKey } = await generateStatementPdf({ ...exec, now: () => AS_OF }, id);
        const flat = pdfText(await getObjectBuffer(storageKey)).replace(/\s+/g, " ");
        expect(flat).toContain("Worker grievance channel in the period");
        expect(flat).toContain("Grievance reports received in the period 3");
        expect(flat).toContain("Of these, substantiated 1");
        expect(flat).toContain("Median time from receipt to closure 69.5 days");
        expect(flat).toContain(
          "2 grievance cases were closed in the period (median 69.5 days from receipt to closure)",
        );
        expect(flat).toContain("Debt bondage 3");
        // The draft watermark's letters can fall between a table's cells in the extracted text.
        expect(flat).toMatch(/Retention of identity documents (\S+ ){0,4}fewer than 3/);
        expect(flat).toContain("Training in the period");
        expect(flat).toContain("Staff trained, as a share of the 2026 headcount in scope 25 %");
        expect(flat).toMatch(/2 members of staff completed training recorded in Clearsource/);
        // The appendix traces the figures to the cases.
        expect(flat).toContain("Grievance case");
        expect(flat).toContain(cases.reopened);
        expect(flat).not.toContain("Fictional report");
      },
    );
  },
);
