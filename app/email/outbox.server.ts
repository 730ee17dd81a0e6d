import type { DbOrTx } from "~/infra/db.server";
import { emailOutbox } from "~db/schema";

export type OutgoingEmail = {
  organizationId: string | null;
  template: string;
  to: string;
  toName?: string | null;
  subject: string;
  html: string;
  text: string;
};

/** Refuse CR/LF in anything that becomes a mail header (header injection). */
export function assertHeaderSafe(value: string, field: string): void {
  if (/[\r\n]/.test(value)) throw new Error(`Email ${field} must not contain line breaks`);
}

/**
 * Queue an email in the same transaction as the change that causes it. Render the template before
 * the transaction (rendering is async); the sender delivers after commit.
 */
export function enqueueEmail(tx: DbOrTx, email: OutgoingEmail, now = new Date()): string {
  assertHeaderSafe(email.to, "recipient");
  assertHeaderSafe(email.subject, "subject");
  if (email.toName) assertHeaderSafe(email.toName, "recipient name");
  const row = tx
    .insert(emailOutbox)
    .values({
      organizationId: email.organizationId,
      template: email.template,
      toAddress: email.to,
      toName: email.toName ?? null,
      subject: email.subject,
      html: email.html,
      text: email.text,
      status: "pending",
      nextAttemptAt: now,
    })
    .returning({ id: emailOutbox.id })
    .get();
  return row.id;
}
