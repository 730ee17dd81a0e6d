import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { invitationRenderer, renderInvitationEmail } from "~/questionnaires/invitation-emails.server";
import { reminderJobHandlers, resendAssignment } from "~/questionnaires/reminders.server";
import { resolveSnapshot } from "~/questionnaires/snapshots.server";
import { BUILTIN_FORCED_LABOUR_ID } from "~/questionnaires/templates.server";
import { runDueJobs } from "~/scheduler/scheduler.server";
import {
  assignments,
  campaignRecipients,
  emailOutbox,
  scheduledJobs,
  supplierContacts,
  supplierPortalSessions,
} from "~db/schema";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import { campaignJobHandlers, processCampaignSend } from "./campaign-send.server";
import {
  createCampaign,
  findAudience,
  getCampaign,
  getCampaignProgress,
  listCampaigns,
  revokeCampaignAssignment,
  type CreateCampaignInput,
} from "./campaigns.server";

const handlers = { ...campaignJobHandlers, ...reminderJobHandlers };
const DUE = "2030-06-20";
const SENT_AT = new Date("2030-06-01T10:00:00Z");
const at = (iso: string) => new Date(iso);

let org: TestOrg;
let other: TestOrg;
const ids: Record<string, string> = {};

function addContact(organizationId: string, supplierId: string, language: string | null) {
  db()
    .insert(supplierContacts)
    .values({ organizationId, supplierId, name: "Primary", email: "p@x.test", language, isPrimary: true })
    .run();
}

function input(patch: Partial<CreateCampaignInput> = {}): CreateCampaignInput {
  return {
    name: "",
    templateId: BUILTIN_FORCED_LABOUR_ID,
    dueDate: DUE,
    reminderDays: [7, 3, 1],
    overdueWeekly: true,
    language: "contact",
    selection: "all",
    supplierIds: [],
    filter: { country: "PE" },
    ...patch,
  };
}

const ctxAt = (when: Date) => ({ ...org.members.procurement.ctx, now: () => when });

function emailsTo(address: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all();
}

function campaignAssignments(campaignId: string) {
  return db().select().from(assignments).where(eq(assignments.campaignId, campaignId)).all();
}

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  for (const [key, lang] of [
    ["es", "es-MX"],
    ["fr", "fr"],
    ["none", null],
    ["zh", "zh-Hans"],
    ["bad", "xx"],
  ] as const) {
    const s = insertSupplier(org.id, {
      name: `Peru ${key} & Co`,
      country: "PE",
      contactName: `Contact ${key}`,
      contactEmail: `${key}@pe.test`,
    });
    if (lang) addContact(org.id, s.id, lang);
    ids[key] = s.id;
  }
  ids.elsewhere = insertSupplier(org.id, { country: "VN", contactEmail: "vn@vn.test" }).id;
  ids.foreign = insertSupplier(other.id, { country: "PE", contactEmail: "foreign@pe.test" }).id;
});

describe("audience", () => {
  it("counts matching suppliers in SQL and shows each one's language (primary contact, else English)", () => {
    const a = findAudience(org.members.procurement.ctx, { country: "PE" }, { limit: 2 });
    expect(a.total).toBe(5);
    expect(a.rows).toHaveLength(2);
    const all = findAudience(org.members.procurement.ctx, { country: "PE" });
    const lang = Object.fromEntries(all.rows.map((r) => [r.name, r.language]));
    expect(lang).toEqual({
      "Peru es & Co": "es",
      "Peru fr & Co": "fr",
      "Peru none & Co": "en",
      "Peru zh & Co": "zh-Hans",
      "Peru bad & Co": "en",
    });
    // Never another tenant's suppliers.
    expect(findAudience(other.members.admin.ctx, { country: "PE" }).total).toBe(1);
  });
});

