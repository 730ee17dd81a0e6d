import { eq } from "drizzle-orm";
import { db } from "~/infra/db.server";
import { assignments } from "~db/schema";
import { redeemInvitation, requirePortalAccess, verifyPortalCode } from "./portal-access.server";

/**
 * Test helpers for the supplier portal: redeem a link and confirm the session with the code emailed to the
 * assignment's recipient, read from the outbox as the supplier would read it from their mailbox.
 */
export function latestCodeFor(assignmentId: string): string {
  const a = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  if (!a) throw new Error("no such assignment");
  // rowid order: several codes may be created within one millisecond.
  const latest = db()
    .$client.prepare(
      "select text from email_outbox where to_address = ? and template = 'portal-verification-code' order by rowid desc limit 1",
    )
    .get(a.recipientEmail) as { text: string } | undefined;
  const code = latest?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code email in the outbox");
  return code;
}

export function portalRequest(cookie: string | null, path: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, "http://localhost:3000"), { headers });
}

/** Redeem `token` in a fresh browser and confirm it with the emailed code: a verified portal cookie. */
export async function openPortal(token: string, opts: { lang?: string } = {}) {
  const redeemed = await redeemInvitation(portalRequest(null, `/s/${token}`), token, opts);
  if (!redeemed.ok || !redeemed.setCookie) throw new Error(`redeem failed: ${JSON.stringify(redeemed)}`);
  const cookie = redeemed.setCookie.split(";")[0];
  const access = requirePortalAccess(portalRequest(cookie, "/"), redeemed.assignmentId, {
    allowUnverified: true,
  });
  const result = verifyPortalCode(access, latestCodeFor(redeemed.assignmentId));
  if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result)}`);
  return { cookie, assignmentId: redeemed.assignmentId };
}
