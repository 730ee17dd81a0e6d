import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { auditLog, memberships, organizations, rateLimits, sessions, users } from "~db/schema";
import { createOrg, FACTORY_PASSWORD, requestAs } from "../../test/factories";
import { INVALID_CREDENTIALS, logIn, signUp } from "./accounts.server";
import { TooManyAttemptsError } from "./rate-limit.server";
import { getSessionMember } from "./session.server";

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
let n = 0;
const email = () => `person-${Date.now()}-${n++}@example.test`;

const args = (request: Request, context: Record<string, unknown> = {}) =>
  ({ request, params: {}, context }) as never;

describe("signUp", () => {
  it("creates the organisation, its admin, the membership, a session and audit rows in one go", async () => {
    const address = email();
    const result = await signUp({
      organizationName: "Łódź Tekstil Sanayi A.Ş.",
      name: "Ana Admin",
      email: `  ${address.toUpperCase()} `,
      password: "a long enough passphrase",
    });
    const org = db().select().from(organizations).where(eq(organizations.id, result.organizationId)).get();
    expect(org?.name).toBe("Łódź Tekstil Sanayi A.Ş.");
    const user = db().select().from(users).where(eq(users.id, result.userId)).get()!;
    expect(user.email).toBe(address);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const membership = db().select().from(memberships).where(eq(memberships.userId, user.id)).get();
    expect(membership?.role).toBe("admin");
    expect(db().select().from(sessions).where(eq(sessions.id, result.sessionId)).get()).toBeTruthy();

    const me = getSessionMember(requestAs({ cookie: cookieOf(result.cookie) }, "/dashboard"));
    expect(me).toMatchObject({ role: "admin", organization: { id: result.organizationId } });

    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, result.organizationId))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["organization.created", "member.added"]);
  });

  it("refuses a second account with the same email, with a field error", async () => {
    const address = email();
    await signUp({ organizationName: "First Co", name: "A", email: address, password: "password-one" });
    const err = await signUp({
      organizationName: "Second Co",
      name: "B",
      email: address,
      password: "password-two",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.email).toMatch(/already exists/);
  });

  it("route: redirects with a session cookie; bad input re-renders with field errors and no password", async () => {
    const ok = await signupAction(
      args(
        requestAs(null, "/signup", {
          form: { organizationName: "Acme", name: "Ana", email: email(), password: "long enough pw" },
        }),
      ),
    );
    expect(ok).toBeInstanceOf(Response);
    expect((ok as Response).status).toBe(302);
    expect((ok as Response).headers.get("Location")).toBe("/dashboard");
    expect((ok as Response).headers.get("Set-Cookie")).toMatch(
      /^cs_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/,
    );

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
});

describe("logIn", () => {
  it("signs in with a fresh session id each time", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    const first = await logIn({ email: m.email, password: FACTORY_PASSWORD });
    const second = await logIn({ email: m.email.toUpperCase(), password: FACTORY_PASSWORD });
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

  it("blocks an account after 10 failures for 15 minutes, even with the right password, then lets it in", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    const t0 = new Date();
    for (let i = 0; i < 10; i++) {
      await expect(logIn({ email: m.email, password: `wrong-${i}` }, t0)).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    const blocked = await logIn({ email: m.email, password: FACTORY_PASSWORD }, t0).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(TooManyAttemptsError);
    expect((blocked as Error).message).toBe("Too many attempts, try again in 15 minutes.");

    const later = new Date(t0.getTime() + 16 * 60_000);
    const ok = await logIn({ email: m.email, password: FACTORY_PASSWORD }, later);
    expect(ok.userId).toBe(m.userId);
    // A successful log-in clears the account's counter.
    expect(
      db()
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `login:account:${m.email}`))
        .get(),
    ).toBeUndefined();
  });

  it("blocks unknown emails the same way (no hint that the account does not exist)", async () => {
    const address = email();
    for (let i = 0; i < 10; i++)
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
    expect(res.data.formError).toMatch(/^Too many attempts, try again in \d+ minutes?\.$/);
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
