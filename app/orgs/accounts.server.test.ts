import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email.$token";
import { accountTokens, auditLog, memberships, organizations, rateLimits, sessions, users } from "~db/schema";
import { createOrg, FACTORY_PASSWORD, requestAs } from "../../test/factories";
import {
  confirmSignUp,
  INVALID_CREDENTIALS,
  logIn,
  requestSignUp,
  type LogInResult,
} from "./accounts.server";
import { acceptInvitation, inviteMember } from "./invitations.server";
import { latestMailTo } from "./mail.testing";
import { LOGIN_FREE_PER_ACCOUNT, LOGIN_FREE_PER_ACCOUNT_IP, TooManyAttemptsError } from "./rate-limit.server";
import { getSessionMember } from "./session.server";

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
let n = 0;
const email = () => `person-${Date.now()}-${n++}@example.test`;

const args = (request: Request, context: Record<string, unknown> = {}, params: Record<string, string> = {}) =>
  ({ request, params, context }) as never;

const linkToken = (text: string, path: string) =>
  new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? "";

function signedIn(r: LogInResult) {
  if (r.kind !== "signed-in") throw new Error("expected a session");
  return r;
}

describe("sign-up with email verification", () => {
  it("creates nothing until the emailed link is confirmed; then organisation, admin, session and audit rows", async () => {
    const address = email();
    const usersBefore = db().select().from(users).all().length;
    const sent = await requestSignUp({
      organizationName: "Łódź Tekstil Sanayi A.Ş.",
      name: "Ana Admin",
      email: `  ${address.toUpperCase()} `,
      password: "a long enough passphrase",
    });
    expect(sent.email).toBe(address);
    expect(db().select().from(users).all()).toHaveLength(usersBefore);
    const mail = latestMailTo(address)!;
    expect(mail.organizationId).toBeNull();
    expect(mail.template).toBe("signup-confirmation");
    const token = linkToken(mail.text, "verify-email");
    expect(token).toMatch(/^[\w-]{43}$/);
    // Only the token's hash is stored.
    const row = db().select().from(accountTokens).where(eq(accountTokens.email, address)).get()!;
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.payload).not.toContain("a long enough passphrase");

    // GET shows it and changes nothing (mail scanners prefetch links).
    const view = (await verifyLoader(args(requestAs(null, "/verify-email/x"), {}, { token }))) as {
      data: { organizationName: string };
    };
    expect(view.data.organizationName).toBe("Łódź Tekstil Sanayi A.Ş.");
    expect(db().select().from(users).where(eq(users.email, address)).get()).toBeUndefined();

    const res = (await verifyAction(
      args(requestAs(null, "/verify-email/x", { form: {} }), {}, { token }),
    )) as Response;
    expect(res.status).toBe(302);
    // No session from the link alone: the person logs in with the password chosen at sign-up.
    expect(res.headers.get("Location")).toBe(`/login?verified=1&email=${encodeURIComponent(address)}`);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const signed = signedIn(await logIn({ email: address, password: "a long enough passphrase" }));
    const me = getSessionMember(requestAs({ cookie: cookieOf(signed.cookie) }, "/"));
    expect(me).toMatchObject({ role: "admin", organization: { name: "Łódź Tekstil Sanayi A.Ş." } });
    const user = db().select().from(users).where(eq(users.email, address)).get()!;
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(db().select().from(memberships).where(eq(memberships.userId, user.id)).get()?.role).toBe("admin");
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, me!.organization.id))
      .orderBy(auditLog.seq)
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["organization.created", "member.added", "user.logged_in"]);

    // Single use: the same link again creates nothing.
    expect(() => confirmSignUp(token)).toThrow(ValidationError);
    await expect(
      verifyLoader(args(requestAs(null, "/verify-email/x"), {}, { token })) as Promise<unknown>,
    ).rejects.toMatchObject({ status: 410 });
  });

  it("an expired link creates nothing", async () => {
    const address = email();
    const t0 = new Date();
    await requestSignUp(
      { organizationName: "Late Co", name: "L", email: address, password: "long enough pw" },
      t0,
    );
    const token = linkToken(latestMailTo(address)!.text, "verify-email");
    expect(() => confirmSignUp(token, new Date(t0.getTime() + 25 * 3_600_000))).toThrow(ValidationError);
    expect(db().select().from(users).where(eq(users.email, address)).get()).toBeUndefined();
  });

  it("an unverified sign-up with an invited address does not block the invitee", async () => {
    const org = await createOrg();
    const address = email();
    // Someone signs up first with the invitee's address (and cannot open their mail)...
    await requestSignUp({ organizationName: "Squatter", name: "X", email: address, password: "squatter-pw" });
    const squatterToken = linkToken(latestMailTo(address)!.text, "verify-email");
    await inviteMember(org.members.admin.ctx, { email: address, role: "auditor" });
    const invite = linkToken(latestMailTo(address)!.text, "invite");
    // ...the invitee still creates their account from the invitation,
    const joined = await acceptInvitation({
      token: invite,
      name: "Ivy Invitee",
      password: "invitee-password",
    });
    expect(joined.organizationId).toBe(org.id);
    expect(joined.cookie).toMatch(/^cs_session=/);
    // and the squatter's link now creates nothing.
    expect(() => confirmSignUp(squatterToken)).toThrow(ConflictError);
    expect(db().select().from(organizations).where(eq(organizations.name, "Squatter")).get()).toBeUndefined();
  });

  it("says the same for an address that has an account, and mails its owner a reset link instead", async () => {
    const org = await createOrg();
    const existing = org.members.procurement.email;
    const res = (await signupAction(
      args(
        requestAs(null, "/signup", {
          form: { organizationName: "Second Co", name: "B", email: existing, password: "password-two" },
        }),
      ),
    )) as { ok: boolean; sentTo: string };
    const fresh = (await signupAction(
      args(
        requestAs(null, "/signup", {
          form: { organizationName: "Third Co", name: "C", email: email(), password: "password-two" },
        }),
      ),
    )) as { ok: boolean; sentTo: string };
    expect(Object.keys(res)).toEqual(Object.keys(fresh));
    expect(res).toEqual({ ok: true, sentTo: existing });
    const mail = latestMailTo(existing)!;
    expect(mail.template).toBe("account-exists");
    expect(mail.text).toContain("/reset-password/");
    expect(
      db().select().from(organizations).where(eq(organizations.name, "Second Co")).get(),
    ).toBeUndefined();
  });

  it("route: bad input re-renders with field errors and no password", async () => {
    const bad = (await signupAction(
      args(
        requestAs(null, "/signup", {
          form: { organizationName: "", name: "Ana", email: "not-an-email", password: "short" },
        }),
      ),
    )) as {
      data: { fieldErrors: Record<string, string>; values: Record<string, string> };
      init: { status: number };
    };
    expect(bad.init.status).toBe(400);
    expect(Object.keys(bad.data.fieldErrors).sort()).toEqual(["email", "organizationName", "password"]);
    expect(bad.data.fieldErrors.password).toBe("Use at least 8 characters");
    expect(bad.data.values).toMatchObject({ name: "Ana", email: "not-an-email" });
    expect(bad.data.values).not.toHaveProperty("password");

    const long = (await signupAction(
      args(
        requestAs(null, "/signup", {
          form: { organizationName: "Acme", name: "Ana", email: email(), password: "x".repeat(129) },
        }),
      ),
    )) as { data: { fieldErrors: Record<string, string> } };
    expect(long.data.fieldErrors.password).toBe("Use at most 128 characters");
  });

  it("route: limits sign-up mail per address (429 with Retry-After)", async () => {
    const address = email();
    const post = () =>
      signupAction(
        args(
          requestAs(null, "/signup", {
            form: { organizationName: "Spam Co", name: "S", email: address, password: "long enough pw" },
          }),
          { clientIp: "192.0.2.44" },
        ),
      ) as Promise<{ init?: { status: number; headers: Record<string, string> } }>;
    for (let i = 0; i < 3; i++) expect((await post()).init).toBeUndefined();
    const refused = await post();
    expect(refused.init?.status).toBe(429);
    expect(Number(refused.init?.headers["Retry-After"])).toBeGreaterThan(0);
  });
});

