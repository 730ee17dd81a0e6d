import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { accountTokens, sessions } from "~db/schema";
import { createOrg, FACTORY_PASSWORD, requestAs } from "../../test/factories";
import { INVALID_CREDENTIALS, logIn } from "./accounts.server";
import { latestMailTo } from "./mail.testing";
import { requestPasswordReset, resetPassword } from "./password-reset.server";

const args = (request: Request, params: Record<string, string> = {}, context = {}) =>
  ({ request, params, context }) as never;
const tokenIn = (text: string) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)![1];

describe("password reset by emailed link", () => {
  it("mails a single-use link (hash stored), sets the new password and ends every session", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    await requestPasswordReset({ email: m.email.toUpperCase() });
    const mail = latestMailTo(m.email)!;
    expect(mail.template).toBe("password-reset");
    expect(mail.organizationId).toBeNull();
    const token = tokenIn(mail.text);
    const row = db().select().from(accountTokens).where(eq(accountTokens.userId, m.userId)).get()!;
    expect(row.tokenHash).toBe(sha256Hex(token));

    // GET shows the form and uses nothing up.
    const view = (await resetLoader(args(requestAs(null, "/reset-password/x"), { token }))) as {
      data: { email: string };
      init: { headers: Record<string, string> };
    };
    expect(view.data.email).toBe(m.email);
    expect(view.init.headers["Referrer-Policy"]).toBe("no-referrer");

    const short = (await resetAction(
      args(requestAs(null, "/reset-password/x", { form: { password: "short" } }), { token }),
    )) as { data: { fieldErrors: Record<string, string>; values: Record<string, string> } };
    expect(short.data.fieldErrors.password).toBe("Use at least 8 characters");
    expect(short.data.values).not.toHaveProperty("password");

    const done = (await resetAction(
      args(requestAs(m, "/reset-password/x", { form: { password: "a brand new passphrase" } }), { token }),
    )) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/login?reset=1");
    expect(db().select().from(sessions).where(eq(sessions.userId, m.userId)).all()).toHaveLength(0);
    await expect(logIn({ email: m.email, password: FACTORY_PASSWORD })).rejects.toThrow(INVALID_CREDENTIALS);
    expect((await logIn({ email: m.email, password: "a brand new passphrase" })).kind).toBe("signed-in");

    // Used once: the same link again is refused, on GET (410) and POST.
    await expect(resetPassword({ token, password: "another passphrase" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      resetLoader(args(requestAs(null, "/reset-password/x"), { token })) as Promise<unknown>,
    ).rejects.toMatchObject({ status: 410 });
  });

  it("expires after an hour, and a newer link replaces an older one", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    const t0 = new Date();
    await requestPasswordReset({ email: m.email }, t0);
    const first = tokenIn(latestMailTo(m.email)!.text);
    await expect(
      resetPassword({ token: first, password: "too late password" }, new Date(t0.getTime() + 61 * 60_000)),
    ).rejects.toBeInstanceOf(ValidationError);
    await requestPasswordReset({ email: m.email }, new Date(t0.getTime() + 1000));
    const second = tokenIn(latestMailTo(m.email)!.text);
    expect(second).not.toBe(first);
    await expect(resetPassword({ token: first, password: "old link password" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await resetPassword({ token: second, password: "new link password" });
  });

  it("route: answers the same for an unknown address, and limits requests (429, Retry-After)", async () => {
    const org = await createOrg();
    const post = (email: string, ip = "192.0.2.50") =>
      forgotAction(
        args(requestAs(null, "/forgot-password", { form: { email } }), {}, { clientIp: ip }),
      ) as Promise<{
        ok?: boolean;
        sentTo?: string;
        init?: { status: number; headers: Record<string, string> };
      }>;
    const known = await post(org.members.admin.email);
    const unknown = await post("nobody-at-all@example.test");
    expect(known).toEqual({ ok: true, sentTo: org.members.admin.email });
    expect(unknown).toEqual({ ok: true, sentTo: "nobody-at-all@example.test" });
    expect(latestMailTo("nobody-at-all@example.test")).toBeUndefined();
    await post(org.members.admin.email);
    await post(org.members.admin.email);
    const refused = await post(org.members.admin.email);
    expect(refused.init?.status).toBe(429);
    expect(Number(refused.init?.headers["Retry-After"])).toBeGreaterThan(0);
    const bad = (await post("not an email")) as unknown as { data: { fieldErrors: Record<string, string> } };
    expect(bad.data.fieldErrors.email).toBe("Enter a valid email address");
  });
});
