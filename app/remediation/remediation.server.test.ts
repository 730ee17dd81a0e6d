import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { riskHistory } from "~/risk/risk.server";
import {
  auditLog,
  correctiveActionEvents,
  findings,
  remediationTasks,
  scheduledJobs,
  suppliers,
} from "~db/schema";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import {
  acceptPlan,
  closeAction,
  escalateAction,
  reopenAction,
  respondToFinding,
  returnPlan,
  startWork,
  submitEvidence,
  submitPlan,
  verifyAction,
} from "./actions.server";
import { listActionBoard, ACTIONS_PAGE_SIZE } from "./board.server";
import { getActionDetail } from "./detail.server";
import { listRemediationTasks, overdueActions, raiseRemediationTask } from "./remediation.server";
import { deadlineKey } from "./reminders.server";
import { updateGradeTable } from "./settings.server";

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
const pdf = (name = "evidence.pdf") =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")], name);
const plan = {
  rootCause: "Recruitment agents in Nepal charged fees the factory never checked.",
  correctiveAction: "Repay every worker's recruitment fees in full, with payslip records.",
  preventiveAction: "Employer-pays clause in every agency contract; quarterly worker interviews.",
  planTargetDate: "2026-06-30",
  supplierOwner: "Ms Tran, HR manager",
};

async function findingAction(org: TestOrg, grade: "critical" | "zero_tolerance" | "major" = "critical") {
  const supplierId = insertSupplier(org.id, { country: "VN" }).id;
  const ctx = at(org.members.auditor.ctx, "2026-03-01T09:00:00Z");
  const audit = createAudit(ctx, { supplierId, scheme: "SMETA", auditDate: "2026-02-20" });
  const { finding, taskId } = addFinding(ctx, {
    auditId: audit.id,
    title: "Recruitment fees paid by migrant workers",
    grade,
    iloIndicator: "9",
  });
  return { supplierId, auditId: audit.id, findingId: finding.id, actionId: taskId };
}

const rowOf = (id: string) => db().select().from(remediationTasks).where(eq(remediationTasks.id, id)).get()!;

describe("raising corrective actions", () => {
  it("is idempotent per source, with deadlines by grade and a red flag graded by its ILO indicators", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const ctx = at(org.members.procurement.ctx, "2026-03-01T09:00:00Z");
    const raise = (ref: string, ilo: string) =>
      writeTx((tx) =>
        raiseRemediationTask(tx, ctx, {
          supplierId: s.id,
          sourceType: "answer",
          sourceRef: ref,
          title: `Red flag ${ref}`,
          iloIndicator: ilo,
          severity: "red_flag",
        }),
      );
    const violence = raise("a:Q1", "5");
    expect(raise("a:Q1", "5")).toEqual({ id: violence.id, created: false });
    // Physical violence: the plan is due the same day, resolution within 30 days — not "30 days like any flag".
    expect(rowOf(violence.id)).toMatchObject({
      grade: "zero_tolerance",
      planDueDate: "2026-03-01",
      dueDate: "2026-03-31",
    });
    expect(rowOf(raise("a:Q2", "8").id)).toMatchObject({ grade: "critical", planDueDate: "2026-03-08" });
    expect(rowOf(raise("a:Q3", "11").id)).toMatchObject({ grade: "major", planDueDate: "2026-03-15" });
    const raised = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "remediation.raised")))
      .all();
    expect(raised).toHaveLength(3);
  });

  it("follows the organisation's own deadline table", async () => {
    const org = await createOrg();
    const table = Object.fromEntries(
      ["zero_tolerance", "critical", "major", "minor", "observation"].flatMap((g) => [
        [`${g}.planDays`, "2"],
        [`${g}.resolutionDays`, "20"],
      ]),
    );
    updateGradeTable(org.members.admin.ctx, table);
    expect(() => updateGradeTable(org.members.admin.ctx, { ...table, "major.resolutionDays": "1" })).toThrow(
      ValidationError,
    );
    const { actionId } = await findingAction(org, "major");
    expect(rowOf(actionId)).toMatchObject({ planDueDate: "2026-03-03", dueDate: "2026-03-21" });
  });
});

