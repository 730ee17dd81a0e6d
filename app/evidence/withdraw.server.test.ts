import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import type { Ctx } from "~/infra/context";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { objectStream } from "~/infra/storage.server";
import { acceptPlan, submitEvidence, submitPlan, verifyAction } from "~/remediation/actions.server";
import { getActionDetail } from "~/remediation/detail.server";
import {
  redeemActionLink,
  requireSupplierActions,
  shareActionsWithSupplier,
  supplierActionsPage,
  verifyActionCode,
} from "~/remediation/supplier-access.server";
import { runSupplierIntent } from "~/remediation/supplier-intents.server";
import ActionPage, { action as actionPost, loader as actionLoader } from "~/routes/remediation.$taskId";
import { runDueJobs } from "~/scheduler/scheduler.server";
import { auditLog, correctiveActionEvents, emailOutbox, evidenceFiles, remediationTasks } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { evidenceFile, uploadEvidence } from "./evidence.server";
import { countExpiredEvidenceBySupplier } from "./expired.server";
import {
  deleteWithdrawnObjects,
  evidenceWithdrawJobHandlers,
  withdrawEvidence,
  withdrawEvidenceNow,
} from "./withdraw.server";

const pdf = (name: string) =>
  new File([Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`, "latin1")], name);
const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
const MARCH = "2026-03-01T09:00:00Z";
const plan = {
  rootCause: "Recruitment agents charged fees the factory never checked.",
  correctiveAction: "Repay every worker's recruitment fees in full, with records.",
  preventiveAction: "Employer-pays clause in every agency contract from now on.",
  planTargetDate: "2026-06-30",
  supplierOwner: "Ms Tran, HR manager",
};

function newAction(o: TestOrg, supplierId = insertSupplier(o.id).id) {
  const ctx = at(o.members.auditor.ctx, MARCH);
  const audit = createAudit(ctx, { supplierId, scheme: "SMETA", auditDate: "2026-02-20" });
  const { taskId } = addFinding(ctx, { auditId: audit.id, title: "Recruitment fees", grade: "major" });
  return { supplierId, actionId: taskId };
}

const stateOf = (id: string) =>
  db().select().from(remediationTasks).where(eq(remediationTasks.id, id)).get()!;
const fileRow = (id: string) => db().select().from(evidenceFiles).where(eq(evidenceFiles.id, id)).get()!;
async function objectGone(key: string) {
  return (await objectStream(key)) === null;
}

describe("withdrawing evidence", () => {
  it("keeps the record, deletes the object and sends an action whose only evidence it was back to work", async () => {
    const org = await createOrg();
    const { supplierId, actionId } = newAction(org);
    const buyer = at(org.members.procurement.ctx, "2026-03-03T10:00:00Z");
    submitPlan(buyer, actionId, plan);
    acceptPlan(buyer, actionId, {});
    const file = await uploadEvidence(buyer, {
      actionId,
      file: pdf("receipts.pdf"),
      expiresOn: "2026-03-10",
    });
    submitEvidence(buyer, actionId, { note: "Bank receipts." });
    expect(stateOf(actionId).state).toBe("evidence_submitted");

    expect(() => withdrawEvidence(buyer, { evidenceId: file.id, reason: "" })).toThrow(ValidationError);
    const later = at(buyer, "2026-03-20T10:00:00Z");
    expect(countExpiredEvidenceBySupplier(db(), org.id, new Date("2026-03-20")).get(supplierId)).toBe(1);
    const r = await withdrawEvidenceNow(later, { evidenceId: file.id, reason: "Wrong month's receipts." });
    expect(r).toMatchObject({ retained: false, stateChanged: true, versions: 1 });

    const row = fileRow(file.id);
    expect(row).toMatchObject({ withdrawnReason: "Wrong month's receipts.", objectKept: false });
    expect(row.withdrawnByUserId).toBe(org.members.procurement.userId);
    expect(row.objectDeletedAt).not.toBeNull();
    expect(await objectGone(file.storageKey)).toBe(true);
    expect(() => evidenceFile(buyer, file.id)).toThrow(NotFoundError);
    // No longer counts: not as evidence for verification, not as an expired file in the risk.
    expect(stateOf(actionId)).toMatchObject({ state: "in_progress", evidenceSubmittedBy: null });
    expect(() => submitEvidence(buyer, actionId, {})).toThrow(/Attach at least one evidence file/);
    expect(
      countExpiredEvidenceBySupplier(db(), org.id, new Date("2026-03-20")).get(supplierId),
    ).toBeUndefined();

    const detail = getActionDetail(buyer, actionId);
    expect(detail.evidence).toEqual([]);
    expect(detail.withdrawn).toEqual([
      expect.objectContaining({ id: file.id, reason: "Wrong month's receipts.", kept: false }),
    ]);
    const event = db()
      .select()
      .from(correctiveActionEvents)
      .where(
        and(
          eq(correctiveActionEvents.actionId, actionId),
          eq(correctiveActionEvents.event, "evidence_withdrawn"),
        ),
      )
      .get()!;
    expect(event).toMatchObject({ fromState: "evidence_submitted", toState: "in_progress" });
    const logged = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "evidence.withdrawn")))
      .get()!;
    expect(logged.entityId).toBe(file.id);
    expect(() => withdrawEvidence(buyer, { evidenceId: file.id, reason: "Again." })).toThrow(ConflictError);
  });

  it("withdraws every version at once, only from the newest, and another tenant's id is not found", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { actionId } = newAction(org);
    const buyer = at(org.members.procurement.ctx, MARCH);
    const v1 = await uploadEvidence(buyer, { actionId, file: pdf("payroll.pdf") });
    const v2 = await uploadEvidence(buyer, { actionId, replacesId: v1.id, file: pdf("payroll-2.pdf") });
    const kept = await uploadEvidence(buyer, { actionId, file: pdf("contracts.pdf") });
    expect(() => withdrawEvidence(buyer, { evidenceId: v1.id, reason: "Old." })).toThrow(ValidationError);
    expect(() =>
      withdrawEvidence(other.members.admin.ctx, { evidenceId: v2.id, reason: "Not ours." }),
    ).toThrow(NotFoundError);
    const r = await withdrawEvidenceNow(buyer, { evidenceId: v2.id, reason: "Another site's payroll." });
    expect(r).toMatchObject({ versions: 2, stateChanged: false });
    expect(await objectGone(v1.storageKey)).toBe(true);
    expect(await objectGone(v2.storageKey)).toBe(true);
    expect(await objectGone(kept.storageKey)).toBe(false);
    expect(getActionDetail(buyer, actionId).evidence.map((e) => e.id)).toEqual([kept.id]);
  });

  it("keeps a file a verification relied on: only an admin withdraws it, and the object stays", async () => {
    const org = await createOrg();
    const { actionId } = newAction(org);
    const buyer = at(org.members.procurement.ctx, "2026-03-03T10:00:00Z");
    submitPlan(buyer, actionId, plan);
    acceptPlan(buyer, actionId, {});
    const file = await uploadEvidence(buyer, { actionId, file: pdf("receipts.pdf") });
    submitEvidence(buyer, actionId, {});
    verifyAction(at(org.members.auditor.ctx, "2026-03-10T10:00:00Z"), actionId, {
      method: "desk_review",
      note: "Receipts match the payroll for 40 workers.",
    });
    expect(() => withdrawEvidence(buyer, { evidenceId: file.id, reason: "Tidy up." })).toThrow(
      /only an administrator/,
    );
    const r = await withdrawEvidenceNow(org.members.admin.ctx, {
      evidenceId: file.id,
      reason: "Contains workers' bank numbers.",
    });
    expect(r).toMatchObject({ retained: true, stateChanged: false });
    expect(fileRow(file.id)).toMatchObject({ objectKept: true, objectDeletedAt: null });
    expect(await objectGone(file.storageKey)).toBe(false);
    expect(evidenceFile(buyer, file.id).key).toBe(file.storageKey);
    expect(stateOf(actionId).state).toBe("verified");
    // The deletion job touches only what retention lets go.
    expect(await deleteWithdrawnObjects(org.id, [file.id])).toBe(0);
    expect(await objectGone(file.storageKey)).toBe(false);
  });

  it("deletes through the durable job when storage was down at the time", async () => {
    const org = await createOrg();
    const { actionId } = newAction(org);
    const buyer = at(org.members.procurement.ctx, MARCH);
    const file = await uploadEvidence(buyer, { actionId, file: pdf("scan.pdf") });
    withdrawEvidence(buyer, { evidenceId: file.id, reason: "Blurred scan." }); // no inline delete
    expect(await objectGone(file.storageKey)).toBe(false);
    expect(() => evidenceFile(buyer, file.id)).toThrow(NotFoundError);
    await runDueJobs({
      handlers: evidenceWithdrawJobHandlers,
      workerId: "t",
      now: new Date(Date.now() + 1000),
    });
    expect(await objectGone(file.storageKey)).toBe(true);
    expect(fileRow(file.id).objectDeletedAt).not.toBeNull();
  });

  it("lets the supplier withdraw only its own files through its link, in its language", async () => {
    const org = await createOrg();
    const supplierId = insertSupplier(org.id, { name: "Textiles Andinos" }).id;
    const { actionId } = newAction(org, supplierId);
    const elsewhere = newAction(org);
    const shared = await shareActionsWithSupplier(org.members.procurement.ctx, supplierId, {
      recipientName: "Lucía Pérez",
      recipientEmail: "lucia@andinos.example",
      language: "es",
    });
    const redeemed = await redeemActionLink(shared.link.split("/a/")[1]);
    const cookie = redeemed!.setCookie.split(";")[0];
    const req = () => new Request("http://localhost/supplier-actions", { headers: { Cookie: cookie } });
    const code = /\b(\d{6})\b/.exec(
      db()
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.organizationId, org.id), eq(emailOutbox.template, "action-portal-code")))
        .orderBy(desc(emailOutbox.createdAt))
        .get()!.text,
    )![1];
    expect(verifyActionCode(requireSupplierActions(req(), { allowUnverified: true }), code)).toEqual({
      ok: true,
    });
    const access = requireSupplierActions(req());
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };

    const theirs = await uploadEvidence(access.ctx, { actionId, supplierId, file: pdf("permiso.pdf") });
    const buyers = await uploadEvidence(org.members.procurement.ctx, { actionId, file: pdf("audit.pdf") });
    const foreign = await uploadEvidence(org.members.procurement.ctx, {
      actionId: elsewhere.actionId,
      file: pdf("other.pdf"),
    });
    const page = supplierActionsPage(access);
    expect(page.items.find((i) => i.id === actionId)!.myFiles.map((f) => f.id)).toEqual([theirs.id]);

    const blank = (await runSupplierIntent(
      access,
      form({ intent: "withdraw_evidence", actionId, evidenceId: theirs.id, reason: "" }),
    )) as unknown as { data: { fieldErrors: Record<string, string> } };
    expect(blank.data.fieldErrors.reason).toBe("Indique por qué retira el archivo.");
    await expect(
      runSupplierIntent(
        access,
        form({ intent: "withdraw_evidence", actionId, evidenceId: buyers.id, reason: "No." }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      runSupplierIntent(
        access,
        form({
          intent: "withdraw_evidence",
          actionId: elsewhere.actionId,
          evidenceId: foreign.id,
          reason: "No.",
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    const ok = await runSupplierIntent(
      access,
      form({ intent: "withdraw_evidence", actionId, evidenceId: theirs.id, reason: "Archivo equivocado." }),
    );
    expect(ok).toMatchObject({ ok: true, notice: "El archivo se ha retirado." });
    expect(fileRow(theirs.id)).toMatchObject({
      withdrawnReason: "Archivo equivocado.",
      withdrawnByUserId: null,
    });
    expect(fileRow(theirs.id).withdrawnByLabel).toBeTruthy();
    expect(await objectGone(theirs.storageKey)).toBe(true);
    // A buyer member cannot withdraw the supplier's file; an admin can.
    const again = await uploadEvidence(access.ctx, { actionId, supplierId, file: pdf("permiso-2.pdf") });
    expect(() =>
      withdrawEvidence(org.members.procurement.ctx, { evidenceId: again.id, reason: "x y z" }),
    ).toThrow(ForbiddenError);
    expect(
      withdrawEvidence(org.members.admin.ctx, { evidenceId: again.id, reason: "Duplicate." }).versions,
    ).toBe(1);
  });

  it("works from the action page: field errors re-render, another action's file is a 404", async () => {
    const org = await createOrg();
    const { actionId } = newAction(org);
    const other = newAction(org);
    const file = await uploadEvidence(org.members.procurement.ctx, { actionId, file: pdf("a.pdf") });
    const post = (id: string, form: Record<string, string>) =>
      settle(
        actionPost(
          routeArgs(requestAs(org.members.procurement, `/remediation/${id}`, { form }), { taskId: id }),
        ),
      );
    const blank = (await post(actionId, {
      intent: "withdraw_evidence",
      evidenceId: file.id,
      reason: "",
    })) as unknown as {
      init: { status: number };
      data: { intent: string; fieldErrors: Record<string, string>; values: Record<string, string> };
    };
    expect(blank.init.status).toBe(400);
    expect(blank.data).toMatchObject({ intent: "withdraw_evidence", values: { evidenceId: file.id } });
    expect(blank.data.fieldErrors.reason).toBeTruthy();
    const wrong = await post(other.actionId, {
      intent: "withdraw_evidence",
      evidenceId: file.id,
      reason: "Nope.",
    });
    expect((wrong as Response).status).toBe(404);
    const ok = await post(actionId, {
      intent: "withdraw_evidence",
      evidenceId: file.id,
      reason: "Wrong file.",
    });
    expect(ok).toMatchObject({ ok: true, intent: "withdraw_evidence" });
    expect(await objectGone(file.storageKey)).toBe(true);
    const kept = await uploadEvidence(org.members.procurement.ctx, { actionId, file: pdf("b.pdf") });
    const data = await actionLoader(
      routeArgs(requestAs(org.members.procurement, `/remediation/${actionId}`), { taskId: actionId }),
    );
    const html = await renderPage(ActionPage, data, `/remediation/${actionId}`, "/remediation/:taskId");
    expect(html).toContain("1 withdrawn file");
    expect(html).toContain("Wrong file.");
    expect(html).toContain("file deleted from storage");
    expect(html).toContain(`name="evidenceId" value="${kept.id}"`);
    expect(html).toContain("Withdraw this file");
  });
});
