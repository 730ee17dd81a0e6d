import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import type { Ctx } from "~/infra/context";
import { sha256Hex } from "~/infra/crypto.server";
import { env } from "~/infra/env.server";
import { ValidationError } from "~/infra/errors";
import { s3 } from "~/infra/storage.server";
import { getActionDetail } from "~/remediation/detail.server";
import * as download from "~/routes/evidence.$evidenceId.download";
import ActionPage, { action as actionPost, loader as actionLoader } from "~/routes/remediation.$taskId";
import { runDueJobs } from "~/scheduler/scheduler.server";
import { emailOutbox, evidenceFiles, scheduledJobs } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { updateEvidenceDetails, uploadEvidence } from "./evidence.server";
import { countExpiredEvidenceBySupplier } from "./expired.server";
import { evidenceJobHandlers } from "./expiry-reminders.server";

const pdf = (name: string, body = name) =>
  new File([Buffer.from(`%PDF-1.4\n% ${body}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`, "latin1")], name);
const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
const MARCH = "2026-03-01T09:00:00Z";

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

function newAction(o: TestOrg = org) {
  const supplierId = insertSupplier(o.id).id;
  const ctx = at(o.members.auditor.ctx, MARCH);
  const audit = createAudit(ctx, { supplierId, scheme: "SMETA", auditDate: "2026-02-20" });
  const { taskId } = addFinding(ctx, { auditId: audit.id, title: "No fire certificate", grade: "major" });
  return { supplierId, actionId: taskId };
}

const rowsOf = (actionId: string) =>
  db().select().from(evidenceFiles).where(eq(evidenceFiles.actionId, actionId)).all();

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: env().S3_BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

