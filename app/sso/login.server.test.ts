import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { logIn } from "~/orgs/accounts.server";
import { getSessionMember } from "~/orgs/session.server";
import { SSO_REQUIRED } from "~/orgs/sign-in.server";
import { auditLog, memberships, sessions, ssoConnections, ssoLoginAttempts, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, FACTORY_PASSWORD, requestAs, type TestOrg } from "../../test/factories";
import { removeSsoSettings, saveSsoSettings, ssoSettings } from "./connections.server";
import { beginSsoLogin, completeSsoLogin, SsoLoginError, sweepSsoAttempts } from "./login.server";
import { forgetProvider } from "./provider.server";
import { startTestProvider, type TestProvider } from "./testing.server";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A member of `org` at an address of one's choosing (the factory's are all @example.test). */
async function addMember(org: TestOrg, email: string, role: Role) {
  const passwordHash = await hash(FACTORY_PASSWORD);
  return writeTx((tx) => {
    const user = tx
      .insert(users)
      .values({ email, name: email.split("@")[0], passwordHash })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role }).run();
    return user;
  });
}

type Tenant = { org: TestOrg; idp: TestProvider; domain: string; bossId: string; boss: string };

async function tenant(): Promise<Tenant> {
  const org = await createOrg();
  const idp = await startTestProvider();
  const domain = `t${uniq()}.example`;
  const boss = `boss@${domain}`;
  const bossUser = await addMember(org, boss, "admin");
  await saveSsoSettings(org.members.admin.ctx, {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: domain,
    defaultRole: "procurement",
    enabled: "on",
  });
  return { org, idp, domain, bossId: bossUser.id, boss };
}

const cookieValue = (setCookie: string) => setCookie.split(";")[0].split("=")[1];

/** The browser's part: start, follow the provider's redirect, come back with its query string. */
async function reachCallback(start: { email?: string; organizationId?: string }) {
  const begun = await beginSsoLogin({ ...start, redirectTo: "/suppliers" });
  const res = await fetch(begun.authorizationUrl, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  expect(back.pathname).toBe("/login/sso/callback");
  return {
    cookieToken: cookieValue(begun.cookie),
    search: back.searchParams,
    authorizationUrl: begun.authorizationUrl,
  };
}

async function refused(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SsoLoginError);
  return (err as Error).message;
}

const sessionsOf = (userId: string) => db().select().from(sessions).where(eq(sessions.userId, userId)).all();
const userByEmail = (email: string) => db().select().from(users).where(eq(users.email, email)).get();
const auditActions = (orgId: string) =>
  db()
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.organizationId, orgId))
    .all();

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await tenant();
  b = await tenant();
});
afterAll(async () => {
  await a.idp.close();
  await b.idp.close();
  forgetProvider();
});

