/* eslint-disable @typescript-eslint/no-explicit-any -- loader args are built by hand in tests. */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeTx } from "~/infra/db.server";
import { parseEnv, resetEnv } from "~/infra/env.server";
import * as detailRoute from "~/routes/dev.mailbox.$emailId";
import * as listRoute from "~/routes/dev.mailbox._index";
import { createOrg, type TestOrg } from "../../test/factories";
import { enqueueEmail } from "./outbox.server";
import { logUnsentPersonalMail } from "./sender.server";

const args = (cookie: string | null, params: Record<string, string> = {}) =>
  ({
    request: new Request("http://localhost/dev/mailbox", { headers: cookie ? { Cookie: cookie } : {} }),
    params,
    context: {},
  }) as any;

async function outcome(fn: () => Promise<unknown>): Promise<{ status: number; location?: string | null }> {
  try {
    await fn();
    return { status: 200 };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("Location") };
    throw e;
  }
}

function queue(organizationId: string | null, subject: string) {
  return writeTx((tx) =>
    enqueueEmail(tx, {
      organizationId,
      template: "test",
      to: "box@example.test",
      subject,
      html: "<p>Hi <script>alert(1)</script></p>",
      text: "Hi, open http://localhost:3000/invite/secret-token to join",
    }),
  );
}

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

afterEach(() => {
  delete process.env.DEV_MAILBOX;
  resetEnv();
});

describe("dev mailbox", () => {
  it("shows a signed-in admin only their own organisation's mail", async () => {
    const mine = queue(a.id, "For A");
    const theirs = queue(b.id, "For B");
    const personal = queue(null, "Personal: reset your password");
    const list = await listRoute.loader(args(a.members.admin.cookie));
    const ids = list.emails.map((e) => e.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect(ids).not.toContain(personal);
    const email = await detailRoute.loader(args(a.members.admin.cookie, { emailId: mine }));
    expect(email).toMatchObject({ html: "<p>Hi <script>alert(1)</script></p>", subject: "For A" });
    // Another tenant's mail and mail of no tenant are indistinguishable from a missing id.
    for (const id of [theirs, personal, "nope"]) {
      expect(
        (await outcome(() => detailRoute.loader(args(a.members.admin.cookie, { emailId: id })))).status,
      ).toBe(404);
    }
  });

  // The probe's defect: without SMTP the mailbox listed every tenant's mail (invitations, supplier
  // links, portal codes) to anyone, and an invitation read there made an anonymous visitor an admin.
  it("is never anonymous: a visitor without a session is sent to log in, with nothing listed", async () => {
    const id = queue(a.id, "Invitation");
    const list = await outcome(() => listRoute.loader(args(null)));
    expect(list.status).toBe(302);
    expect(list.location).toMatch(/^\/login\?redirectTo=/);
    expect((await outcome(() => detailRoute.loader(args(null, { emailId: id })))).status).toBe(302);
  });

  it.each(["procurement", "auditor", "executive"] as const)("refuses a %s (403)", async (role) => {
    const id = queue(a.id, "Invitation");
    expect((await outcome(() => listRoute.loader(args(a.members[role].cookie)))).status).toBe(403);
    expect(
      (await outcome(() => detailRoute.loader(args(a.members[role].cookie, { emailId: id })))).status,
    ).toBe(403);
  });

  it("answers 404, even to an admin, when the mailbox is off", async () => {
    process.env.DEV_MAILBOX = "false";
    resetEnv();
    expect((await outcome(() => listRoute.loader(args(a.members.admin.cookie)))).status).toBe(404);
    expect(
      (await outcome(() => detailRoute.loader(args(a.members.admin.cookie, { emailId: "x" })))).status,
    ).toBe(404);
  });

  it("is on by default only when mail is not sent by SMTP, in any mode", () => {
    // Production needs its TOTP key; any valid one will do here.
    const prod = { NODE_ENV: "production", TOTP_ENCRYPTION_KEY: "a".repeat(64) } as const;
    expect(parseEnv(prod).devMailbox).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", SMTP_URL: "smtp://mail.example:587" }).devMailbox).toBe(false);
    expect(parseEnv({ ...prod, SMTP_URL: "smtp://mail.example:587" }).devMailbox).toBe(false);
  });

  it("prints the link of personal mail (no organisation) to the log instead", () => {
    const since = new Date(Date.now() - 1);
    queue(a.id, "Tenant mail");
    queue(null, "Reset your password");
    const lines: string[] = [];
    logUnsentPersonalMail({ log: (l) => lines.push(l), since });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Reset your password");
    expect(lines[0]).toContain("http://localhost:3000/invite/secret-token");
  });
});