describe("sending a campaign", () => {
  let campaignId: string;

  it("creates the campaign and its recipients, and queues the send job; nothing is emailed yet", () => {
    const r = createCampaign(ctxAt(SENT_AT), input());
    campaignId = r.campaignId;
    expect(r.total).toBe(5);
    expect(getCampaignProgress(org.members.auditor.ctx, campaignId)).toMatchObject({
      status: "queued",
      total: 5,
      queued: 0,
      percent: 0,
    });
    expect(campaignAssignments(campaignId)).toHaveLength(0);
    const job = db()
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.uniqueKey, `campaign-send:${campaignId}`))
      .get();
    expect(job?.status).toBe("pending");
  });

  it("sends in batches and resumes after a crash without doubling anyone", async () => {
    const first = await processCampaignSend(campaignId, org.id, {
      now: () => SENT_AT,
      batchSize: 2,
      maxBatches: 1,
    });
    expect(first).toEqual({ created: 2, done: false });
    expect(getCampaignProgress(org.members.procurement.ctx, campaignId)).toMatchObject({
      status: "sending",
      queued: 2,
      percent: 40,
    });
    // The process "died"; the scheduler picks the job up and finishes the rest.
    const report = await runDueJobs({ handlers, workerId: "w", now: SENT_AT });
    expect(report.done).toBe(1);
    expect(getCampaignProgress(org.members.procurement.ctx, campaignId)).toMatchObject({
      status: "sent",
      queued: 5,
      percent: 100,
    });
    const rows = campaignAssignments(campaignId);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.supplierId)).size).toBe(5);
    expect(rows.map((r) => r.supplierId)).not.toContain(ids.elsewhere);
    // Running it again changes nothing.
    expect(await processCampaignSend(campaignId, org.id, { now: () => SENT_AT })).toEqual({
      created: 0,
      done: true,
    });
    expect(campaignAssignments(campaignId)).toHaveLength(5);
    for (const key of ["es", "fr", "none", "zh", "bad"]) expect(emailsTo(`${key}@pe.test`)).toHaveLength(1);
    const recipients = db()
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, campaignId))
      .all();
    expect(recipients.every((r) => r.assignmentId)).toBe(true);
  });

  it("each assignment references the exact template version, with its language, token hash and expiry", () => {
    const rows = campaignAssignments(campaignId);
    const es = rows.find((r) => r.supplierId === ids.es)!;
    expect(es.language).toBe("es");
    expect(es.dueDate).toBe(DUE);
    expect(es.status).toBe("sent");
    expect(es.tokenExpiresAt.getTime()).toBeGreaterThan(at(`${DUE}T00:00:00Z`).getTime());
    const template = resolveSnapshot(db(), org.id, es.questionsSnapshot) as {
      key: string;
      questions: unknown[];
    };
    expect(template.key).toBe(es.templateKey);
    expect(template.questions.length).toBeGreaterThan(0);
    // The raw token is only in the email; the database has its hash.
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(emailsTo("es@pe.test")[0].text)![1];
    expect(es.tokenHash).toBe(sha256Hex(token));
  });

  it("invites each supplier in its language (Spanish subject and body for a Spanish contact)", () => {
    const [es] = emailsTo("es@pe.test");
    expect(es.subject).toMatch(/^.+: complete el cuestionario «.+» para Peru es & Co$/);
    expect(es.text).toContain("Estimado/a Contact es:");
    expect(es.html).toContain("Peru es &amp; Co");
    expect(es.html).toContain('lang="es"');
    const [zh] = emailsTo("zh@pe.test");
    expect(zh.subject).toContain("请为Peru zh & Co填写");
    expect(emailsTo("none@pe.test")[0].subject).toMatch(/please complete the .+ for Peru none & Co/);
  });

  it("the dashboard counts statuses, and another tenant gets 404", () => {
    const d = getCampaign(ctxAt(at("2030-06-02T00:00:00Z")), campaignId);
    expect(d.counts.sent).toBe(5);
    expect(d.rate).toEqual({ responded: 0, sent: 5, percent: 0 });
    expect(d.rows).toHaveLength(5);
    expect(() => getCampaign(other.members.admin.ctx, campaignId)).toThrow(NotFoundError);
    expect(() => getCampaignProgress(other.members.admin.ctx, campaignId)).toThrow(NotFoundError);
    const list = listCampaigns(org.members.executive.ctx);
    expect(list.campaigns.map((c) => c.id)).toContain(campaignId);
    expect(listCampaigns(other.members.admin.ctx).campaigns).toHaveLength(0);
  });

  it("refuses a past due date, an empty selection, and another tenant's suppliers", () => {
    expect(() => createCampaign(ctxAt(SENT_AT), input({ dueDate: "2030-06-01" }))).toThrow(ValidationError);
    expect(() => createCampaign(ctxAt(SENT_AT), input({ filter: { country: "ZZ" } }))).toThrow(
      ValidationError,
    );
    expect(() =>
      createCampaign(ctxAt(SENT_AT), input({ selection: "some", supplierIds: [ids.es, ids.foreign] })),
    ).toThrow(NotFoundError);
    expect(() => createCampaign(ctxAt(SENT_AT), input({ templateId: "nope" }))).toThrow(NotFoundError);
  });
});

