import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { db } from "~/infra/db.server";
import { ConflictError } from "~/infra/errors";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { action as landingAction } from "~/routes/a.$token";
import { action as verifyAction } from "~/routes/supplier-actions.verify";
import { actionPortalCodes, actionPortalSessions, emailOutbox, remediationTasks } from "~db/schema";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import {
  ACTION_CODE_FREE_PER_LINK,
  ACTION_REDEEMS_PER_IP_PER_HOUR,
  actionCodeThrottles,
  MAX_UNVERIFIED_ACTION_SESSIONS,
  redeemActionLink,
  requireSupplierActions,
  shareActionsWithSupplier,
  supplierActionsPage,
  sweepActionPortalSessions,
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

  describe("code entry throttle", () => {
    async function sharedLink() {
      const org = await createOrg();
      const supplierId = insertSupplier(org.id).id;
      const shared = await shareActionsWithSupplier(org.members.procurement.ctx, supplierId, {
        recipientName: "Ana Silva",
        recipientEmail: `ana-${supplierId.slice(0, 8)}@supplier.example`,
        language: "en",
      });
      return { org, token: shared.link.split("/a/")[1] };
    }
    const browser = async (token: string) => (await redeemActionLink(token))!.setCookie.split(";")[0];
    const wrongChecks = (linkId: string) =>
      db()
        .select({ attempts: actionPortalCodes.attempts })
        .from(actionPortalCodes)
        .innerJoin(actionPortalSessions, eq(actionPortalSessions.id, actionPortalCodes.sessionId))
        .where(eq(actionPortalSessions.linkId, linkId))
        .all()
        .reduce((n, r) => n + r.attempts, 0);

    it("30 parallel wrong codes over three browsers: only the allowance is checked, the rest 429 + Retry-After", async () => {
      const { token } = await sharedLink();
      const cookies = [await browser(token), await browser(token), await browser(token)];
      const linkId = requireSupplierActions(withCookie(cookies[0]), { allowUnverified: true }).linkId;
      const responses = (await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          verifyAction({
            request: requestAs({ cookie: cookies[i % 3] }, "/supplier-actions/verify", {
              form: { code: String(100000 + i) },
            }),
            params: {},
            context: { clientIp: "203.0.113.7" },
          } as never),
        ),
      )) as unknown as { init: { status: number; headers: Record<string, string> } | null }[];
      const refused = responses.filter((r) => r.init?.status === 429);
      expect(refused).toHaveLength(30 - ACTION_CODE_FREE_PER_LINK);
      for (const r of refused) expect(Number(r.init!.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
      expect(wrongChecks(linkId)).toBeLessThanOrEqual(ACTION_CODE_FREE_PER_LINK);
      expect(wrongChecks(linkId)).toBeGreaterThan(0);
    });

    it("backs off by doubling, refuses even the right code while waiting, and a confirmed code clears it", async () => {
      const { org, token } = await sharedLink();
      const cookie = await browser(token);
      const access = requireSupplierActions(withCookie(cookie), { allowUnverified: true });
      const code = /\b(\d{6})\b/.exec(latest(org.id, "action-portal-code").text)![1];
      const wrong = code === "999999" ? "999998" : "999999";
      const t0 = new Date();
      // Other browsers of the same link, from other addresses, share its allowance: a new browser is not
      // a new budget (each code still dies after its own five wrong entries).
      for (let b = 0; b < 2; b++) {
        const other = requireSupplierActions(withCookie(await browser(token)), { allowUnverified: true });
        for (let i = 0; i < ACTION_CODE_FREE_PER_LINK / 2; i++) {
          verifyActionCode(other, wrong, t0, { ip: `198.51.100.${b * 10 + i}` });
        }
      }
      let refused: unknown;
      try {
        verifyActionCode(access, code, t0);
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(TooManyAttemptsError);
      expect((refused as TooManyAttemptsError).retryAfterMs).toBe(60_000);
      // After the wait one more entry is allowed, and the next wait is twice as long.
      const t1 = new Date(t0.getTime() + 60_000);
      expect(verifyActionCode(access, wrong, t1)).toEqual({ ok: false, reason: "wrong" });
      expect(() => verifyActionCode(access, code, t1)).toThrow(/2 minutes/);
      const t2 = new Date(t1.getTime() + 120_000);
      expect(verifyActionCode(access, code, t2)).toEqual({ ok: true });
      // Cleared: the link's next browser is not kept waiting.
      const next = requireSupplierActions(withCookie(await browser(token)), { allowUnverified: true });
      expect(verifyActionCode(next, wrong, t2)).toMatchObject({ ok: false });
    });

    it("counts per client address as well, never in one shared bucket for unknown addresses", () => {
      expect(actionCodeThrottles("l1", "203.0.113.7").map((t) => t.key)).toEqual([
        "action-code:link:l1",
        "action-code:ip:203.0.113.7",
      ]);
      expect(actionCodeThrottles("l1", null).map((t) => t.key)).toEqual(["action-code:link:l1"]);
    });
  });

  describe("redeeming is bounded", () => {
    const unverified = (linkId: string) =>
      db()
        .select()
        .from(actionPortalSessions)
        .where(and(eq(actionPortalSessions.linkId, linkId), isNull(actionPortalSessions.verifiedAt)))
        .all();

    it("keeps a few unconfirmed browsers per link, limits redemptions per address (429 + Retry-After)", async () => {
      const org = await createOrg();
      const supplierId = insertSupplier(org.id).id;
      const shared = await shareActionsWithSupplier(org.members.procurement.ctx, supplierId, {
        recipientName: "Ana Silva",
        recipientEmail: "ana@bounded.example",
        language: "es",
      });
      const token = shared.link.split("/a/")[1];
      for (let i = 0; i < MAX_UNVERIFIED_ACTION_SESSIONS + 4; i++) await redeemActionLink(token);
      expect(unverified(shared.linkId)).toHaveLength(MAX_UNVERIFIED_ACTION_SESSIONS);

      const redeem = () =>
        (
          landingAction({
            request: requestAs(null, `/a/${token}`, { form: {} }),
            params: { token },
            context: { clientIp: "203.0.113.99" },
          } as never) as Promise<Response>
        ).catch((r: Response) => r);
      for (let i = 0; i < ACTION_REDEEMS_PER_IP_PER_HOUR; i++) expect((await redeem()).status).toBe(302);
      const refused = await redeem();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await refused.text()).toMatch(/Demasiados intentos desde esta red/);
      expect(unverified(shared.linkId)).toHaveLength(MAX_UNVERIFIED_ACTION_SESSIONS);

      // Unconfirmed sessions older than a day are swept by housekeeping.
      expect(sweepActionPortalSessions(new Date(Date.now() + 86_400_000 + 1000))).toBeGreaterThanOrEqual(
        MAX_UNVERIFIED_ACTION_SESSIONS,
      );
      expect(unverified(shared.linkId)).toHaveLength(0);
    });
  });
});
