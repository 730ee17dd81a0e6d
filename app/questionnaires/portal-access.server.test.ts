/* eslint-disable @typescript-eslint/no-explicit-any -- route payloads are read loosely in tests. */
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { runHousekeeping } from "~/infra/housekeeping.server";
import * as verifyRoute from "~/routes/portal.$assignmentId_.verify";
import * as landingRoute from "~/routes/s.$token";
import { createSupplier } from "~/suppliers/suppliers.server";
import { assignments, emailOutbox, supplierPortalSessions } from "~db/schema";
import { createOrg, requestAs, type TestOrg } from "../../test/factories";
import {
  CODE_MAX_ATTEMPTS,
  LINK_CODE_BUDGET_PER_DAY,
  MAX_UNVERIFIED_SESSIONS,
  NEW_LINK_PER_IP_PER_DAY,
  PortalRateLimitedError,
  REDEEMS_PER_IP_PER_HOUR,
  redeemInvitation,
  requestNewLink,
  requirePortalAccess,
  resendPortalCode,
  verifyPortalCode,
} from "./portal-access.server";
import { latestCodeFor, portalRequest } from "./portal.testing";
import { sendQuestionnaire } from "./send.server";

const args = (request: Request, params: Record<string, string>, context = {}) =>
  ({ request, params, context }) as any;

async function catchResponse(fn: () => unknown): Promise<{ status: number; data: any; headers: Headers }> {
  let out: any;
  try {
    out = await fn();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    out = thrown;
  }
  if (out instanceof Response) return { status: out.status, data: await out.text(), headers: out.headers };
  if (out?.type === "DataWithResponseInit")
    return { status: out.init?.status ?? 200, data: out.data, headers: new Headers(out.init?.headers) };
  return { status: 200, data: out, headers: new Headers() };
}

let n = 0;
async function sent(org: TestOrg) {
  const supplier = createSupplier(org.members.procurement.ctx, {
    name: `Budget Mill ${n++}`,
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Rita Recipient",
    contactEmail: `contact-${n}@mill.test`,
  });
  const recipientEmail = `recipient-${Date.now()}-${n++}@mill.test`;
  const out = await sendQuestionnaire(org.members.procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Rita Recipient",
    recipientEmail,
    dueDate: "2099-01-31",
  });
  const mail = db().select().from(emailOutbox).where(eq(emailOutbox.id, out.emailId)).get()!;
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  return { assignmentId: out.assignmentId, token, recipientEmail };
}

async function browser(token: string, now = new Date()) {
  const r = await redeemInvitation(portalRequest(null, `/s/${token}`), token, { now });
  if (!r.ok || !r.setCookie) throw new Error(`redeem: ${JSON.stringify(r)}`);
  const cookie = r.setCookie.split(";")[0];
  return {
    cookie,
    access: requirePortalAccess(portalRequest(cookie, "/"), r.assignmentId, { allowUnverified: true, now }),
  };
}

const unverified = (assignmentId: string) =>
  db()
    .select()
    .from(supplierPortalSessions)
    .where(
      and(eq(supplierPortalSessions.assignmentId, assignmentId), isNull(supplierPortalSessions.verifiedAt)),
    )
    .all();

