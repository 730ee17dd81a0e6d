import { and, eq } from "drizzle-orm";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { memberships, organizations, sessions, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import type { SessionAuthMethod } from "~db/schema/sso.constants";

export const SESSION_COOKIE = "cs_session";

export type SessionMember = {
  sessionId: string;
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string };
  role: Role;
  /** Whether the user signs in with a second factor, and whether the organisation requires it. */
  twoFactor: { enabled: boolean; required: boolean };
  /** Single sign-on sessions leave the second factor to the identity provider. */
  authMethod: SessionAuthMethod;
};

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  const secure = env().NODE_ENV === "production" && env().publicOrigin.startsWith("https:") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Create a DB session (a fresh id on every log-in). Returns the Set-Cookie header value. */
export function createSession(
  tx: DbOrTx,
  input: { userId: string; organizationId: string; authMethod?: SessionAuthMethod },
  now = new Date(),
): { cookie: string; sessionId: string } {
  const token = randomToken();
  const id = sha256Hex(token);
  const absolute = new Date(now.getTime() + env().SESSION_ABSOLUTE_DAYS * 86_400_000);
  tx.insert(sessions)
    .values({
      id,
      userId: input.userId,
      organizationId: input.organizationId,
      authMethod: input.authMethod ?? "password",
      lastSeenAt: now,
      expiresAt: absolute,
    })
    .run();
  return { cookie: sessionCookie(token, env().SESSION_ABSOLUTE_DAYS * 86_400), sessionId: id };
}

export function destroySession(request: Request): string {
  const token = readCookie(request, SESSION_COOKIE);
  if (token)
    db()
      .delete(sessions)
      .where(eq(sessions.id, sha256Hex(token)))
      .run();
  return clearSessionCookie();
}

/**
 * Look up the member behind the request's cookie. Expired (idle or absolute) sessions are deleted.
 * The organisation comes from the session row, never from the request.
 */
export function getSessionMember(request: Request, now = new Date()): SessionMember | null {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const id = sha256Hex(token);
  const row = db()
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name },
      organization: { id: organizations.id, name: organizations.name },
      role: memberships.role,
      totpEnabledAt: users.totpEnabledAt,
      requireTwoFactor: organizations.requireTwoFactor,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.organizationId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organizationId, sessions.organizationId)),
    )
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  const idleLimit = row.session.lastSeenAt.getTime() + env().SESSION_IDLE_HOURS * 3_600_000;
  if (row.session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    db().delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    db().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  return {
    sessionId: id,
    user: row.user,
    organization: row.organization,
    role: row.role,
    twoFactor: { enabled: !!row.totpEnabledAt, required: row.requireTwoFactor },
    authMethod: row.session.authMethod,
  };
}

export { readCookie };
