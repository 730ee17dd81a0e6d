import { generateTOTP } from "@epic-web/totp";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openSecret } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/login_.two-factor";
import { action as securityAction, loader as securityLoader } from "~/routes/settings.security";
import { recoveryCodes, users } from "~db/schema";
import { createOrg, FACTORY_PASSWORD, requestAs, type TestMember } from "../../test/factories";
import { logIn } from "./accounts.server";
import { acceptInvitation, inviteMember } from "./invitations.server";
import { latestMailTo } from "./mail.testing";
import {
  beginTwoFactorSetup,
  CHALLENGE_MAX_ATTEMPTS,
  completeTwoFactorLogin,
  confirmTwoFactorSetup,
  disableTwoFactor,
  RECOVERY_CODE_COUNT,
  setOrganizationTwoFactor,
  twoFactorStatus,
} from "./two-factor.server";

const args = (request: Request, context = {}) => ({ request, params: {}, context }) as never;
/** What the column holds, as stored. */
const rawSecretOf = (userId: string) =>
  db().select().from(users).where(eq(users.id, userId)).get()!.totpSecret!;
const secretOf = (userId: string) =>
  openSecret(rawSecretOf(userId), env().totpEncryptionKey, `totp:${userId}`);
const codeFor = async (secret: string, offset = 0) =>
  (await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" })).otp ?? String(offset);

async function enable(m: TestMember): Promise<string[]> {
  await beginTwoFactorSetup(m.ctx);
  return confirmTwoFactorSetup(m.ctx, { code: await codeFor(secretOf(m.userId)) });
}

async function challengeFor(m: TestMember): Promise<string> {
  const r = await logIn({ email: m.email, password: FACTORY_PASSWORD });
  if (r.kind !== "two-factor") throw new Error("expected a two-factor challenge");
  expect(r.challengeCookie).toMatch(/^cs_2fa=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600/);
  return r.challengeCookie.split(";")[0].split("=")[1];
}

describe("TOTP two-factor sign-in", () => {
  it("set-up: a 160-bit secret, confirmed by a code, then ten hashed single-use recovery codes", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    await beginTwoFactorSetup(m.ctx);
    expect(secretOf(m.userId)).toMatch(/^[A-Z2-7]{32}$/);
    await expect(confirmTwoFactorSetup(m.ctx, { code: "000000" })).rejects.toBeInstanceOf(ValidationError);
    const codes = await confirmTwoFactorSetup(m.ctx, { code: await codeFor(secretOf(m.userId)) });
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    const stored = db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, m.userId)).all();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replace("-", ""));
  });

  it("log-in: the password gives a challenge, not a session; the app's code completes it, once", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    await enable(m);
    const challenge = await challengeFor(m);
    const cookie = `cs_2fa=${challenge}`;
    expect(await twoFactorLoader(args(requestAs({ cookie }, "/login/two-factor")))).toBeNull();
    await expect(twoFactorLoader(args(requestAs(null, "/login/two-factor")))).rejects.toMatchObject({
      status: 302,
    });
    // The code that confirmed set-up was used up: the same code is refused (no replay).
    const code = await codeFor(secretOf(m.userId));
    await expect(completeTwoFactorLogin({ challenge, code })).rejects.toBeInstanceOf(ValidationError);
  });

  it("log-in: a recovery code works once; wrong codes end the challenge after five tries", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    const codes = await enable(m);
    const challenge = await challengeFor(m);
    const res = (await twoFactorAction(
      args(
        requestAs({ cookie: `cs_2fa=${challenge}` }, "/login/two-factor", {
          form: { code: codes[0].toUpperCase(), redirectTo: "/suppliers" },
        }),
      ),
    )) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/suppliers");
    const cookies = res.headers.get("Set-Cookie")!;
    expect(cookies).toMatch(/cs_session=[\w-]{43}/);
    expect(cookies).toMatch(/cs_2fa=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    // The challenge and the recovery code are both used up.
    await expect(completeTwoFactorLogin({ challenge, code: codes[1] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const again = await challengeFor(m);
    await expect(completeTwoFactorLogin({ challenge: again, code: codes[0] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    for (let i = 1; i < CHALLENGE_MAX_ATTEMPTS; i++) {
      await expect(completeTwoFactorLogin({ challenge: again, code: "123456" })).rejects.toThrow();
    }
    // Even the right recovery code is refused now: log in again.
    await expect(completeTwoFactorLogin({ challenge: again, code: codes[2] })).rejects.toThrow(
      /Log in again/,
    );
    const form = (await twoFactorAction(
      args(requestAs({ cookie: `cs_2fa=${again}` }, "/login/two-factor", { form: { code: "" } })),
    )) as { data: { fieldErrors: Record<string, string> }; init: { status: number } };
    expect(form.init.status).toBe(400);
    expect(form.data.fieldErrors.code).toBe("Enter the code");
  });

  it("an invitation accepted with the password of a two-factor account opens no session", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const m = org.members.admin;
    await enable(m);
    await inviteMember(other.members.admin.ctx, { email: m.email, role: "auditor" });
    const token = /\/invite\/([\w-]+)/.exec(latestMailTo(m.email)!.text)![1];
    const accepted = await acceptInvitation({ token, password: FACTORY_PASSWORD });
    expect(accepted.cookie).toBeNull();
  });

  it("an admin can require it: members without it are sent to set it up, and cannot turn it off", async () => {
    const org = await createOrg();
    const admin = org.members.admin;
    // Only after the admin's own set-up.
    expect(() => setOrganizationTwoFactor(admin.ctx, { required: "on" })).toThrow(ValidationError);
    await enable(admin);
    const res = (await securityAction(
      args(
        requestAs(admin, "/settings/security", { form: { intent: "require-two-factor", required: "on" } }),
      ),
    )) as { ok: boolean };
    expect(res.ok).toBe(true);

    const p = org.members.procurement;
    await expect(dashboardLoader(args(requestAs(p, "/dashboard")))).rejects.toMatchObject({ status: 302 });
    const redirected = await (dashboardLoader(args(requestAs(p, "/dashboard"))) as Promise<unknown>).catch(
      (r: Response) => r.headers.get("Location"),
    );
    expect(redirected).toBe("/settings/security?required=1");
    const view = (await securityLoader(args(requestAs(p, "/settings/security")))) as { mustSetUp: boolean };
    expect(view.mustSetUp).toBe(true);
    await enable(p);
    expect(await dashboardLoader(args(requestAs(p, "/dashboard")))).toBeTruthy();
    await expect(disableTwoFactor(p.ctx, { password: FACTORY_PASSWORD })).rejects.toBeInstanceOf(
      ConflictError,
    );

    // Procurement may not change the organisation's policy.
    await expect(
      securityAction(
        args(requestAs(p, "/settings/security", { form: { intent: "require-two-factor", required: "off" } })),
      ) as Promise<unknown>,
    ).rejects.toMatchObject({ status: 403 });
  });

  it("turning it off needs the password", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    await enable(m);
    const wrong = (await securityAction(
      args(requestAs(m, "/settings/security", { form: { intent: "disable", password: "nope" } })),
    )) as { data: { fieldErrors: Record<string, string> } };
    expect(wrong.data.fieldErrors.password).toBe("That is not your password.");
    await disableTwoFactor(m.ctx, { password: FACTORY_PASSWORD });
    expect((await logIn({ email: m.email, password: FACTORY_PASSWORD })).kind).toBe("signed-in");
  });

  it("the secret is stored sealed (AES-256-GCM), never as the secret the app shows", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    await beginTwoFactorSetup(m.ctx);
    const shown = (await twoFactorStatus(m.ctx)).pending!.secret;
    expect(shown).toMatch(/^[A-Z2-7]{32}$/);
    const raw = rawSecretOf(m.userId);
    expect(raw).toMatch(/^v1:[\w+/=]+:[\w+/=]+:[\w+/=]+$/);
    expect(raw).not.toContain(shown);
    await confirmTwoFactorSetup(m.ctx, { code: await codeFor(shown) });
    expect(rawSecretOf(m.userId)).toBe(raw);
    // Bound to its user: the same sealed value copied onto another account does not open.
    const other = org.members.auditor;
    expect(() => openSecret(raw, env().totpEncryptionKey, `totp:${other.userId}`)).toThrow();
  });

  it("a legacy plaintext secret still verifies and is sealed in place by that log-in", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    await enable(m);
    const secret = secretOf(m.userId);
    // A row from before sealing: the bare base32 secret.
    db().update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, m.userId)).run();
    const challenge = await challengeFor(m);
    const signedIn = await completeTwoFactorLogin({ challenge, code: await codeFor(secret) });
    expect(signedIn.cookie).toMatch(/cs_session=/);
    const raw = rawSecretOf(m.userId);
    expect(raw).toMatch(/^v1:/);
    expect(raw).not.toContain(secret);
    expect(secretOf(m.userId)).toBe(secret);
    // Sealed even when the code is wrong: the read that found it rewrote it.
    db().update(users).set({ totpSecret: secret }).where(eq(users.id, m.userId)).run();
    const again = await challengeFor(m);
    await expect(completeTwoFactorLogin({ challenge: again, code: "000000" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(rawSecretOf(m.userId)).toMatch(/^v1:/);
    expect(secretOf(m.userId)).toBe(secret);
  });

  it("a legacy pending set-up is shown, sealed in place, and confirms", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    await beginTwoFactorSetup(m.ctx);
    const secret = secretOf(m.userId);
    db().update(users).set({ totpSecret: secret }).where(eq(users.id, m.userId)).run();
    expect((await twoFactorStatus(m.ctx)).pending!.secret).toBe(secret);
    expect(rawSecretOf(m.userId)).toMatch(/^v1:/);
    expect(await confirmTwoFactorSetup(m.ctx, { code: await codeFor(secret) })).toHaveLength(
      RECOVERY_CODE_COUNT,
    );
  });

  it("a tampered sealed secret is refused loudly, never taken as a wrong code", async () => {
    const org = await createOrg();
    const m = org.members.admin;
    await enable(m);
    const raw = rawSecretOf(m.userId);
    const [v, iv, tag, ct] = raw.split(":");
    const tampered = Buffer.from(ct, "base64");
    tampered[0] ^= 1;
    db()
      .update(users)
      .set({ totpSecret: [v, iv, tag, tampered.toString("base64")].join(":") })
      .where(eq(users.id, m.userId))
      .run();
    const challenge = await challengeFor(m);
    await expect(completeTwoFactorLogin({ challenge, code: "123456" })).rejects.toThrow(/cannot be read/);
  });
});
