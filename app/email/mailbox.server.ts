import { desc, eq } from "drizzle-orm";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { emailOutbox } from "~db/schema";

/**
 * The development mailbox reads the outbox across all tenants, so it exists only when DEV_MAILBOX is on
 * (default outside production). Everywhere else it answers 404, as if the page did not exist.
 */
export function requireDevMailbox(): void {
  if (!env().devMailbox) throw new Response("Not found", { status: 404 });
}

export function listMailbox(limit = 200) {
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
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export function getMailboxEmail(id: string) {
  const row = db().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
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