describe("reminders with an injected clock", () => {
  let campaignId: string;
  const assignmentOf = (key: string) =>
    campaignAssignments(campaignId).find((a) => a.supplierId === ids[key])!;
  const run = (iso: string) => runDueJobs({ handlers, workerId: "clock", now: at(iso) });
  const remindersTo = (address: string) =>
    emailsTo(address).filter((e) => e.template !== "questionnaire-invitation");

  beforeAll(async () => {
    // Only this campaign's reminders: the earlier campaigns went to the same contacts.
    db().update(scheduledJobs).set({ status: "cancelled" }).where(eq(scheduledJobs.status, "pending")).run();
    campaignId = createCampaign(
      ctxAt(SENT_AT),
      input({ selection: "some", supplierIds: [ids.es, ids.fr, ids.none], filter: undefined }),
    ).campaignId;
    await processCampaignSend(campaignId, org.id, { now: () => SENT_AT });
    db().delete(emailOutbox).run();
  });

  it("nothing before 7 days ahead; one reminder at 7 days, never twice", async () => {
    await run("2030-06-13T08:59:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(0);
    await run("2030-06-13T09:00:00Z");
    await run("2030-06-13T09:30:00Z");
    const [r] = remindersTo("es@pe.test");
    expect(remindersTo("es@pe.test")).toHaveLength(1);
    expect(r.subject).toMatch(/^Recordatorio: «.+» de .+ vence el 20 de junio de 2030$/);
    expect(remindersTo("fr@pe.test")[0].subject).toMatch(/^Rappel/);
    expect(remindersTo("none@pe.test")[0].subject).toMatch(/^Reminder: .+ is due on 20 June 2030$/);
  });

  it("each reminder carries a fresh link; the earlier link stops working", () => {
    const [r] = remindersTo("es@pe.test");
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(r.text)![1];
    expect(assignmentOf("es").tokenHash).toBe(sha256Hex(token));
  });

  it("3 and 1 days before; no reminder after the supplier submitted", async () => {
    await run("2030-06-17T09:00:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(2);
    db()
      .update(assignments)
      .set({ status: "submitted", submittedAt: at("2030-06-18T00:00:00Z") })
      .where(eq(assignments.id, assignmentOf("fr").id))
      .run();
    await run("2030-06-19T09:00:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(3);
    expect(remindersTo("fr@pe.test")).toHaveLength(2);
    // The submitted supplier's chain ended: nothing of it waits any more.
    const waiting = db()
      .select()
      .from(scheduledJobs)
      .where(
        and(eq(scheduledJobs.status, "pending"), like(scheduledJobs.uniqueKey, `%${assignmentOf("fr").id}%`)),
      )
      .all();
    expect(waiting).toHaveLength(0);
  });

  it("overdue the day after the due date: marked, notified once, then weekly", async () => {
    await run("2030-06-20T23:59:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(3);
    await run("2030-06-21T00:00:00Z");
    await run("2030-06-21T06:00:00Z");
    const overdue = remindersTo("es@pe.test").filter((e) => e.template === "questionnaire-overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0].subject).toMatch(/^Vencido: /);
    const recipient = db()
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.assignmentId, assignmentOf("es").id))
      .get()!;
    expect(recipient.overdueAt).toEqual(at("2030-06-21T00:00:00Z"));
    expect(remindersTo("fr@pe.test").filter((e) => e.template === "questionnaire-overdue")).toHaveLength(0);

    const d = getCampaign(ctxAt(at("2030-06-22T00:00:00Z")), campaignId);
    expect(d.counts).toMatchObject({ overdue: 2, submitted: 1 });
    expect(d.overdue.map((o) => o.supplierName).sort()).toEqual(["Peru es & Co", "Peru none & Co"]);

    await run("2030-06-27T23:00:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(4);
    await run("2030-06-28T00:00:00Z");
    await run("2030-06-28T01:00:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(5);
    await run("2030-07-05T00:00:00Z");
    expect(remindersTo("es@pe.test")).toHaveLength(6);
  });
});

describe("resend and revoke", () => {
  let campaignId: string;
  const assignmentOf = (key: string) =>
    campaignAssignments(campaignId).find((a) => a.supplierId === ids[key])!;

  beforeAll(async () => {
    campaignId = createCampaign(
      ctxAt(SENT_AT),
      input({ selection: "some", supplierIds: [ids.zh, ids.bad], filter: undefined }),
    ).campaignId;
    await processCampaignSend(campaignId, org.id, { now: () => SENT_AT });
  });

  it("resend: new token, the old link revoked, open portal sessions ended, a new email", async () => {
    const before = assignmentOf("zh");
    db()
      .insert(supplierPortalSessions)
      .values({
        id: "s".repeat(64),
        organizationId: org.id,
        assignmentId: before.id,
        expiresAt: at("2031-01-01"),
      })
      .run();
    const { emailId, link } = await resendAssignment(ctxAt(at("2030-06-05T00:00:00Z")), before.id);
    const after = assignmentOf("zh");
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.tokenHash).toBe(sha256Hex(link.split("/s/")[1]));
    expect(
      db()
        .select()
        .from(supplierPortalSessions)
        .where(eq(supplierPortalSessions.assignmentId, before.id))
        .all(),
    ).toHaveLength(0);
    const email = db().select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get()!;
    expect(email.subject).toContain("填写");
    await expect(resendAssignment(other.members.admin.ctx, before.id)).rejects.toThrow(NotFoundError);
  });

  it("revoke ends the link; a revoked or submitted questionnaire cannot be resent", async () => {
    const a = assignmentOf("bad");
    expect(() => revokeCampaignAssignment(other.members.admin.ctx, campaignId, a.id)).toThrow(NotFoundError);
    revokeCampaignAssignment(org.members.procurement.ctx, campaignId, a.id);
    expect(assignmentOf("bad").status).toBe("revoked");
    await expect(resendAssignment(org.members.procurement.ctx, a.id)).rejects.toThrow(ConflictError);
    expect(getCampaign(ctxAt(at("2030-06-05T00:00:00Z")), campaignId).counts).toMatchObject({
      revoked: 1,
      sent: 1,
    });
  });
});

describe("emails rendered once per language", () => {
  it("give the same HTML as a direct render, with names escaped", async () => {
    const common = {
      language: "es",
      organizationName: 'Buyer <Co> & "Sons"',
      questionnaireTitle: "Autoevaluación",
      questionCount: 48,
      conditionalCount: 12,
      dueDate: DUE,
      expiresAt: at("2030-07-20T00:00:00Z"),
    };
    const per = {
      recipientName: "O'Brien <script>",
      supplierName: 'Telas & Hilos "SA"',
      link: "https://x.test/s/abc-_1",
    };
    const direct = await renderInvitationEmail(common, per);
    const viaShell = (await invitationRenderer(common))(per);
    expect(viaShell.html).toBe(direct.html);
    expect(viaShell.subject).toBe(direct.subject);
    expect(viaShell.text.replace(/\s+/g, " ")).toBe(direct.text.replace(/\s+/g, " "));
    expect(direct.html).not.toContain("<script>");
    // The one count: the questions everyone sees, and the follow-ups some answers add.
    expect(direct.text).toContain("responda 48 preguntas");
    expect(direct.text).toContain("Hasta 12 preguntas más aparecen solo después de ciertas respuestas.");
  });
});
