import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { getSessionMember } from "~/orgs/session.server";
import { loader as auditLogLoader } from "~/routes/audit-log";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { action as membersAction, loader as membersLoader } from "~/routes/settings.members";
import { sessions } from "~db/schema";
import { createOrg, requestAs } from "../factories";

const args = (request: Request) => ({ request, params: {}, context: {} }) as never;
const sessionId = (cookie: string) => sha256Hex(cookie.split("=")[1]);
const HOUR = 3_600_000;

async function thrown(p: Promise<unknown> | unknown): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

describe("log-out", () => {
  it("POST deletes the session row and clears the cookie", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    expect(
      db()
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionId(m.cookie)))
        .get(),
    ).toBeTruthy();
    const res = (await logoutAction(args(requestAs(m, "/logout", { method: "POST" })))) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/^cs_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(
      db()
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionId(m.cookie)))
        .get(),
    ).toBeUndefined();
    expect(getSessionMember(requestAs(m, "/"))).toBeNull();
  });

  it("GET changes nothing", async () => {
    const org = await createOrg();
    const m = org.members.procurement;
    const res = await thrown(logoutLoader());
    expect(res.status).toBe(302);
    expect(getSessionMember(requestAs(m, "/"))).not.toBeNull();
  });
});

describe("session expiry", () => {
  it("ends a session left idle longer than SESSION_IDLE_HOURS, and deletes its row", async () => {
    const org = await createOrg();
    const m = org.members.auditor;
    const req = () => requestAs(m, "/");
    const start = new Date();
    const idle = env().SESSION_IDLE_HOURS * HOUR;
    expect(getSessionMember(req(), new Date(start.getTime() + idle - 60_000))).not.toBeNull();
    // That visit counted as activity: the idle clock restarted from it.
    expect(getSessionMember(req(), new Date(start.getTime() + 2 * idle - 120_000))).not.toBeNull();
    expect(getSessionMember(req(), new Date(start.getTime() + 3 * idle))).toBeNull();
    expect(
      db()
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionId(m.cookie)))
        .get(),
    ).toBeUndefined();
  });

  it("ends an active session at SESSION_ABSOLUTE_DAYS however busy it is", async () => {
    const org = await createOrg();
    const m = org.members.executive;
    const start = Date.now();
    const absolute = env().SESSION_ABSOLUTE_DAYS * 24 * HOUR;
    const step = (env().SESSION_IDLE_HOURS * HOUR) / 2;
    let t = start + step;
    for (; t < start + absolute - step; t += step) {
      expect(getSessionMember(requestAs(m, "/"), new Date(t))).not.toBeNull();
    }
    expect(getSessionMember(requestAs(m, "/"), new Date(start + absolute + 1000))).toBeNull();
  });

  it("ignores a forged or unknown cookie", () => {
    expect(getSessionMember(requestAs({ cookie: "cs_session=forged" }, "/"))).toBeNull();
    expect(getSessionMember(requestAs({ cookie: `cs_session=${"a".repeat(500)}` }, "/"))).toBeNull();
  });
});

describe("access to members and audit-log pages", () => {
  it("redirects anonymous visitors to /login with where they were going", async () => {
    const res = await thrown(membersLoader(args(requestAs(null, "/settings/members"))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings%2Fmembers");
    const post = await thrown(
      membersAction(args(requestAs(null, "/settings/members", { form: { intent: "invite" } }))),
    );
    expect(post.status).toBe(302);
    expect((await thrown(auditLogLoader(args(requestAs(null, "/audit-log"))))).status).toBe(302);
  });

  it("answers 403 to roles without members:manage, for the page and every action", async () => {
    const org = await createOrg();
    for (const role of ["auditor", "procurement", "executive"] as const) {
      const m = org.members[role];
      expect((await thrown(membersLoader(args(requestAs(m, "/settings/members"))))).status).toBe(403);
      const res = await thrown(
        membersAction(
          args(
            requestAs(m, "/settings/members", {
              form: { intent: "invite", email: "x@example.test", role: "admin" },
            }),
          ),
        ),
      );
      expect(res.status).toBe(403);
    }
  });

  it("lets admins and executives read the audit log, not auditors or procurement", async () => {
    const org = await createOrg();
    expect(await auditLogLoader(args(requestAs(org.members.admin, "/audit-log")))).toHaveProperty("chain");
    expect(await auditLogLoader(args(requestAs(org.members.executive, "/audit-log")))).toHaveProperty(
      "chain",
    );
    expect((await thrown(auditLogLoader(args(requestAs(org.members.auditor, "/audit-log"))))).status).toBe(
      403,
    );
    expect(
      (await thrown(auditLogLoader(args(requestAs(org.members.procurement, "/audit-log"))))).status,
    ).toBe(403);
  });
});
