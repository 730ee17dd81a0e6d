import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { DbOrTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { memberships, ssoConnections } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import type { SessionAuthMethod } from "~db/schema/sso.constants";
import { createSession } from "./session.server";

export type SignedIn = { cookie: string; userId: string; organizationId: string; sessionId: string };

export const SSO_REQUIRED =
  "Your organisation signs in with single sign-on. Use “Sign in with SSO” on the log-in page.";

/**
 * The membership a password log-in opens: the oldest one whose organisation does not require single
 * sign-on, or where this user is that organisation's break-glass admin. Undefined when there is none;
 * `ssoOnly` says the user has memberships, all behind required single sign-on.
 */
export function passwordMembership(
  tx: DbOrTx,
  userId: string,
): { membership?: { organizationId: string; role: Role }; ssoOnly: boolean } {
  const rows = tx
    .select({
      organizationId: memberships.organizationId,
      role: memberships.role,
      allowed: sql<number>`coalesce(${or(
        isNull(ssoConnections.organizationId),
        eq(ssoConnections.requireSso, false),
        eq(ssoConnections.enabled, false),
        eq(ssoConnections.breakGlassUserId, userId),
      )}, 0)`,
    })
    .from(memberships)
    .leftJoin(ssoConnections, eq(ssoConnections.organizationId, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .all();
  const membership = rows.find((r) => !!r.allowed);
  return {
    membership: membership && { organizationId: membership.organizationId, role: membership.role },
    ssoOnly: !membership && rows.length > 0,
  };
}

/**
 * The session and audit row of a completed log-in. A password log-in (and its second factor) opens the
 * membership `passwordMembership` picks; a single sign-on log-in names its organisation, the one whose
 * identity provider vouched for the user, and opens nothing else.
 */
export function startSession(
  tx: DbOrTx,
  user: { id: string; name: string },
  now: Date,
  details: Record<string, unknown>,
  via: { method: "password" } | { method: Extract<SessionAuthMethod, "sso">; organizationId: string } = {
    method: "password",
  },
): SignedIn {
  let membership: { organizationId: string; role: Role } | undefined;
  if (via.method === "sso") {
    membership = tx
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, via.organizationId)))
      .get();
  } else {
    const found = passwordMembership(tx, user.id);
    if (found.ssoOnly) throw new ValidationError({}, SSO_REQUIRED);
    membership = found.membership;
  }
  if (!membership) {
    throw new ValidationError(
      {},
      "This account is no longer a member of any organisation. Ask an admin to invite you again.",
    );
  }
  const session = createSession(
    tx,
    { userId: user.id, organizationId: membership.organizationId, authMethod: via.method },
    now,
  );
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
