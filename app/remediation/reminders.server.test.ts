import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { reviewPriorFinding } from "~/audits/follow-up.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { runDueJobs } from "~/scheduler/scheduler.server";
import { emailOutbox, remediationTasks, scheduledJobs } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { submitPlan } from "./actions.server";
import { actionJobHandlers, scheduleActionDeadlines } from "./reminders.server";

const at = (iso: string) => new Date(iso);
const ctxAt = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => at(iso) });

async function setup() {
  const org = await createOrg();
  const supplierId = insertSupplier(org.id, { name: "Deadline Knitwear" }).id;
  const ctx = ctxAt(org.members.auditor.ctx, "2026-03-01T09:00:00Z");
  const audit = createAudit(ctx, { supplierId, scheme: "RBA", auditDate: "2026-02-27" });
  const { taskId } = addFinding(ctx, { auditId: audit.id, title: "Wages withheld", schemeGrade: "Priority" });
  return { org, actionId: taskId };
}

const mailTo = (organizationId: string) =>
  db()
    .select({ template: emailOutbox.template, to: emailOutbox.toAddress, subject: emailOutbox.subject })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.organizationId, organizationId), like(emailOutbox.template, "action-%")))
    .all();

const run = (iso: string) => runDueJobs({ handlers: actionJobHandlers, workerId: "clock", now: at(iso) });

describe("corrective-action deadline mail (injected clock)", () => {
  it("reminds before the plan is due, once, and says nothing once the plan is in", async () => {
    const { org, actionId } = await setup();
    const keys = db()
      .select({ key: scheduledJobs.uniqueKey, runAt: scheduledJobs.runAt })
      .from(scheduledJobs)
      .where(like(scheduledJobs.uniqueKey, `action:${actionId}:%`))
      .all();
    // Priority → critical: plan due 2026-03-08, resolution 2026-05-30.
    expect(keys.map((k) => [k.key!.split(":").slice(2).join(":"), k.runAt.toISOString()]).sort()).toEqual([
      ["due-reminder:2026-05-30", "2026-05-23T08:00:00.000Z"],
      ["overdue:2026-05-30", "2026-05-31T08:00:00.000Z"],
      ["plan-overdue:2026-03-08", "2026-03-09T08:00:00.000Z"],
      ["plan-reminder:2026-03-08", "2026-03-06T08:00:00.000Z"],
    ]);
    await run("2026-03-05T12:00:00Z");
    expect(mailTo(org.id)).toEqual([]);
    await run("2026-03-06T09:00:00Z");
    expect(mailTo(org.id)).toEqual([
      expect.objectContaining({ template: "action-plan-reminder", to: org.members.procurement.email }),
    ]);
    // Never twice: another run, and scheduling the chain again, add nothing.
    await run("2026-03-06T10:00:00Z");
    writeTx((tx) =>
      scheduleActionDeadlines(
        tx,
        db().select().from(remediationTasks).where(eq(remediationTasks.id, actionId)).get()!,
      ),
    );
    await run("2026-03-06T11:00:00Z");
    expect(mailTo(org.id)).toHaveLength(1);

    submitPlan(ctxAt(org.members.procurement.ctx, "2026-03-07T09:00:00Z"), actionId, {
      rootCause: "Cash-flow problems after a cancelled order.",
      correctiveAction: "Pay the withheld wages with interest.",
      preventiveAction: "Wages paid into a separate account monthly.",
      planTargetDate: "2026-04-30",
      supplierOwner: "Finance manager",
    });
    await run("2026-03-09T09:00:00Z");
    expect(mailTo(org.id).map((m) => m.template)).toEqual(["action-plan-reminder"]);
  });

  it("sends the overdue notice to the owner after the resolution deadline while unresolved", async () => {
    const { org, actionId } = await setup();
    db()
      .update(remediationTasks)
      .set({ buyerOwnerUserId: org.members.admin.userId })
      .where(eq(remediationTasks.id, actionId))
      .run();
    await run("2026-05-31T09:00:00Z");
    const mail = mailTo(org.id);
    // The due-soon reminders' moments passed while nothing ran: only the overdue notices go out.
    expect(mail.map((m) => m.template).sort()).toEqual(["action-overdue", "action-plan-overdue"]);
    expect(new Set(mail.map((m) => m.to))).toEqual(new Set([org.members.admin.email]));
    expect(mail.find((m) => m.template === "action-overdue")!.subject).toContain(
      "Overdue: Deadline Knitwear",
    );
    await run("2026-06-07T09:00:00Z");
    expect(mailTo(org.id)).toHaveLength(2);
  });

  it("announces a moved deadline on its new date only (a follow-up audit re-graded the finding)", async () => {
    const { org, actionId } = await setup();
    const supplierId = db().select().from(remediationTasks).where(eq(remediationTasks.id, actionId)).get()!
      .supplierId;
    const ctx = ctxAt(org.members.auditor.ctx, "2026-04-01T09:00:00Z");
    const followUp = createAudit(ctx, { supplierId, scheme: "RBA", auditDate: "2026-03-31" });
    const findingId = db().select().from(remediationTasks).where(eq(remediationTasks.id, actionId)).get()!
      .sourceRef;
    // Priority (critical) → Minor on 1 April: resolution due 270 days later, 2026-12-27.
    reviewPriorFinding(ctx, { auditId: followUp.id, findingId, decision: "regrade", schemeGrade: "Minor" });
    await run("2026-06-01T09:00:00Z");
    // The plan notice is for the plan deadline, which the re-grade moved to 15 April and which has passed;
    // the old resolution date (30 May) announces nothing.
    expect(mailTo(org.id).map((m) => m.template)).toEqual(["action-plan-overdue"]);
    await run("2026-12-28T09:00:00Z");
    expect(mailTo(org.id).map((m) => m.template)).toEqual(["action-plan-overdue", "action-overdue"]);
  });
});
