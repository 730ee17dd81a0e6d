import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { uploadEvidence } from "~/evidence/evidence.server";
import type { Ctx } from "~/infra/context";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { acceptPlan, submitEvidence, submitPlan } from "~/remediation/actions.server";
import { riskHistory } from "~/risk/risk.server";
import * as auditPage from "~/routes/audits.$auditId";
import {
  auditLog,
  correctiveActionEvents,
  findings,
  followUpReviews,
  remediationTasks,
  scheduledJobs,
} from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { addFinding, createAudit } from "./audits.server";
import { priorFindings, reviewPriorFinding } from "./follow-up.server";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
const auditor = (iso = "2026-03-01T09:00:00Z") => at(org.members.auditor.ctx, iso);
const actionOf = (findingId: string) =>
  db().select().from(remediationTasks).where(eq(remediationTasks.sourceRef, findingId)).get()!;
const findingRow = (id: string) => db().select().from(findings).where(eq(findings.id, id)).get()!;
const riskLines = (supplierId: string) =>
  (riskHistory(db(), org.members.auditor.ctx, supplierId, 1)[0].factors as { factor: string }[]).map(
    (l) => l.factor,
  );

/** A SMETA audit in March with two findings, and a follow-up audit of the same supplier in June. */
function setUp() {
  const supplierId = insertSupplier(org.id, { country: "BD" }).id;
  const first = createAudit(auditor(), { supplierId, scheme: "SMETA", auditDate: "2026-02-25" });
  const fees = addFinding(auditor(), {
    auditId: first.id,
    title: "Recruitment fees paid by migrant workers",
    schemeGrade: "Minor",
    clause: "ETI 1.1",
  }).finding;
  const hours = addFinding(auditor(), {
    auditId: first.id,
    title: "Overtime above 60 hours a week",
    schemeGrade: "Major",
  }).finding;
  const followUp = createAudit(auditor("2026-06-12T09:00:00Z"), {
    supplierId,
    scheme: "SMETA",
    auditDate: "2026-06-10",
  });
  return { supplierId, first, followUp, fees, hours };
}