describe("the corrective-action workflow", () => {
  it("runs plan → returned → plan → accepted → evidence → verified by a second person → closed", async () => {
    const org = await createOrg();
    const { supplierId, findingId, actionId } = await findingAction(org);
    const buyer = at(org.members.procurement.ctx, "2026-03-03T10:00:00Z");
    const auditor = at(org.members.auditor.ctx, "2026-03-20T10:00:00Z");
    const riskBefore = db().select().from(suppliers).where(eq(suppliers.id, supplierId)).get()!.riskScore!;

    expect(() => submitPlan(buyer, actionId, { ...plan, rootCause: "" })).toThrow(ValidationError);
    expect(() => acceptPlan(buyer, actionId, {})).toThrow(/only once a plan has been submitted/);
    submitPlan(buyer, actionId, plan);
    expect(() => returnPlan(buyer, actionId, { comment: "" })).toThrow(ValidationError);
    returnPlan(buyer, actionId, { comment: "Say how many workers and how much." });
    expect(rowOf(actionId).state).toBe("plan_returned");
    submitPlan(buyer, actionId, {
      ...plan,
      correctiveAction: `${plan.correctiveAction} 40 workers, USD 600 each.`,
    });
    acceptPlan(buyer, actionId, { comment: "Good." });
    startWork(buyer, actionId, { note: "First repayments made." });
    expect(() => submitEvidence(buyer, actionId, {})).toThrow(/Attach at least one evidence file/);
    await uploadEvidence(buyer, { actionId, file: pdf() });
    submitEvidence(buyer, actionId, { note: "Bank transfer receipts." });
    expect(rowOf(actionId).evidenceSubmittedBy).toBe(`user:${org.members.procurement.userId}`);

    // The person who submitted the evidence cannot verify it.
    let refusal: unknown;
    try {
      verifyAction(buyer, actionId, { method: "desk_review", note: "Receipts match the payroll." });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).fieldErrors.verifier).toMatch(/someone else/);
    expect(() => closeAction(auditor, actionId, {})).toThrow(/only once it has been verified/);

    verifyAction(auditor, actionId, {
      method: "desk_review",
      note: "Receipts match the payroll for 40 workers.",
    });
    expect(db().select().from(findings).where(eq(findings.id, findingId)).get()!.status).toBe("open");
    closeAction(auditor, actionId, { comment: "Fees repaid and verified." });

    expect(rowOf(actionId)).toMatchObject({
      state: "closed",
      status: "completed",
      verificationMethod: "desk_review",
    });
    expect(db().select().from(findings).where(eq(findings.id, findingId)).get()!.status).toBe("closed");
    const riskAfter = db().select().from(suppliers).where(eq(suppliers.id, supplierId)).get()!.riskScore!;
    expect(riskAfter).toBeLessThan(riskBefore);
    expect(riskHistory(db(), org.members.admin.ctx, supplierId, 1)[0].trigger).toBe("remediation.close");

    const timeline = db()
      .select()
      .from(correctiveActionEvents)
      .where(eq(correctiveActionEvents.actionId, actionId))
      .all()
      .map((e) => e.event);
    expect(timeline).toEqual([
      "raised",
      "submit_plan",
      "return_plan",
      "submit_plan",
      "accept_plan",
      "start_work",
      "evidence_added",
      "submit_evidence",
      "verify",
      "close",
    ]);
    const logged = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, actionId)))
      .all()
      .map((r) => r.action);
    expect(logged).toEqual(expect.arrayContaining(["remediation.verify", "remediation.close"]));

    // Reopening brings the finding (and its risk points) back.
    reopenAction(auditor, actionId, { comment: "Workers report new deductions." });
    // The plan is owed again on the critical grade's clock from the day of reopening (7 and 90 days).
    expect(rowOf(actionId)).toMatchObject({
      state: "reopened",
      status: "open",
      verifiedAt: null,
      planDueDate: "2026-03-27",
      dueDate: "2026-06-18",
    });
    expect(db().select().from(findings).where(eq(findings.id, findingId)).get()!.status).toBe("open");
    const jobs = db()
      .select({ key: scheduledJobs.uniqueKey })
      .from(scheduledJobs)
      .where(like(scheduledJobs.uniqueKey, `action:${actionId}:%`))
      .all()
      .map((j) => j.key);
    expect(jobs).toEqual(
      expect.arrayContaining([
        deadlineKey(actionId, "plan-overdue", "2026-03-27"),
        deadlineKey(actionId, "overdue", "2026-06-18"),
      ]),
    );
  });

  it("restarts the deadlines from the organisation's grade table when reopened on the action page", async () => {
    const org = await createOrg();
    const table = Object.fromEntries(
      ["zero_tolerance", "critical", "major", "minor", "observation"].flatMap((g) => [
        [`${g}.planDays`, "3"],
        [`${g}.resolutionDays`, "40"],
      ]),
    );
    updateGradeTable(org.members.admin.ctx, table);
    const { actionId } = await findingAction(org, "major");
    const admin = at(org.members.admin.ctx, "2026-03-05T10:00:00Z");
    escalateAction(admin, actionId, {
      kind: "suspension",
      comment: "No plan after two reminders.",
      approverUserId: org.members.procurement.userId,
    });
    reopenAction(at(admin, "2026-05-10T08:00:00Z"), actionId, { comment: "The site asked to start again." });
    expect(rowOf(actionId)).toMatchObject({ planDueDate: "2026-05-13", dueDate: "2026-06-19" });
    const comment = db()
      .select({ comment: correctiveActionEvents.comment })
      .from(correctiveActionEvents)
      .where(and(eq(correctiveActionEvents.actionId, actionId), eq(correctiveActionEvents.event, "reopen")))
      .get()!.comment;
    expect(comment).toMatch(/plan due 2026-05-13, resolution due 2026-06-19/);
  });

  it("verifies by follow-up audit only with an audit of the same supplier after the action was raised", async () => {
    const org = await createOrg();
    const { supplierId, auditId, actionId } = await findingAction(org);
    const buyer = at(org.members.procurement.ctx, "2026-03-03T10:00:00Z");
    submitPlan(buyer, actionId, plan);
    acceptPlan(buyer, actionId, {});
    await uploadEvidence(buyer, { actionId, file: pdf() });
    submitEvidence(buyer, actionId, {});
    const auditor = at(org.members.auditor.ctx, "2026-04-10T10:00:00Z");
    expect(() =>
      verifyAction(auditor, actionId, { method: "follow_up_audit", note: "Seen on site by us." }),
    ).toThrow(ValidationError);
    expect(() =>
      verifyAction(auditor, actionId, {
        method: "follow_up_audit",
        note: "Seen on site.",
        followUpAuditId: auditId,
      }),
    ).toThrow(/after the action was raised/);
    const followUp = createAudit(auditor, { supplierId, scheme: "SMETA", auditDate: "2026-04-09" });
    verifyAction(auditor, actionId, {
      method: "follow_up_audit",
      note: "Seen on site.",
      followUpAuditId: followUp.id,
    });
    expect(rowOf(actionId)).toMatchObject({ state: "verified", followUpAuditId: followUp.id });
  });

  it("escalates with a reason and another member's approval; exit only after a suspension", async () => {
    const org = await createOrg();
    const { actionId } = await findingAction(org, "zero_tolerance");
    const buyer = org.members.procurement.ctx;
    const approver = org.members.executive.userId;
    expect(() =>
      escalateAction(buyer, actionId, {
        kind: "suspension",
        comment: "No plan after 3 reminders.",
        approverUserId: org.members.procurement.userId,
      }),
    ).toThrow(/Someone other than you/);
    expect(() =>
      escalateAction(buyer, actionId, {
        kind: "responsible_exit",
        comment: "No progress.",
        approverUserId: approver,
      }),
    ).toThrow(ValidationError);
    escalateAction(buyer, actionId, {
      kind: "suspension",
      comment: "No plan after 3 reminders.",
      approverUserId: approver,
    });
    escalateAction(buyer, actionId, {
      kind: "responsible_exit",
      comment: "Six months, no progress.",
      approverUserId: approver,
    });
    expect(rowOf(actionId).state).toBe("escalated");
  });

  it("refuses a stale transition (two tabs) and another tenant's or supplier's action", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { supplierId, actionId } = await findingAction(org);
    submitPlan(at(org.members.procurement.ctx, "2026-03-02T00:00:00Z"), actionId, plan);
    acceptPlan(org.members.procurement.ctx, actionId, {});
    expect(() => acceptPlan(org.members.admin.ctx, actionId, {})).toThrow(ConflictError);
    expect(() => acceptPlan(other.members.admin.ctx, actionId, {})).toThrow(NotFoundError);
    expect(() => getActionDetail(other.members.admin.ctx, actionId)).toThrow(NotFoundError);
    const supplierCtx: Ctx = {
      organizationId: org.id,
      actor: { type: "supplier", id: "link-1", label: "Supplier" },
    };
    expect(() => startWork(supplierCtx, actionId, {}, { supplierId: insertSupplier(org.id).id })).toThrow(
      NotFoundError,
    );
    startWork(supplierCtx, actionId, { note: "Started" }, { supplierId });
    expect(() => acceptPlan(supplierCtx, actionId, {})).toThrow(/Only the buyer/);
    expect(() => respondToFinding(supplierCtx, actionId, { response: "disputed" }, { supplierId })).toThrow(
      ValidationError,
    );
    respondToFinding(
      supplierCtx,
      actionId,
      { response: "disputed", reason: "Fees were paid to a third party." },
      { supplierId },
    );
    expect(rowOf(actionId)).toMatchObject({ supplierResponse: "disputed", state: "in_progress" });
  });
});