describe("logIn", () => {
  it("signs in with a fresh session id each time", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    const first = signedIn(await logIn({ email: m.email, password: FACTORY_PASSWORD }));
    const second = signedIn(await logIn({ email: m.email.toUpperCase(), password: FACTORY_PASSWORD }));
    expect(first.sessionId).not.toBe(second.sessionId);
    expect(first.organizationId).toBe(org.id);
    expect(sha256Hex(cookieOf(first.cookie).split("=")[1])).toBe(first.sessionId);
    const member = getSessionMember(requestAs({ cookie: cookieOf(second.cookie) }, "/"));
    expect(member?.role).toBe("procurement");
  });

  it("gives the identical answer for an unknown email and a wrong password", async () => {
    const org = await createOrg();
    const unknown = (await loginAction(
      args(requestAs(null, "/login", { form: { email: "nobody@example.test", password: "whatever123" } })),
    )) as { data: unknown; init: { status: number } };
    const wrong = (await loginAction(
      args(requestAs(null, "/login", { form: { email: org.members.admin.email, password: "whatever123" } })),
    )) as { data: { values: Record<string, string> }; init: { status: number } };
    expect(unknown.init.status).toBe(400);
    expect(wrong.init.status).toBe(400);
    expect(unknown.data).toEqual({
      ok: false,
      formError: INVALID_CREDENTIALS,
      fieldErrors: {},
      values: { email: "nobody@example.test" },
    });
    expect({ ...wrong.data, values: undefined }).toEqual({
      ...(unknown.data as object),
      values: undefined,
    });
  });

  it("spends similar time on an unknown email as on a wrong password (argon2 on a dummy hash)", async () => {
    const org = await createOrg();
    const time = async (address: string) => {
      const t0 = performance.now();
      await logIn({ email: address, password: "wrong password" }).catch(() => undefined);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    await time("warm-up@example.test");
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time(`nobody-${i}@example.test`));
      wrong.push(await time(org.members.auditor.email));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it("counts 30 parallel wrong passwords before hashing: no more than the allowance reach argon2", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          logIn({ email: m.email, password: `wrong-${i}`, ip: "192.0.2.10" }).catch((e: unknown) => e),
        ),
      );
      // Every answer that is not a 429 went through argon2: exactly the allowance, not 16 of 30.
      const wrong = answers.filter((a) => a instanceof ValidationError).length;
      const throttled = answers.filter((a) => a instanceof TooManyAttemptsError);
      expect(wrong).toBe(LOGIN_FREE_PER_ACCOUNT_IP);
      expect(throttled).toHaveLength(30 - LOGIN_FREE_PER_ACCOUNT_IP);
    }
    // Without a client address only the account throttle applies: still counted before hashing.
    const other = org.members.auditor;
    const noIp = await Promise.all(
      Array.from({ length: 30 }, (_, i) => logIn({ email: other.email, password: `w-${i}` }).catch((e) => e)),
    );
    expect(noIp.filter((a) => a instanceof ValidationError)).toHaveLength(LOGIN_FREE_PER_ACCOUNT);
  });

  it("slows a guesser with doubling waits instead of locking the account", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    const ip = "192.0.2.20";
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    for (let i = 0; i < LOGIN_FREE_PER_ACCOUNT_IP; i++) {
      await expect(logIn({ email: m.email, password: `wrong-${i}`, ip }, at(0))).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    // Now 1 s, then 2 s, then 4 s between attempts from that address...
    const early = await logIn({ email: m.email, password: "wrong", ip }, at(0.5)).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(TooManyAttemptsError);
    expect((early as TooManyAttemptsError).retryAfterMs).toBe(500);
    expect((early as Error).message).toBe("Too many attempts, try again in 1 second.");
    await expect(logIn({ email: m.email, password: "wrong", ip }, at(1))).rejects.toThrow(
      INVALID_CREDENTIALS,
    );
    const next = await logIn({ email: m.email, password: "wrong", ip }, at(1.1)).catch((e: unknown) => e);
    expect((next as TooManyAttemptsError).retryAfterMs).toBe(1900);
    // ...refused attempts are not counted, so hammering does not lengthen the wait,
    for (let i = 0; i < 20; i++) await logIn({ email: m.email, password: "x", ip }, at(2)).catch(() => 0);
    // and the owner gets in with the right password once the short wait is over.
    const ok = signedIn(await logIn({ email: m.email, password: FACTORY_PASSWORD, ip }, at(3)));
    expect(ok.userId).toBe(m.userId);
    // A successful log-in clears the account's throttles.
    expect(
      db()
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `login:account:${m.email}`))
        .get(),
    ).toBeUndefined();
  });

  it("an attacker elsewhere does not keep the owner out: the owner's address has its own allowance", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    for (let i = 0; i < 12; i++) {
      await logIn({ email: m.email, password: `wrong-${i}`, ip: "198.51.100.66" }).catch(() => undefined);
    }
    // The account-wide throttle waits at most a minute, never a lock.
    const t = new Date(Date.now() + 61_000);
    const ok = signedIn(await logIn({ email: m.email, password: FACTORY_PASSWORD, ip: "192.0.2.99" }, t));
    expect(ok.userId).toBe(m.userId);
  });

  it("throttles unknown emails the same way (no hint that the account does not exist)", async () => {
    const address = email();
    for (let i = 0; i < LOGIN_FREE_PER_ACCOUNT; i++)
      await logIn({ email: address, password: "nope-nope" }).catch(() => undefined);
    await expect(logIn({ email: address, password: "nope-nope" })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });

  it("route: answers 429 with a clear message, per IP across many accounts", async () => {
    const ip = `203.0.113.${n++ % 250}`;
    for (let i = 0; i < 50; i++) {
      await logIn({ email: `spray-${i}-${ip}@example.test`, password: "Summer2025!", ip }).catch(
        () => undefined,
      );
    }
    const org = await createOrg();
    const res = (await loginAction(
      args(
        requestAs(null, "/login", { form: { email: org.members.admin.email, password: FACTORY_PASSWORD } }),
        { clientIp: ip },
      ),
    )) as { data: { formError: string }; init: { status: number; headers: Record<string, string> } };
    expect(res.init.status).toBe(429);
    expect(res.data.formError).toMatch(/^Too many attempts, try again in \d+ (seconds?|minutes?)\.$/);
    expect(Number(res.init.headers["Retry-After"])).toBeGreaterThan(0);

    // The same person from another address is not affected by the sprayer.
    const other = await loginAction(
      args(
        requestAs(null, "/login", { form: { email: org.members.admin.email, password: FACTORY_PASSWORD } }),
        { clientIp: "198.51.100.7" },
      ),
    );
    expect((other as Response).status).toBe(302);
  });

  it("route: follows a local redirectTo and ignores an off-site one", async () => {
    const org = await createOrg();
    const m = org.members.admin;
    const go = async (redirectTo: string) =>
      (
        (await loginAction(
          args(
            requestAs(null, "/login", { form: { email: m.email, password: FACTORY_PASSWORD, redirectTo } }),
          ),
        )) as Response
      ).headers.get("Location");
    expect(await go("/suppliers?tab=risk")).toBe("/suppliers?tab=risk");
    expect(await go("//evil.example/phish")).toBe("/dashboard");
    expect(await go("https://evil.example")).toBe("/dashboard");
  });

  it("route: logging in ends the session the browser had before", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    const oldId = sha256Hex(m.cookie.split("=")[1]);
    expect(db().select().from(sessions).where(eq(sessions.id, oldId)).get()).toBeTruthy();
    await loginAction(args(requestAs(m, "/login", { form: { email: m.email, password: FACTORY_PASSWORD } })));
    expect(db().select().from(sessions).where(eq(sessions.id, oldId)).get()).toBeUndefined();
    expect(
      db()
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, m.userId), eq(sessions.organizationId, org.id)))
        .all(),
    ).toHaveLength(1);
  });
});