describe("a follow-up audit reviews the findings of earlier audits", () => {
  it("re-grades a finding: grade, deadlines from the grade table, reminders, risk, timeline, audit log", () => {
    const { supplierId, followUp, fees } = setUp();
    const before = actionOf(fees.id);
    expect(before).toMatchObject({ grade: "minor", planDueDate: "2026-03-15", dueDate: "2026-11-26" });
    expect(riskLines(supplierId)).toContain("Open minor finding: Recruitment fees paid by migrant workers");

    const ctx = auditor("2026-06-12T10:00:00Z");
    reviewPriorFinding(ctx, {
      auditId: followUp.id,
      findingId: fees.id,
      decision: "regrade",
      schemeGrade: "critical",
      note: "Workers still repay agents from their wages.",
    });
    expect(findingRow(fees.id)).toMatchObject({ grade: "critical", schemeGrade: "Critical", status: "open" });
    // Critical: plan in 7 days and resolution in 90 from the re-grading, never later than before.
    expect(actionOf(fees.id)).toMatchObject({
      grade: "critical",
      state: "open",
      planDueDate: "2026-03-15",
      dueDate: "2026-09-10",
      title: "Critical finding: Recruitment fees paid by migrant workers",
    });
    expect(riskLines(supplierId)).toContain(
      "Open critical finding: Recruitment fees paid by migrant workers",
    );
    expect(riskLines(supplierId)).not.toContain(
      "Open minor finding: Recruitment fees paid by migrant workers",
    );
    const jobs = db()
      .select({ key: scheduledJobs.uniqueKey })
      .from(scheduledJobs)
      .all()
      .map((j) => j.key);
    expect(jobs).toContain(`action:${before.id}:overdue:2026-09-10`);
    const events = db()
      .select()
      .from(correctiveActionEvents)
      .where(eq(correctiveActionEvents.actionId, before.id))
      .all();
    expect(events.at(-1)).toMatchObject({ event: "regraded", actorUserId: org.members.auditor.userId });
    expect(events.at(-1)!.comment).toContain(
      "from minor to critical at the SMETA follow-up audit of 2026-06-10",
    );
    const logged = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, fees.id)))
      .all()
      .map((r) => r.action);
    expect(logged).toContain("finding.follow_up_regraded");

    const listed = priorFindings(org.members.auditor.ctx, followUp.id);
    expect(listed.map((f) => f.title)).toEqual([
      "Recruitment fees paid by migrant workers",
      "Overtime above 60 hours a week",
    ]);
    expect(listed[0].reviews).toMatchObject([
      { outcome: "regraded", fromGrade: "minor", toGrade: "critical" },
    ]);

    // A lighter grade restarts from the day of re-grading: minor again, 270 days from 1 July.
    reviewPriorFinding(auditor("2026-07-01T10:00:00Z"), {
      auditId: followUp.id,
      findingId: fees.id,
      decision: "regrade",
      schemeGrade: "Minor",
    });
    expect(actionOf(fees.id)).toMatchObject({ grade: "minor", dueDate: "2027-03-28" });
  });

  it("refuses unknown grade words (naming the accepted ones), the same grade, and notes too short", () => {
    const { followUp, fees } = setUp();
    const ctx = auditor("2026-06-12T10:00:00Z");
    const base = { auditId: followUp.id, findingId: fees.id };
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "regrade", schemeGrade: "Priority" })).toThrow(
      /“Priority” is not a SMETA grade. Use one of: Business critical, Critical, Major, Minor, Observation/,
    );
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "regrade", schemeGrade: "Minor" })).toThrow(
      /already graded minor/,
    );
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "regrade" })).toThrow(ValidationError);
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "close", note: "ok" })).toThrow(
      ValidationError,
    );
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "reopen" })).toThrow(ValidationError);
    expect(() => reviewPriorFinding(ctx, { ...base, decision: "forgive" as "close" })).toThrow(
      ValidationError,
    );
    expect(db().select().from(followUpReviews).where(eq(followUpReviews.findingId, fees.id)).all()).toEqual(
      [],
    );
  });

  it("closes a finding as verified by the audit (its risk points go), then reopens it with new deadlines", () => {
    const { supplierId, followUp, hours } = setUp();
    const ctx = auditor("2026-06-12T10:00:00Z");
    const action = actionOf(hours.id);
    reviewPriorFinding(ctx, {
      auditId: followUp.id,
      findingId: hours.id,
      decision: "close",
      note: "Time records for March to May show no week above 60 hours.",
    });
    expect(actionOf(hours.id)).toMatchObject({
      state: "closed",
      status: "completed",
      verificationMethod: "follow_up_audit",
      followUpAuditId: followUp.id,
      verifiedByUserId: org.members.auditor.userId,
    });
    expect(findingRow(hours.id).status).toBe("closed");
    expect(riskLines(supplierId)).not.toContain("Open major finding: Overtime above 60 hours a week");

    // Closing again is refused with the state machine's reason.
    expect(() =>
      reviewPriorFinding(ctx, {
        auditId: followUp.id,
        findingId: hours.id,
        decision: "close",
        note: "Seen again on site today, still fixed.",
      }),
    ).toThrow(/closed at a follow-up audit only while it is not closed.*this action is “Closed”/);
    // Re-grading a closed finding is refused: reopen it.
    expect(() =>
      reviewPriorFinding(ctx, {
        auditId: followUp.id,
        findingId: hours.id,
        decision: "regrade",
        schemeGrade: "Critical",
      }),
    ).toThrow(/reopen it to grade it again/);

    const later = auditor("2026-09-01T10:00:00Z");
    const third = createAudit(later, { supplierId, scheme: "SMETA", auditDate: "2026-08-30" });
    reviewPriorFinding(later, {
      auditId: third.id,
      findingId: hours.id,
      decision: "reopen",
      schemeGrade: "Critical",
      note: "Overtime is back: 72-hour weeks in August.",
    });
    expect(actionOf(hours.id)).toMatchObject({
      state: "reopened",
      status: "open",
      grade: "critical",
      planDueDate: "2026-09-08",
      dueDate: "2026-11-30",
      verifiedAt: null,
    });
    expect(findingRow(hours.id)).toMatchObject({ status: "open", grade: "critical" });
    expect(riskLines(supplierId)).toContain("Open critical finding: Overtime above 60 hours a week");
    // An open action cannot be reopened: the reason names its state.
    expect(() =>
      reviewPriorFinding(later, {
        auditId: third.id,
        findingId: hours.id,
        decision: "reopen",
        note: "Again.",
      }),
    ).toThrow(/reopened only once it has been verified, closed or escalated; this action is “Reopened”/);
    void action;
  });

  it("refuses closure by whoever submitted the evidence", async () => {
    const { followUp, fees } = setUp();
    const actionId = actionOf(fees.id).id;
    const me = auditor("2026-03-05T10:00:00Z");
    submitPlan(me, actionId, {
      rootCause: "Agents in Nepal charged fees the factory never checked.",
      correctiveAction: "Repay every worker's recruitment fees in full.",
      preventiveAction: "Employer-pays clause in every agency contract.",
      planTargetDate: "2026-05-30",
      supplierOwner: "Ms Akter, HR manager",
    });
    acceptPlan(at(org.members.procurement.ctx, "2026-03-06T10:00:00Z"), actionId, {});
    await uploadEvidence(me, {
      actionId,
      file: new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")], "receipts.pdf"),
    });
    submitEvidence(me, actionId, {});
    const close = (ctx: Ctx) =>
      reviewPriorFinding(ctx, {
        auditId: followUp.id,
        findingId: fees.id,
        decision: "close",
        note: "Repayment receipts checked against the payroll.",
      });
    expect(() => close(auditor("2026-06-12T10:00:00Z"))).toThrow(/someone else must verify it/);
    close(at(org.members.procurement.ctx, "2026-06-12T10:00:00Z"));
    expect(actionOf(fees.id).state).toBe("closed");
  });

  it("reaches only earlier findings of the same supplier of the same tenant", () => {
    const { supplierId, first, followUp, fees } = setUp();
    const ctx = auditor("2026-06-12T10:00:00Z");
    const elsewhere = insertSupplier(org.id).id;
    const otherAudit = createAudit(ctx, { supplierId: elsewhere, scheme: "SMETA", auditDate: "2026-06-11" });
    const review = (auditId: string, findingId: string, c = ctx) =>
      reviewPriorFinding(c, { auditId, findingId, decision: "regrade", schemeGrade: "Major" });
    expect(() => review(otherAudit.id, fees.id)).toThrow(NotFoundError);
    // The first audit cannot "follow up" its own finding, nor a later audit's.
    expect(() => review(first.id, fees.id)).toThrow(ConflictError);
    const late = addFinding(ctx, {
      auditId: followUp.id,
      title: "No fire drill since 2025",
      schemeGrade: "Minor",
    });
    expect(() => review(first.id, late.finding.id)).toThrow(/after this one/);
    expect(() => review(followUp.id, fees.id, other.members.auditor.ctx)).toThrow(NotFoundError);
    expect(priorFindings(ctx, first.id)).toEqual([]);
    expect(priorFindings(ctx, followUp.id).map((f) => f.title)).not.toContain("No fire drill since 2025");
    expect(() => priorFindings(other.members.auditor.ctx, followUp.id)).toThrow(NotFoundError);
    void supplierId;
  });
});

