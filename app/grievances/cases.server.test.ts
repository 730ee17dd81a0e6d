import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { createSession } from "~/orgs/session.server";
import { action as caseAction, loader as caseLoader } from "~/routes/grievances.$caseId";
import { loader as listLoader } from "~/routes/grievances._index";
import { runDueJobs } from "~/scheduler/scheduler.server";
import { createSite } from "~/suppliers/sites.server";
import {
  auditLog,
  emailOutbox,
  grievanceCases,
  memberships,
  remediationTasks,
  riskAssessments,
  users,
} from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { openCase, replyToReporter, revealContact, transitionCase, triageCase } from "./cases.server";
import { grievanceJobHandlers } from "./clocks.server";
import { intakeMessages } from "./intake-i18n.server";
import { openWithReceipt, submitReport, type ReportInput } from "./intake.server";

let n = 0;
async function addMember(organizationId: string, role: Role) {
  const passwordHash = await hash("correct horse battery staple");
  return writeTx((tx) => {
    const email = `${role}-${Date.now()}-${n++}@example.test`;
    const user = tx
      .insert(users)
      .values({ email, name: `${role} person`, passwordHash })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId, userId: user.id, role }).run();
    const { cookie } = createSession(tx, { userId: user.id, organizationId });
    const ctx: Ctx = { organizationId, actor: { type: "user", id: user.id, label: `${role} person`, role } };
    return { cookie: cookie.split(";")[0], ctx, email };
  });
}

const REPORT: ReportInput = {
  whatHappened: "The agent keeps our passports",
  place: null,
  since: "months",
  howMany: "many",
  ongoing: "yes",
  indicators: ["retention_of_identity_documents"],
  contact: "viber +95 9 123 4567",
};

async function status(fn: () => unknown): Promise<number> {
  try {
    const out = await fn();
    const init = (out as { init?: ResponseInit } | null)?.init;
    return init?.status ?? 200;
  } catch (r) {
    if (r instanceof Response) return r.status;
    throw r;
  }
}

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