describe("overdue actions and the board", () => {
  it("counts a late plan from its plan deadline and an unresolved action from its resolution deadline", async () => {
    const org = await createOrg();
    const { supplierId, actionId } = await findingAction(org); // critical, raised 2026-03-01
    const on = (iso: string) => at(org.members.admin.ctx, iso);
    expect(overdueActions(db(), on("2026-03-08T12:00:00Z"), supplierId)).toEqual([]);
    expect(overdueActions(db(), on("2026-03-09T12:00:00Z"), supplierId)).toEqual([
      expect.objectContaining({ id: actionId, kind: "plan", dueDate: "2026-03-08" }),
    ]);
    submitPlan(on("2026-03-09T12:00:00Z"), actionId, plan);
    expect(overdueActions(db(), on("2026-03-10T12:00:00Z"), supplierId)).toEqual([]);
    expect(overdueActions(db(), on("2026-06-01T12:00:00Z"), supplierId)).toEqual([
      expect.objectContaining({ kind: "resolution", dueDate: "2026-05-30" }),
    ]);
    expect(listRemediationTasks(on("2026-06-01T12:00:00Z"), { supplierId })[0]).toMatchObject({
      overdue: true,
      overdueKind: "resolution",
      state: "plan_submitted",
    });
  });

  it("filters by state, grade, supplier, owner and overdue, with keyset pages in due-date order", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const ctx = at(org.members.auditor.ctx, "2026-01-01T00:00:00Z");
    writeTx((tx) => {
      for (let i = 0; i < ACTIONS_PAGE_SIZE + 5; i++)
        raiseRemediationTask(
          tx,
          { ...ctx, now: () => new Date(Date.UTC(2026, 0, 1 + i)) },
          {
            supplierId: s.id,
            sourceType: "answer",
            sourceRef: `a:${i}`,
            title: `Flag ${i}`,
            grade: i % 2 ? "major" : "minor",
          },
        );
    });
    const first = listActionBoard(ctx, { state: "open" });
    expect(first.total).toBe(ACTIONS_PAGE_SIZE + 5);
    expect(first.rows).toHaveLength(ACTIONS_PAGE_SIZE);
    const dues = first.rows.map((r) => r.dueDate);
    expect([...dues].sort()).toEqual(dues);
    const second = listActionBoard(ctx, { state: "open", after: first.next! });
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(ACTIONS_PAGE_SIZE + 5);
    const back = listActionBoard(ctx, { state: "open", before: second.prev! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(listActionBoard(ctx, { grade: "major" }).total).toBe(Math.floor((ACTIONS_PAGE_SIZE + 5) / 2));
    expect(listActionBoard(ctx, { state: "closed" }).total).toBe(0);
    expect(listActionBoard(ctx, { owner: org.members.admin.userId }).total).toBe(0);
    expect(listActionBoard(at(ctx, "2026-02-01T00:00:00Z"), { overdue: "1" }).total).toBeGreaterThan(0);
    const other = await createOrg();
    expect(listActionBoard(other.members.admin.ctx, {}).total).toBe(0);
  });
});