describe("the follow-up audit's page", () => {
  it("lists earlier findings with the choices their state allows; a bad choice re-renders with field errors", async () => {
    const { followUp, fees } = setUp();
    const url = `/audits/${followUp.id}`;
    const params = { auditId: followUp.id };
    const load = async () =>
      renderPage(
        auditPage.default,
        await auditPage.loader(routeArgs(requestAs(org.members.auditor, url), params)),
        url,
        "/audits/:auditId",
      );
    const html = await load();
    expect(html).toContain("Findings of earlier audits (2)");
    expect(html).toContain("Recruitment fees paid by migrant workers");
    expect(html).toContain("Grade it again");
    expect(html).toContain("Fixed: verified and closed by this audit");
    expect(html).not.toContain("Not fixed: reopen it");

    const post = (member: typeof org.members.auditor, form: Record<string, string>) =>
      settle(auditPage.action(routeArgs(requestAs(member, url, { form }), params)));
    const bad = (await post(org.members.auditor, {
      intent: "follow-up",
      findingId: fees.id,
      decision: "regrade",
      schemeGrade: "Priority",
    })) as unknown as { init: ResponseInit; data: { intent: string; fieldErrors: Record<string, string> } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.intent).toBe("follow-up");
    expect(bad.data.fieldErrors.schemeGrade).toMatch(/Use one of: Business critical/);
    const page = await renderPage(
      auditPage.default,
      await auditPage.loader(routeArgs(requestAs(org.members.auditor, url), params)),
      url,
      "/audits/:auditId",
      bad.data,
    );
    expect(page).toContain("“Priority” is not a SMETA grade");

    const ok = (await post(org.members.auditor, {
      intent: "follow-up",
      findingId: fees.id,
      decision: "regrade",
      schemeGrade: "Major",
    })) as { ok: boolean; notice: string };
    expect(ok).toMatchObject({ ok: true, intent: "follow-up" });
    expect(actionOf(fees.id).grade).toBe("major");
    expect(await load()).toMatch(/At this audit: Graded again<\/span> \(minor → major\) by /);

    const refused = [
      await post(org.members.executive, { intent: "follow-up", findingId: fees.id, decision: "close" }),
      await post(other.members.auditor, { intent: "follow-up", findingId: fees.id, decision: "close" }),
    ];
    expect(refused.map((r) => (r as Response).status)).toEqual([403, 404]);
  });
});
