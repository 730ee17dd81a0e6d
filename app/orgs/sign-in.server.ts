import { asc, eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { DbOrTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { memberships } from "~db/schema";
import { createSession } from "./session.server";

export type SignedIn = { cookie: string; userId: string; organizationId: string; sessionId: string };

/** The session and audit row of a completed log-in (password, and the second factor if any). */
export function startSession(
  tx: DbOrTx,
  user: { id: string; name: string },
  now: Date,
  details: Record<string, unknown>,
): SignedIn {
  const membership = tx
    .select()
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1)
    .get();
  if (!membership) {
    throw new ValidationError(
      {},
      "This account is no longer a member of any organisation. Ask an admin to invite you again.",
    );
  }
  const session = createSession(tx, { userId: user.id, organizationId: membership.organizationId }, now);
  recordAudit(
    tx,
    {
      organizationId: membership.organizationId,
      actor: { type: "user", id: user.id, label: user.name, role: membership.role },
      now: () => now,
    },
    {
      action: "user.logged_in",
      entityType: "user",
      entityId: user.id,
      details: Object.keys(details).length ? details : undefined,
    },
  );
  return {
    cookie: session.cookie,
    sessionId: session.sessionId,
    userId: user.id,
    organizationId: membership.organizationId,
  };
}
