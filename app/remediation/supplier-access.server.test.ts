import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { db } from "~/infra/db.server";
import { ConflictError } from "~/infra/errors";
import { emailOutbox, remediationTasks } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  redeemActionLink,
  requireSupplierActions,
  shareActionsWithSupplier,
  supplierActionsPage,
  verifyActionCode,
} from "./supplier-access.server";
import { runSupplierIntent } from "./supplier-intents.server";

const latest = (organizationId: string, template: string) =>
  db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.organizationId, organizationId), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .get()!;

const withCookie = (cookie: string) =>
  new Request("http://localhost/supplier-actions", { headers: { Cookie: cookie } });
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("the supplier's corrective-action link", () => {
  it("opens only with the emailed code, in Spanish, and reaches only that supplier's actions", async () => {
    const org = await createOrg();
    const mine = insertSupplier(org.id, { name: "Textiles Andinos" }).id;
    const theirs = insertSupplier(org.id).id;
    const raise = (supplierId: string, title: string) => {
      const audit = createAudit(org.members.auditor.ctx, {
        supplierId,
        scheme: "SMETA",
        auditDate: "2026-02-01",
      });
      return addFinding(org.members.auditor.ctx, { auditId: audit.id, title, schemeGrade: "Major" }).taskId;
    };
    const own = raise(mine, "Horas extra excesivas");
    const other = raise(theirs, "Someone else's finding");

    const shared = await shareActionsWithSupplier(org.members.procurement.ctx, mine, {
      recipientName: "Lucía Pérez",
      recipientEmail: "lucia@andinos.example",
      language: "es",
    });
    const invitation = latest(org.id, "action-portal-invitation");
    expect(invitation.toAddress).toBe("lucia@andinos.example");
    expect(invitation.subject).toContain("acciones correctivas");
    const token = shared.link.split("/a/")[1];
    expect(invitation.text).toContain(`/a/${token}`);

    const redeemed = await redeemActionLink(token);
    const cookie = redeemed!.setCookie.split(";")[0];
    expect(cookie).toMatch(/^cs_actions=/);
    // Not confirmed yet: every page but the code page redirects to it.
    expect(() => requireSupplierActions(withCookie(cookie))).toThrow();
    const unverified = requireSupplierActions(withCookie(cookie), { allowUnverified: true });
    expect(verifyActionCode(unverified, "000000")).toMatchObject({ ok: false });
    const code = /\b(\d{6})\b/.exec(latest(org.id, "action-portal-code").text)![1];
    expect(verifyActionCode(unverified, code)).toEqual({ ok: true });
    const access = requireSupplierActions(withCookie(cookie));
    expect(access.language).toBe("es");

    const page = supplierActionsPage(access);
    expect(page.items.map((i) => i.id)).toEqual([own]);
    expect(page.items[0].steps).toEqual(["submit_plan"]);

    // Another supplier's action through this link: 404, nothing changes.
    await expect(
      runSupplierIntent(access, form({ intent: "respond", actionId: other, response: "agreed" })),
    ).rejects.toMatchObject({
      status: 404,
    });
    const disputed = await runSupplierIntent(
      access,
      form({
        intent: "respond",
        actionId: own,
        response: "disputed",
        reason: "Las horas extra son voluntarias.",
      }),
    );
    expect(disputed).toMatchObject({ ok: true, target: own, notice: "Su respuesta se ha enviado." });
    const bad = (await runSupplierIntent(
      access,
      form({ intent: "submit_plan", actionId: own, rootCause: "" }),
    )) as unknown as {
      init: { status: number };
      data: { target: string; fieldErrors: Record<string, string> };
    };
    expect(bad.init.status).toBe(400);
    expect(bad.data.target).toBe(own);
    expect(db().select().from(remediationTasks).where(eq(remediationTasks.id, own)).get()).toMatchObject({
      supplierResponse: "disputed",
      state: "open",
    });
    expect(() => verifyActionCode(access, code)).not.toThrow(ConflictError);

    // Sharing again revokes the earlier link and its sessions.
    await shareActionsWithSupplier(org.members.procurement.ctx, mine, {
      recipientName: "Lucía Pérez",
      recipientEmail: "lucia@andinos.example",
      language: "es",
    });
    expect(() => requireSupplierActions(withCookie(cookie))).toThrow();
    expect(await redeemActionLink(token)).toBeNull();
  });
});