describe("evidence owner and expiry", () => {
  it("stores owner and expiry, refuses a past expiry or a non-member owner with a field error and no object", async () => {
    const { actionId } = newAction();
    const ctx = at(org.members.procurement.ctx, MARCH);
    const before = await keysUnder(`org/${org.id}/`);
    await expect(
      uploadEvidence(ctx, { actionId, expiresOn: "2026-02-28", file: pdf("old-cert.pdf") }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && !!e.fieldErrors.expiresOn);
    await expect(
      uploadEvidence(ctx, {
        actionId,
        ownerUserId: other.members.admin.userId,
        file: pdf("cert.pdf"),
      }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && !!e.fieldErrors.ownerUserId);
    await expect(
      uploadEvidence(ctx, { actionId, expiresOn: "2026-02-30", file: pdf("cert.pdf") }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);

    const mine = await uploadEvidence(ctx, { actionId, expiresOn: "2026-03-01", file: pdf("cert.pdf") });
    expect(mine).toMatchObject({
      ownerUserId: org.members.procurement.userId,
      expiresOn: "2026-03-01",
      version: 1,
      documentId: mine.id,
      supersededAt: null,
    });
    const theirs = await uploadEvidence(ctx, {
      actionId,
      ownerUserId: org.members.auditor.userId,
      file: pdf("photo.pdf"),
    });
    expect(theirs.ownerUserId).toBe(org.members.auditor.userId);
  });

  it("is expired from the day after its last valid day, with no job involved", async () => {
    const { supplierId, actionId } = newAction();
    const ctx = at(org.members.procurement.ctx, MARCH);
    await uploadEvidence(ctx, { actionId, expiresOn: "2026-04-15", file: pdf("licence.pdf") });
    await uploadEvidence(ctx, { actionId, file: pdf("no-expiry.pdf") });
    const detail = (iso: string) => getActionDetail(at(org.members.admin.ctx, iso), actionId).evidence;
    const statusOf = (iso: string) => Object.fromEntries(detail(iso).map((e) => [e.fileName, e.expiry]));
    expect(statusOf("2026-03-01T00:00:00Z")).toEqual({ "licence.pdf": "valid", "no-expiry.pdf": "none" });
    expect(statusOf("2026-03-20T00:00:00Z")).toMatchObject({ "licence.pdf": "expiring" });
    expect(statusOf("2026-04-15T23:59:00Z")).toMatchObject({ "licence.pdf": "expiring" });
    expect(statusOf("2026-04-16T00:00:00Z")).toMatchObject({ "licence.pdf": "expired" });
    expect(detail(MARCH)[0].owner).toBe("procurement user");

    const count = (iso: string) =>
      countExpiredEvidenceBySupplier(db(), org.id, new Date(iso)).get(supplierId);
    expect(count("2026-04-15T12:00:00Z")).toBeUndefined();
    expect(count("2026-04-16T00:00:00Z")).toBe(1);
    expect(countExpiredEvidenceBySupplier(db(), other.id, new Date("2027-01-01")).size).toBe(0);
  });
});

describe("evidence versions", () => {
  it("keeps every earlier version listed and downloadable with its own SHA-256", async () => {
    const { supplierId, actionId } = newAction();
    const ctx = at(org.members.procurement.ctx, MARCH);
    const v1 = await uploadEvidence(ctx, {
      actionId,
      expiresOn: "2026-03-10",
      ownerUserId: org.members.auditor.userId,
      file: pdf("certificate.pdf", "first"),
    });
    const later = at(org.members.procurement.ctx, "2026-03-05T09:00:00Z");
    const v2 = await uploadEvidence(later, {
      actionId,
      replacesId: v1.id,
      expiresOn: "2027-03-10",
      file: pdf("certificate-renewed.pdf", "second"),
    });
    expect(v2).toMatchObject({ documentId: v1.id, version: 2, ownerUserId: org.members.auditor.userId });
    const v3 = await uploadEvidence(later, {
      actionId,
      replacesId: v2.id,
      file: pdf("certificate-3.pdf", "third"),
    });
    expect(v3.version).toBe(3);

    // An earlier version cannot be replaced again; nor can another action's file.
    await expect(
      uploadEvidence(later, { actionId, replacesId: v1.id, file: pdf("again.pdf") }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && !!e.fieldErrors.replacesId);
    const elsewhere = newAction();
    await expect(
      uploadEvidence(later, { actionId: elsewhere.actionId, replacesId: v3.id, file: pdf("x.pdf") }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && !!e.fieldErrors.replacesId);

    const [current, ...rest] = getActionDetail(org.members.admin.ctx, actionId).evidence;
    expect(rest).toEqual([]);
    expect(current).toMatchObject({ id: v3.id, version: 3 });
    expect(current.previous.map((p) => [p.version, p.fileName, p.sha256])).toEqual([
      [2, "certificate-renewed.pdf", v2.sha256],
      [1, "certificate.pdf", v1.sha256],
    ]);
    const res = await download.loader(
      routeArgs(requestAs(org.members.executive, `/evidence/${v1.id}/download`), { evidenceId: v1.id }),
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(v1.sha256);
    expect(bytes.toString("latin1")).toContain("first");

    // The expired first version no longer counts once replaced.
    expect(
      countExpiredEvidenceBySupplier(db(), org.id, new Date("2026-06-01")).get(supplierId),
    ).toBeUndefined();
  });
});

describe("expiry reminders (injected clock)", () => {
  const mail = (organizationId: string) =>
    db()
      .select({ template: emailOutbox.template, to: emailOutbox.toAddress, subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.organizationId, organizationId), like(emailOutbox.template, "evidence-expiry-%")),
      )
      .all();
  const run = (iso: string) =>
    runDueJobs({ handlers: evidenceJobHandlers, workerId: "clock", now: new Date(iso) });

  it("reminds the owner 30 and 7 days before, once each, and never for a replaced file", async () => {
    const o = await createOrg();
    const { actionId } = newAction(o);
    const ctx = at(o.members.procurement.ctx, MARCH);
    const file = await uploadEvidence(ctx, {
      actionId,
      ownerUserId: o.members.auditor.userId,
      expiresOn: "2026-05-31",
      file: pdf("licence.pdf"),
    });
    const jobs = db()
      .select({ key: scheduledJobs.uniqueKey, runAt: scheduledJobs.runAt })
      .from(scheduledJobs)
      .where(like(scheduledJobs.uniqueKey, `evidence:${file.id}:%`))
      .all()
      .map((j) => [j.key!.split(":").slice(2).join(":"), j.runAt.toISOString()])
      .sort();
    expect(jobs).toEqual([
      ["expiry-30:2026-05-31", "2026-05-01T08:00:00.000Z"],
      ["expiry-7:2026-05-31", "2026-05-24T08:00:00.000Z"],
    ]);
    await run("2026-04-30T12:00:00Z");
    expect(mail(o.id)).toEqual([]);
    await run("2026-05-01T09:00:00Z");
    await run("2026-05-01T10:00:00Z");
    expect(mail(o.id)).toEqual([
      {
        template: "evidence-expiry-30",
        to: o.members.auditor.email,
        subject: expect.stringContaining("Expires in 30 days"),
      },
    ]);
    await run("2026-05-24T09:00:00Z");
    expect(mail(o.id).map((m) => m.template)).toEqual(["evidence-expiry-30", "evidence-expiry-7"]);

    // A file replaced before its reminder is due: the old version's reminder sends nothing.
    const second = await uploadEvidence(ctx, { actionId, expiresOn: "2026-07-31", file: pdf("permit.pdf") });
    await uploadEvidence(at(o.members.procurement.ctx, "2026-06-15T09:00:00Z"), {
      actionId,
      replacesId: second.id,
      expiresOn: "2027-07-31",
      file: pdf("permit-renewed.pdf"),
    });
    await run("2026-07-01T09:00:00Z");
    await run("2026-07-24T09:00:00Z");
    expect(mail(o.id)).toHaveLength(2);
    // A reminder whose date passed while nothing ran is not sent late.
    const third = await uploadEvidence(ctx, { actionId, expiresOn: "2026-09-30", file: pdf("audit.pdf") });
    await run("2026-10-02T09:00:00Z");
    expect(mail(o.id)).toHaveLength(2);
    expect(third.version).toBe(1);
  });
});

describe("the action page's evidence", () => {
  it("shows owner, expiry, the expired badge and earlier versions", async () => {
    const { actionId } = newAction();
    const ctx = at(org.members.procurement.ctx, "2025-12-01T09:00:00Z");
    const v1 = await uploadEvidence(ctx, {
      actionId,
      expiresOn: "2026-01-31",
      file: pdf("licence-2025.pdf"),
    });
    await uploadEvidence(ctx, {
      actionId,
      replacesId: v1.id,
      expiresOn: "2026-02-01",
      file: pdf("licence.pdf"),
    });
    const data = await actionLoader(
      routeArgs(requestAs(org.members.procurement, `/remediation/${actionId}`), { taskId: actionId }),
    );
    const html = await renderPage(ActionPage, data, `/remediation/${actionId}`, "/remediation/:taskId");
    expect(html).toContain("Owner: procurement user");
    expect(html).toContain("Valid until 2026-02-01");
    expect(html).toContain("Expired");
    expect(html).toContain("1 earlier version");
    expect(html).toContain(`/evidence/${v1.id}/download`);
    expect(html).toContain(`SHA-256 ${v1.sha256}`);
    expect(html).toContain("New version of licence.pdf");
    expect(html).toContain("Change owner or expiry");
  });

  it("re-renders the upload form with a field error for a past expiry date; nothing is stored", async () => {
    const { actionId } = newAction();
    const fd = new FormData();
    fd.append("intent", "upload");
    fd.append("expiresOn", "2020-01-01");
    fd.append("ownerUserId", "");
    fd.append("replacesId", "");
    fd.append("file", pdf("old.pdf"));
    const res = (await settle(
      actionPost(
        routeArgs(
          requestAs(org.members.procurement, `/remediation/${actionId}`, { method: "POST", body: fd }),
          {
            taskId: actionId,
          },
        ),
      ),
    )) as unknown as {
      init: { status: number };
      data: { intent: string; fieldErrors: Record<string, string>; values: Record<string, string> };
    };
    expect(res.init.status).toBe(400);
    expect(res.data.intent).toBe("upload");
    expect(res.data.fieldErrors.expiresOn).toMatch(/expiry date has passed/);
    expect(res.data.values.expiresOn).toBe("2020-01-01");
    expect(rowsOf(actionId)).toEqual([]);

    const bad = new FormData();
    bad.append("intent", "upload");
    bad.append("expiresOn", "31/12/2030");
    bad.append("file", pdf("new.pdf"));
    const res2 = (await settle(
      actionPost(
        routeArgs(
          requestAs(org.members.procurement, `/remediation/${actionId}`, { method: "POST", body: bad }),
          {
            taskId: actionId,
          },
        ),
      ),
    )) as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(res2.init.status).toBe(400);
    expect(res2.data.fieldErrors.expiresOn).toMatch(/must be a date/);
    expect(rowsOf(actionId)).toEqual([]);
  });
});

describe("changing a file's owner and expiry", () => {
  const mail = (organizationId: string) =>
    db()
      .select({ template: emailOutbox.template, to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.organizationId, organizationId), like(emailOutbox.template, "evidence-expiry-%")),
      )
      .all();
  const run = (iso: string) =>
    runDueJobs({ handlers: evidenceJobHandlers, workerId: "clock", now: new Date(iso) });

  it("moves the reminders to the new date and owner; earlier versions and past dates are refused", async () => {
    const o = await createOrg();
    const { actionId } = newAction(o);
    const ctx = at(o.members.procurement.ctx, MARCH);
    // A supplier's upload on an action nobody owns yet has no owner until a member is chosen.
    const supplierCtx: Ctx = {
      organizationId: o.id,
      actor: { type: "supplier", id: "link-1", label: "Supplier contact" },
      now: () => new Date(MARCH),
    };
    const file = await uploadEvidence(supplierCtx, {
      actionId,
      expiresOn: "2026-05-31",
      file: pdf("permit.pdf"),
    });
    expect(file.ownerUserId).toBeNull();
    const changed = updateEvidenceDetails(ctx, {
      evidenceId: file.id,
      ownerUserId: o.members.admin.userId,
      expiresOn: "2026-06-30",
    });
    expect(changed).toMatchObject({ ownerUserId: o.members.admin.userId, expiresOn: "2026-06-30" });
    await run("2026-05-01T09:00:00Z"); // the old date's reminder: nothing
    expect(mail(o.id)).toEqual([]);
    await run("2026-05-31T09:00:00Z");
    expect(mail(o.id)).toEqual([{ template: "evidence-expiry-30", to: o.members.admin.email }]);

    expect(() =>
      updateEvidenceDetails(ctx, {
        evidenceId: file.id,
        ownerUserId: o.members.admin.userId,
        expiresOn: "2026-02-01",
      }),
    ).toThrow(ValidationError);
    expect(() =>
      updateEvidenceDetails(ctx, { evidenceId: file.id, ownerUserId: other.members.admin.userId }),
    ).toThrow(ValidationError);
    await uploadEvidence(ctx, { actionId, replacesId: file.id, file: pdf("permit-2.pdf") });
    expect(() =>
      updateEvidenceDetails(ctx, { evidenceId: file.id, ownerUserId: o.members.admin.userId }),
    ).toThrow(ValidationError);
    expect(() =>
      updateEvidenceDetails(at(other.members.procurement.ctx, MARCH), {
        evidenceId: file.id,
        ownerUserId: other.members.admin.userId,
      }),
    ).toThrow(/not found/i);
  });

  it("re-renders that file's form with the field error through the page; another action's file is a 404", async () => {
    const { actionId } = newAction();
    const file = await uploadEvidence(at(org.members.procurement.ctx, MARCH), {
      actionId,
      file: pdf("a.pdf"),
    });
    const post = (id: string, form: Record<string, string>) =>
      settle(
        actionPost(
          routeArgs(requestAs(org.members.procurement, `/remediation/${id}`, { form }), { taskId: id }),
        ),
      );
    const res = (await post(actionId, {
      intent: "evidence_details",
      evidenceId: file.id,
      ownerUserId: "",
      expiresOn: "2020-01-01",
    })) as unknown as {
      init: { status: number };
      data: { intent: string; fieldErrors: Record<string, string>; values: Record<string, string> };
    };
    expect(res.init.status).toBe(400);
    expect(res.data.intent).toBe("evidence_details");
    expect(res.data.fieldErrors.ownerUserId).toBeTruthy();
    expect(res.data.values.evidenceId).toBe(file.id);
    const past = (await post(actionId, {
      intent: "evidence_details",
      evidenceId: file.id,
      ownerUserId: org.members.auditor.userId,
      expiresOn: "2020-01-01",
    })) as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(past.init.status).toBe(400);
    expect(past.data.fieldErrors.expiresOn).toMatch(/has passed/);
    const ok = await post(actionId, {
      intent: "evidence_details",
      evidenceId: file.id,
      ownerUserId: org.members.auditor.userId,
      expiresOn: "2099-01-01",
    });
    expect(ok).toMatchObject({ ok: true, intent: "evidence_details" });
    expect(getActionDetail(org.members.admin.ctx, actionId).evidence[0]).toMatchObject({
      owner: "auditor user",
      expiresOn: "2099-01-01",
    });
    const elsewhere = newAction();
    const wrong = await post(elsewhere.actionId, {
      intent: "evidence_details",
      evidenceId: file.id,
      ownerUserId: org.members.auditor.userId,
    });
    expect((wrong as Response).status).toBe(404);
  });
});
