/* eslint-disable @typescript-eslint/no-explicit-any -- loader args are built by hand in tests. */
import { afterEach, describe, expect, it } from "vitest";
import { writeTx } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import * as detailRoute from "~/routes/dev.mailbox.$emailId";
import * as listRoute from "~/routes/dev.mailbox._index";
import { enqueueEmail } from "./outbox.server";

const args = (params: Record<string, string> = {}) =>
  ({ request: new Request("http://localhost/dev/mailbox"), params, context: {} }) as any;

async function status(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn();
    return 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

afterEach(() => {
  delete process.env.DEV_MAILBOX;
  resetEnv();
});

describe("dev mailbox", () => {
  it("lists queued emails and shows one with its HTML and text", async () => {
    const id = writeTx((tx) =>
      enqueueEmail(tx, {
        organizationId: null,
        template: "test",
        to: "box@example.test",
        subject: "In the mailbox",
        html: "<p>Hi <script>alert(1)</script></p>",
        text: "Hi",
      }),
    );
    const list = await listRoute.loader(args());
    expect(list.emails.find((e) => e.id === id)).toMatchObject({
      subject: "In the mailbox",
      status: "pending",
    });
    const email = await detailRoute.loader(args({ emailId: id }));
    expect(email).toMatchObject({ html: "<p>Hi <script>alert(1)</script></p>", text: "Hi" });
    expect(await status(() => detailRoute.loader(args({ emailId: "nope" })))).toBe(404);
  });

  it("answers 404 when the dev mailbox is off (production default)", async () => {
    process.env.DEV_MAILBOX = "false";
    resetEnv();
    expect(await status(() => listRoute.loader(args()))).toBe(404);
    expect(await status(() => detailRoute.loader(args({ emailId: "x" })))).toBe(404);
  });
});