describe("signing in through the organisation's provider", () => {
  it("a new person at an allowed domain joins with the default role and gets a session in that organisation", async () => {
    const email = `carol.${uniq()}@${a.domain}`;
    a.idp.signIn({ sub: `sub-${uniq()}`, email, name: "Carol Okafor" });
    const cb = await reachCallback({ email });
    const auth = new URL(cb.authorizationUrl);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("nonce")).toBeTruthy();
    expect(auth.searchParams.get("login_hint")).toBe(email);

    const signed = await completeSsoLogin(cb);
    expect(signed.organizationId).toBe(a.org.id);
    expect(signed.redirectTo).toBe("/suppliers");
    const member = getSessionMember(requestAs({ cookie: signed.cookie.split(";")[0] }, "/"));
    expect(member).toMatchObject({
      organization: { id: a.org.id },
      role: "procurement",
      authMethod: "sso",
      user: { email, name: "Carol Okafor" },
    });
    const actions = auditActions(a.org.id).map((r) => r.action);
    expect(actions.slice(-2)).toEqual(["member.added", "user.logged_in"]);
    expect(JSON.parse(auditActions(a.org.id).at(-1)!.details!)).toMatchObject({
      method: "single sign-on",
      issuer: a.idp.issuer,
    });
    // No password was ever set for the provisioned account: password log-in cannot open it.
    await expect(logIn({ email, password: "!sso" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("an existing member keeps their role; the bookmarked link (organisation id) works too", async () => {
    a.idp.signIn({ sub: "boss", email: a.boss });
    const signed = await completeSsoLogin(await reachCallback({ organizationId: a.org.id }));
    expect(getSessionMember(requestAs({ cookie: signed.cookie.split(";")[0] }, "/"))?.role).toBe("admin");
  });

  it("an answer is good once: the same callback again is refused", async () => {
    a.idp.signIn({ sub: "boss", email: a.boss });
    const cb = await reachCallback({ email: a.boss });
    await completeSsoLogin(cb);
    expect(await refused(completeSsoLogin(cb))).toMatch(/expired or was already used/);
  });

  it("a callback in another browser (no cookie, or another attempt's cookie) opens nothing", async () => {
    a.idp.signIn({ sub: "boss", email: a.boss });
    const cb = await reachCallback({ email: a.boss });
    const before = sessionsOf(a.bossId).length;
    expect(await refused(completeSsoLogin({ ...cb, cookieToken: null }))).toMatch(/another browser/);
    const other = await reachCallback({ email: a.boss });
    // The other attempt's cookie with this answer: the state does not match.
    expect(await refused(completeSsoLogin({ cookieToken: other.cookieToken, search: cb.search }))).toMatch(
      /state/,
    );
    expect(sessionsOf(a.bossId).length).toBe(before);
  });
});

describe("refused callbacks: no session, no account, and a line in the audit log", () => {
  const cases: { name: string; arrange: (t: Tenant) => void; message: RegExp }[] = [
    { name: "wrong nonce", arrange: (t) => t.idp.tamper({ nonce: "not-the-one-we-sent" }), message: /nonce/ },
    { name: "expired ID token", arrange: (t) => t.idp.tamper({ expiresIn: -3600 }), message: /expired/ },
    {
      name: "wrong audience",
      arrange: (t) => t.idp.tamper({ aud: "some-other-client" }),
      message: /audience/,
    },
    {
      name: "wrong issuer",
      arrange: (t) => t.idp.tamper({ iss: "https://evil.example" }),
      message: /issuer/,
    },
    {
      name: "signed with a key not in the JWKS",
      arrange: (t) => t.idp.tamper({ foreignKey: true }),
      message: /signature/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const email = `new.${uniq()}@${a.domain}`;
      a.idp.signIn({ sub: `sub-${uniq()}`, email });
      const cb = await reachCallback({ email });
      c.arrange(a);
      const message = await refused(completeSsoLogin(cb));
      expect(message).toMatch(c.message);
      expect(userByEmail(email)).toBeUndefined();
      const last = auditActions(a.org.id).at(-1)!;
      expect(last.action).toBe("sso.login_refused");
      expect(JSON.parse(last.details!).reason).toBe(message);
    });
  }

  it("wrong state: refused before the code is ever exchanged", async () => {
    const email = `new.${uniq()}@${a.domain}`;
    a.idp.signIn({ sub: `sub-${uniq()}`, email });
    const cb = await reachCallback({ email });
    const tokenCalls = a.idp.requests.filter((p) => p === "/token").length;
    const search = new URLSearchParams(cb.search);
    search.set("state", "tampered");
    expect(await refused(completeSsoLogin({ ...cb, search }))).toMatch(/state mismatch/);
    expect(a.idp.requests.filter((p) => p === "/token").length).toBe(tokenCalls);
    expect(userByEmail(email)).toBeUndefined();
  });

  it("an email the provider has not verified", async () => {
    const email = `unverified.${uniq()}@${a.domain}`;
    a.idp.signIn({ sub: `sub-${uniq()}`, email, emailVerified: false });
    expect(await refused(completeSsoLogin(await reachCallback({ email })))).toMatch(/not verified/);
    expect(userByEmail(email)).toBeUndefined();
  });

  it("an email outside the organisation's domains", async () => {
    const email = `someone.${uniq()}@elsewhere.example`;
    a.idp.signIn({ sub: `sub-${uniq()}`, email });
    expect(await refused(completeSsoLogin(await reachCallback({ organizationId: a.org.id })))).toMatch(
      /elsewhere\.example may not sign in/,
    );
    expect(userByEmail(email)).toBeUndefined();
  });

  it("the provider refusing (access_denied) is shown as such", async () => {
    a.idp.signIn(null as never);
    expect(await refused(completeSsoLogin(await reachCallback({ organizationId: a.org.id })))).toMatch(
      /refused the sign-in \(access_denied\)/,
    );
  });
});

describe("tenancy: a person from provider A never lands in organisation B", () => {
  it("provider A vouching for an address at B's domain is refused in A, and B gets nothing", async () => {
    const email = `mallory.${uniq()}@${b.domain}`;
    a.idp.signIn({ sub: "mallory", email });
    expect(await refused(completeSsoLogin(await reachCallback({ organizationId: a.org.id })))).toMatch(
      /may not sign in/,
    );
    expect(userByEmail(email)).toBeUndefined();
  });

  it("an attempt for B cannot be completed with an answer from A's provider", async () => {
    a.idp.signIn({ sub: "boss", email: a.boss });
    const fromA = await reachCallback({ organizationId: a.org.id });
    b.idp.signIn({ sub: "boss", email: b.boss });
    const forB = await reachCallback({ organizationId: b.org.id });
    // B's browser cookie with A's code (and state made to match B's attempt): B's token endpoint refuses.
    const search = new URLSearchParams(fromA.search);
    search.set("state", forB.search.get("state")!);
    await refused(completeSsoLogin({ cookieToken: forB.cookieToken, search }));
    expect(sessionsOf(a.bossId).filter((s) => s.organizationId === b.org.id)).toEqual([]);
  });

  it("a member of both organisations signing in through A's provider gets a session in A only", async () => {
    const email = `both.${uniq()}@${a.domain}`;
    const user = await addMember(b.org, email, "auditor");
    writeTx((tx) =>
      tx.insert(memberships).values({ organizationId: a.org.id, userId: user.id, role: "executive" }).run(),
    );
    a.idp.signIn({ sub: "both", email });
    const signed = await completeSsoLogin(await reachCallback({ email }));
    expect(signed.organizationId).toBe(a.org.id);
    expect(sessionsOf(user.id).map((s) => s.organizationId)).toEqual([a.org.id]);
  });
});

describe("settings", () => {
  it("the client secret is stored sealed and never shown; changes are audit-logged without it", async () => {
    const row = db().select().from(ssoConnections).where(eq(ssoConnections.organizationId, a.org.id)).get()!;
    expect(row.clientSecretSealed).not.toContain(a.idp.clientSecret);
    expect(row.clientSecretSealed).toMatch(/^v1:/);
    const view = ssoSettings(a.org.members.admin.ctx);
    expect(JSON.stringify(view)).not.toContain(a.idp.clientSecret);
    expect(view.connection).toMatchObject({ issuer: a.idp.issuer, domains: [a.domain] });
    const configured = auditActions(a.org.id).find((r) => r.action === "sso.configured")!;
    expect(configured.details).not.toContain(a.idp.clientSecret);
  });

  it("refuses a domain no member has an address at, another organisation's domain and public mailboxes", async () => {
    const org = await createOrg();
    const base = {
      issuer: a.idp.issuer,
      clientId: a.idp.clientId,
      clientSecret: a.idp.clientSecret,
      defaultRole: "auditor" as const,
    };
    await expect(
      saveSsoSettings(org.members.admin.ctx, { ...base, domains: `nobody${uniq()}.example` }),
    ).rejects.toMatchObject({
      fieldErrors: { domains: expect.stringMatching(/No member of this organisation/) },
    });
    await addMember(org, `x.${uniq()}@${a.domain}`, "auditor");
    await expect(
      saveSsoSettings(org.members.admin.ctx, { ...base, domains: a.domain }),
    ).rejects.toMatchObject({
      fieldErrors: { domains: expect.stringMatching(/already used by another organisation/) },
    });
    await expect(
      saveSsoSettings(org.members.admin.ctx, { ...base, domains: "gmail.com" }),
    ).rejects.toMatchObject({
      fieldErrors: { domains: expect.stringMatching(/public mailbox/) },
    });
  });

  it("an unreachable issuer is a field error, within seconds", async () => {
    const org = await createOrg();
    const started = Date.now();
    await expect(
      saveSsoSettings(org.members.admin.ctx, {
        issuer: "http://127.0.0.1:9",
        clientId: "x",
        clientSecret: "y",
        domains: "example.test",
        defaultRole: "auditor",
      }),
    ).rejects.toMatchObject({ fieldErrors: { issuer: expect.stringMatching(/discovery document/) } });
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("requiring single sign-on needs a break-glass admin", async () => {
    await expect(
      saveSsoSettings(a.org.members.admin.ctx, {
        issuer: a.idp.issuer,
        clientId: a.idp.clientId,
        domains: a.domain,
        defaultRole: "procurement",
        enabled: "on",
        requireSso: "on",
      }),
    ).rejects.toMatchObject({ fieldErrors: { breakGlassUserId: expect.any(String) } });
  });
});

describe("require single sign-on", () => {
  it("refuses password log-in to members but the break-glass admin, and ends their password sessions", async () => {
    const t = await tenant();
    const member = t.org.members.procurement;
    // A session from single sign-on survives the switch; password sessions (the factory's) do not.
    t.idp.signIn({ sub: "boss", email: t.boss });
    const ssoSession = await completeSsoLogin(await reachCallback({ email: t.boss }));
    await saveSsoSettings(t.org.members.admin.ctx, {
      issuer: t.idp.issuer,
      clientId: t.idp.clientId,
      domains: t.domain,
      defaultRole: "procurement",
      enabled: "on",
      requireSso: "on",
      breakGlassUserId: t.org.members.admin.userId,
    });
    expect(sessionsOf(member.userId)).toEqual([]);
    expect(sessionsOf(t.org.members.admin.userId).length).toBe(1);
    expect(getSessionMember(requestAs({ cookie: ssoSession.cookie.split(";")[0] }, "/"))).not.toBeNull();

    await expect(logIn({ email: member.email, password: FACTORY_PASSWORD })).rejects.toThrow(SSO_REQUIRED);
    // A wrong password still says only "incorrect": the SSO rule is not revealed before the password.
    await expect(logIn({ email: member.email, password: "wrong password" })).rejects.not.toThrow(
      SSO_REQUIRED,
    );
    const glass = await logIn({ email: t.org.members.admin.email, password: FACTORY_PASSWORD });
    expect(glass).toMatchObject({ kind: "signed-in", organizationId: t.org.id });

    // Removing single sign-on gives password log-in back.
    removeSsoSettings(t.org.members.admin.ctx);
    expect(await logIn({ email: member.email, password: FACTORY_PASSWORD })).toMatchObject({
      kind: "signed-in",
    });
    expect(auditActions(t.org.id).map((r) => r.action)).toContain("sso.removed");
    await t.idp.close();
  });
});

it("housekeeping sweeps sign-ins that never came back", async () => {
  a.idp.signIn({ sub: "boss", email: a.boss });
  await beginSsoLogin({ email: a.boss });
  const later = new Date(Date.now() + 11 * 60_000);
  expect(sweepSsoAttempts(later)).toBeGreaterThan(0);
  expect(
    db()
      .select()
      .from(ssoLoginAttempts)
      .where(and(eq(ssoLoginAttempts.organizationId, a.org.id)))
      .all()
      .filter((r) => r.expiresAt < later),
  ).toEqual([]);
});
