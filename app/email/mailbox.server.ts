import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { emailOutbox } from "~db/schema";

/**
 * The development mailbox shows one organisation's outbox to a signed-in admin of that organisation
 * (the route guards with requireMember(request, "outbox:read")). It is on when DEV_MAILBOX says so, by
 * default whenever SMTP_URL is unset, so a demo without a mail server still works; otherwise it answers
 * 404, as if the page did not exist. Mail that belongs to no organisation (sign-up confirmation,
 * password reset) is never shown here: reading it would let one tenant's admin take over another
 * person's account. Without SMTP the sender prints those links to the server log instead.
 */
export function requireDevMailbox(): void {
  if (!env().devMailbox) throw new Response("Not found", { status: 404 });
}

export function listMailbox(ctx: Ctx, limit = 200) {
  return db()
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      toAddress: emailOutbox.toAddress,
      toName: emailOutbox.toName,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.organizationId, ctx.organizationId))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export function getMailboxEmail(ctx: Ctx, id: string) {
  const row = db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new Response("Not found", { status: 404 });
  return {
    id: row.id,
    template: row.template,
    toAddress: row.toAddress,
    toName: row.toName,
    subject: row.subject,
    html: row.html,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