describe("grievance cases", () => {
  it("are the grievance roles' alone: others get 404, another tenant's id is 404, every view is logged", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const foreignHandler = await addMember(other.id, "grievance_handler");
    const { caseId } = submitReport({ orgId: org.id, siteId: null }, "my", REPORT);
    const url = `http://localhost/grievances/${caseId}`;

    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      expect(await status(() => caseLoader(args(requestAs(org.members[role], url), { caseId }))), role).toBe(
        404,
      );
      expect(
        await status(() => listLoader(args(requestAs(org.members[role], "http://localhost/grievances")))),
        role,
      ).toBe(404);
      expect(
        await status(() =>
          caseAction(
            args(
              requestAs(org.members[role], url, { method: "POST", form: { intent: "reply", body: "x" } }),
              { caseId },
            ),
          ),
        ),
        role,
      ).toBe(404);
    }
    expect(await status(() => caseLoader(args(requestAs(foreignHandler, url), { caseId })))).toBe(404);
    expect(
      await status(() =>
        caseAction(
          args(requestAs(foreignHandler, url, { method: "POST", form: { intent: "reply", body: "x" } }), {
            caseId,
          }),
        ),
      ),
    ).toBe(404);

    const page = (await caseLoader(args(requestAs(handler, url), { caseId }))) as {
      c: { whatHappened: string };
    };
    expect(page.c.whatHappened).toBe("The agent keeps our passports");
    await caseLoader(args(requestAs(handler, url), { caseId }));
    const views = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "grievance.viewed")))
      .all();
    expect(views).toHaveLength(2);
    expect(views.every((v) => v.entityId === caseId)).toBe(true);
    expect(views.map((v) => v.actorLabel)).toEqual(["grievance_handler person", "grievance_handler person"]);
    // The audit log never holds what the worker wrote.
    expect(
      JSON.stringify(db().select().from(auditLog).where(eq(auditLog.organizationId, org.id)).all()),
    ).not.toContain("passports");
    // Nothing of org A is logged in org B's chain by the refused views.
    expect(db().select().from(auditLog).where(eq(auditLog.organizationId, other.id)).all()).toEqual([]);
  });

  it("the custodian reveals contact details with a reason, and each reveal is logged; a handler cannot", async () => {
    const org = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const custodian = await addMember(org.id, "grievance_custodian");
    const { caseId } = submitReport({ orgId: org.id, siteId: null }, "my", REPORT);
    const url = `http://localhost/grievances/${caseId}`;

    const byHandler = await status(() =>
      caseAction(
        args(
          requestAs(handler, url, {
            method: "POST",
            form: { intent: "reveal", reason: "Need to call about safety" },
          }),
          { caseId },
        ),
      ),
    );
    expect(byHandler).toBe(403);
    expect(() => revealContact(handler.ctx, caseId, { reason: "Need to call about safety" })).toThrow(
      /Only grievance handlers/,
    );

    const noReason = (await caseAction(
      args(requestAs(custodian, url, { method: "POST", form: { intent: "reveal", reason: "" } }), { caseId }),
    )) as { init: ResponseInit; data: { fieldErrors: Record<string, string> } };
    expect(noReason.init.status).toBe(400);
    expect(noReason.data.fieldErrors.reason).toMatch(/reason/);

    const out = (await caseAction(
      args(
        requestAs(custodian, url, {
          method: "POST",
          form: { intent: "reveal", reason: "Worker asked for a call back" },
        }),
        { caseId },
      ),
    )) as { contact: string };
    expect(out.contact).toBe("viber +95 9 123 4567");
    const reveals = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "grievance.contact_revealed")))
      .all();
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({
      entityId: caseId,
      actorId: custodian.ctx.actor.type === "user" ? custodian.ctx.actor.id : null,
    });
    expect(JSON.parse(reveals[0].details!)).toMatchObject({ reason: "Worker asked for a call back" });
    // The contact never enters the audit log in clear.
    expect(reveals[0].details).not.toContain("123 4567");
  });

  it("the clocks remind the handlers with an injected clock, and say nothing once the clock is met", async () => {
    const org = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    await addMember(org.id, "grievance_custodian");
    const received = new Date("2031-03-02T12:00:00Z");
    const { caseId } = submitReport({ orgId: org.id, siteId: null }, "en", REPORT, { now: received });
    const run = (at: string) =>
      runDueJobs({
        handlers: grievanceJobHandlers,
        workerId: "test",
        now: new Date(at),
        kinds: ["grievance.clock"],
      });
    const mails = () =>
      db()
        .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, template: emailOutbox.template })
        .from(emailOutbox)
        .where(eq(emailOutbox.organizationId, org.id))
        .all();

    await run("2031-03-06T09:00:00Z");
    expect(mails()).toEqual([]);
    await run("2031-03-07T09:00:00Z"); // 2 days before the 7-day deadline (9 March)
    expect(mails()).toHaveLength(2); // handler and custodian, nobody else
    expect(
      mails().every(
        (m) => m.template === "grievance-acknowledge-soon" && /acknowledge by 9 March 2031/.test(m.subject),
      ),
    ).toBe(true);
    expect(mails().map((m) => m.to)).toContain(handler.email);
    await run("2031-03-10T09:00:00Z"); // the day after: overdue notice
    expect(mails().filter((m) => m.template === "grievance-acknowledge-overdue")).toHaveLength(2);

    // Acknowledged on 11 March: the feedback deadline moves to 11 June; the jobs planned for the
    // unacknowledged deadline (9 June) send nothing, the new ones do.
    transitionCase({ ...handler.ctx, now: () => new Date("2031-03-11T10:00:00Z") }, caseId, {
      event: "acknowledge",
    });
    await run("2031-05-27T09:00:00Z");
    expect(mails().filter((m) => m.template === "grievance-feedback-soon")).toHaveLength(0);
    await run("2031-05-28T09:00:00Z"); // 14 days before 11 June
    expect(mails().filter((m) => m.template === "grievance-feedback-soon")).toHaveLength(2);
    replyToReporter({ ...handler.ctx, now: () => new Date("2031-06-01T10:00:00Z") }, caseId, {
      body: "We are looking into it.",
    });
    await run("2031-06-13T09:00:00Z");
    expect(mails().filter((m) => m.template === "grievance-feedback-overdue")).toHaveLength(0);
    const c = db().select().from(grievanceCases).where(eq(grievanceCases.id, caseId)).get()!;
    expect(c).toMatchObject({ acknowledgedOn: "2031-03-11", feedbackOn: "2031-06-01" });
  });

  it("the reporter reads the acknowledgement in their language and the handler's reply", async () => {
    const org = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const { caseId, code } = submitReport({ orgId: org.id, siteId: null }, "bn", {
      ...REPORT,
      contact: null,
    });
    transitionCase(handler.ctx, caseId, { event: "acknowledge" });
    replyToReporter(handler.ctx, caseId, { body: "আমরা সরবরাহকারীর সাথে কথা বলছি।" });
    const seen = openWithReceipt(org.id, code, { ip: null });
    expect(seen.ok && seen.view.state).toBe("acknowledged");
    expect(seen.ok && seen.view.messages.map((m) => [m.author, m.body])).toEqual([
      ["system", intakeMessages("bn")["ack.message"]],
      ["handler", "আমরা সরবরাহকারীর সাথে কথা বলছি।"],
    ]);
  });

  it("a substantiated case raises a corrective action and a risk factor on its supplier, until it closes", async () => {
    const org = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const supplier = insertSupplier(org.id);
    const site = createSite(org.members.admin.ctx, supplier.id, { name: "Yangon plant", country: "MM" });
    const { caseId } = submitReport({ orgId: org.id, siteId: null }, "my", REPORT);

    transitionCase(handler.ctx, caseId, { event: "acknowledge" });
    transitionCase(handler.ctx, caseId, { event: "investigate" });
    expect(() =>
      transitionCase(handler.ctx, caseId, { event: "substantiate", note: "Confirmed on a visit" }),
    ).toThrow(/Link the case to a supplier/);
    expect(() => transitionCase(handler.ctx, caseId, { event: "substantiate" })).toThrow();
    expect(() => transitionCase(handler.ctx, caseId, { event: "close" })).toThrow(/not possible/);
    triageCase(handler.ctx, caseId, { supplierId: supplier.id, siteId: site.id });
    const other = await createOrg();
    expect(() => triageCase(handler.ctx, caseId, { supplierId: insertSupplier(other.id).id })).toThrow();

    const r = transitionCase(handler.ctx, caseId, {
      event: "substantiate",
      note: "Passports found in the office safe",
    });
    expect(r.state).toBe("substantiated");
    const action = db().select().from(remediationTasks).where(eq(remediationTasks.id, r.actionId!)).get()!;
    expect(action).toMatchObject({
      supplierId: supplier.id,
      sourceType: "grievance",
      sourceRef: caseId,
      grade: "zero_tolerance",
      iloIndicator: "7",
      title: "Substantiated worker grievance #1: retention of identity documents",
    });
    const latestRisk = () =>
      db().select().from(riskAssessments).where(eq(riskAssessments.supplierId, supplier.id)).all().at(-1)!;
    const lines = JSON.stringify(latestRisk().factors);
    expect(lines).toContain("substantiated worker grievance #1 (retention of identity documents)");
    expect(lines).toContain("Worker grievance #1, substantiated on");
    expect(lines).not.toContain("passports");

    transitionCase(handler.ctx, caseId, { event: "start_remedy" });
    transitionCase(handler.ctx, caseId, { event: "close" });
    expect(JSON.stringify(latestRisk().factors)).not.toContain("worker grievance #1");
    // Reopening keeps the action; substantiating again does not raise a second one.
    transitionCase(handler.ctx, caseId, { event: "reopen", note: "New report of the same" });
    const again = transitionCase(handler.ctx, caseId, { event: "substantiate", note: "Still held" });
    expect(again.actionId).toBe(r.actionId);
    expect(openCase(handler.ctx, caseId).state).toBe("substantiated");
  });
});