describe("portal code budget per link", () => {
  it("locks the link after the day's wrong codes across browsers; only a new link to the recipient opens it", async () => {
    const org = await createOrg();
    const a = await sent(org);
    const one = await browser(a.token);
    const two = await browser(a.token);
    const right = latestCodeFor(a.assignmentId); // browser two's code
    const wrong = right === "000000" ? "111111" : "000000";
    let spent = 0;
    // Browser one spends its code's attempts, asks for another and spends that too...
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++, spent++) verifyPortalCode(one.access, wrong);
    expect(await resendPortalCode(one.access)).toEqual({ sent: true });
    while (spent < LINK_CODE_BUDGET_PER_DAY - 1) {
      expect(verifyPortalCode(one.access, wrong).ok).toBe(false);
      spent++;
      if (spent % CODE_MAX_ATTEMPTS === 0) await resendPortalCode(one.access);
    }
    // ...and the last guess of the budget, from browser two, locks the link for every browser.
    expect(verifyPortalCode(two.access, wrong)).toEqual({ ok: false, reason: "linkLocked" });
    expect(verifyPortalCode(two.access, right)).toEqual({ ok: false, reason: "linkLocked" });
    expect(unverified(a.assignmentId)).toHaveLength(0);

    // The landing page says so (423) and offers a new link; opening the old link again starts nothing.
    const landing = await catchResponse(() =>
      landingRoute.loader(args(requestAs(null, `/s/${a.token}`), { token: a.token })),
    );
    expect(landing.status).toBe(423);
    expect(landing.data.state).toBe("locked");
    expect(await redeemInvitation(portalRequest(null, "/"), a.token)).toEqual({ ok: false, state: "locked" });

    // A new link goes to the recipient only; the old token is dead, the new one has a fresh budget.
    expect(await requestNewLink(a.token)).toEqual({ sent: true });
    const mail = db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "portal-new-link"), eq(emailOutbox.toAddress, a.recipientEmail)))
      .get()!;
    const fresh = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(db().select().from(assignments).where(eq(assignments.id, a.assignmentId)).get()!.tokenHash).toBe(
      sha256Hex(fresh),
    );
    expect(await redeemInvitation(portalRequest(null, "/"), a.token)).toEqual({
      ok: false,
      state: "unknown",
    });
    const three = await browser(fresh);
    expect(verifyPortalCode(three.access, latestCodeFor(a.assignmentId))).toEqual({ ok: true });
  });

  it("route: a locked code or link answers 423, never a bare 429; too many codes asked answers 429 with Retry-After", async () => {
    const org = await createOrg();
    const a = await sent(org);
    const b = await browser(a.token);
    const right = latestCodeFor(a.assignmentId);
    const wrong = right === "000000" ? "111111" : "000000";
    const post = (form: Record<string, string>) =>
      catchResponse(() =>
        verifyRoute.action(
          args(requestAs({ cookie: b.cookie }, `/portal/${a.assignmentId}/verify`, { form }), {
            assignmentId: a.assignmentId,
          }),
        ),
      );
    for (let i = 1; i < CODE_MAX_ATTEMPTS; i++) expect((await post({ code: wrong })).status).toBe(400);
    expect((await post({ code: wrong })).status).toBe(423);
    let asked;
    do asked = await post({ intent: "resend" });
    while (asked.status === 200);
    expect(asked.status).toBe(429);
    expect(Number(asked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("redeeming and 'new link' requests are bounded", () => {
  it("keeps at most a few unconfirmed browsers per link, and limits redemptions per address (429, Retry-After)", async () => {
    const org = await createOrg();
    const a = await sent(org);
    for (let i = 0; i < MAX_UNVERIFIED_SESSIONS + 4; i++) await browser(a.token);
    expect(unverified(a.assignmentId)).toHaveLength(MAX_UNVERIFIED_SESSIONS);

    const ip = "203.0.113.77";
    const redeem = () =>
      catchResponse(() =>
        landingRoute.action(
          args(requestAs(null, `/s/${a.token}`, { form: {} }), { token: a.token }, { clientIp: ip }),
        ),
      );
    for (let i = 0; i < REDEEMS_PER_IP_PER_HOUR; i++) expect((await redeem()).status).toBe(302);
    const refused = await redeem();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    await expect(redeemInvitation(portalRequest(null, "/"), a.token, { ip })).rejects.toBeInstanceOf(
      PortalRateLimitedError,
    );
    expect(unverified(a.assignmentId).length).toBeLessThanOrEqual(MAX_UNVERIFIED_SESSIONS);
  });

  it("limits 'send me a new link' per address across links, answering the same", async () => {
    const org = await createOrg();
    const ip = "203.0.113.88";
    const links = [];
    for (let i = 0; i <= NEW_LINK_PER_IP_PER_DAY; i++) links.push(await sent(org));
    // Expire them all: each could be renewed.
    db()
      .update(assignments)
      .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.organizationId, org.id))
      .run();
    const answers = [];
    for (const l of links) answers.push(await requestNewLink(l.token, new Date(), { ip }));
    expect(answers.slice(0, NEW_LINK_PER_IP_PER_DAY).every((x) => x.sent)).toBe(true);
    expect(answers.at(-1)).toEqual({ sent: false });
    // The same request from another address still works.
    expect(await requestNewLink(links.at(-1)!.token, new Date(), { ip: "198.51.100.1" })).toEqual({
      sent: true,
    });
  });
});

describe("housekeeping", () => {
  it("removes expired sessions and unconfirmed ones older than a day; keeps confirmed live ones", async () => {
    const org = await createOrg();
    const a = await sent(org);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const stale = await browser(a.token, twoDaysAgo);
    const live = await browser(a.token);
    expect(verifyPortalCode(live.access, latestCodeFor(a.assignmentId))).toEqual({ ok: true });
    const recent = await browser(a.token);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const swept = runHousekeeping();
    expect(swept.portalSessions).toBeGreaterThanOrEqual(1);
    const left = ids(
      db()
        .select({ id: supplierPortalSessions.id })
        .from(supplierPortalSessions)
        .where(eq(supplierPortalSessions.assignmentId, a.assignmentId))
        .all(),
    );
    expect(left).toEqual([live.access.sessionId, recent.access.sessionId].sort());
    expect(left).not.toContain(stale.access.sessionId);
  });
});
