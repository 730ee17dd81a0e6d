import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { nowOf, type Ctx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { invitations, memberships, organizations, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { renderMemberInvitation } from "./invitation-email.server";
import { roleSchema } from "./members.server";
import {
  emailSchema,
  hashPassword,
  newPasswordSchema,
  personNameSchema,
  verifyPassword,
} from "./passwords.server";
import { ROLE_LABELS } from "./permissions";
import { clearAccountThrottles, loginThrottles, takeAttempt } from "./rate-limit.server";
import { createSession } from "./session.server";
import type { SignedIn } from "./sign-in.server";

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const revokeInvitationSchema = z.object({
  invitationId: z.string({ error: "Missing id" }).min(1, "Missing id").max(100),
});

const DAY_MS = 86_400_000;

function formatDate(d: Date): string {
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function alreadyMember(tx: DbOrTx, organizationId: string, email: string): boolean {
  return !!tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(users.email, email)))
    .get();
}

/**
 * Invite a teammate: a 256-bit token (only its SHA-256 stored) in a link built from the configured
 * public origin, an expiring invitation row, the email in the outbox and the audit row, all in one
 * transaction. A pending invitation for the same email is replaced (its link stops working).
 */
export async function inviteMember(
  ctx: Ctx,
  raw: z.input<typeof inviteSchema>,
): Promise<{ invitationId: string; email: string }> {
  const input = parseInput(inviteSchema, raw);
  const now = nowOf(ctx);
  const org = db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get();
  if (!org) throw new NotFoundError("Organisation not found");
  if (alreadyMember(db(), ctx.organizationId, input.email)) throw memberExists();

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + env().INVITATION_TTL_DAYS * DAY_MS);
  // Rendering is async, so it happens before the transaction; the link never uses the Host header.
  const email = await renderMemberInvitation({
    organizationName: org.name,
    inviterName: ctx.actor.label,
    roleLabel: ROLE_LABELS[input.role],
    acceptUrl: `${env().publicOrigin}/invite/${token}`,
    expiresOn: formatDate(expiresAt),
  });

  return writeTx((tx) => {
    if (alreadyMember(tx, ctx.organizationId, input.email)) throw memberExists();
    const replaced = tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organizationId, ctx.organizationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id })
      .all();
    const invitation = tx
      .insert(invitations)
      .values({
        organizationId: ctx.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        expiresAt,
        createdAt: now,
      })
      .returning({ id: invitations.id })
      .get();
    enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: "member-invitation",
        to: input.email,
        subject: email.subject,
        html: email.html,
        text: email.text,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      details: { email: input.email, role: input.role, replaced: replaced.map((r) => r.id) },
    });
    return { invitationId: invitation.id, email: input.email };
  });
}

function memberExists() {
  return new ValidationError({ email: "This person is already a member of your organisation." });
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  expired: boolean;
  createdAt: string;
  invitedBy: string | null;
};

/** Invitations not yet accepted or revoked (expired ones included, flagged, so an admin can re-send). */
export function listPendingInvitations(ctx: Ctx): PendingInvitation[] {
  const now = nowOf(ctx);
  return db()
    .select({ invitation: invitations, invitedBy: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.organizationId, ctx.organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .all()
    .map(({ invitation: i, invitedBy }) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
      expired: i.expiresAt.getTime() <= now.getTime(),
      createdAt: i.createdAt.toISOString(),
      invitedBy,
    }));
}

export function revokeInvitation(ctx: Ctx, raw: z.input<typeof revokeInvitationSchema>): void {
  const input = parseInput(revokeInvitationSchema, raw);
  const now = nowOf(ctx);
  writeTx((tx) => {
    const invitation = tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.id, input.invitationId),
          eq(invitations.organizationId, ctx.organizationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .get();
    if (!invitation) throw new NotFoundError("Invitation not found");
    tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitation.id)).run();
    recordAudit(tx, ctx, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      details: { email: invitation.email, role: invitation.role },
    });
  });
}

// ---- The invitee's side (no session: the token is the credential) ----

/** Why a link cannot be used; the route turns it into a clear 404 or 410 page, never a 500. */
export class InvitationUnavailableError extends Error {
  constructor(
    public status: 404 | 410,
    message: string,
  ) {
    super(message);
    this.name = "InvitationUnavailableError";
  }
}

const UNKNOWN =
  "This invitation link is not valid. Check that you copied the whole link, or ask your admin for a new invitation.";

function lookUp(tx: DbOrTx, token: string, now: Date) {
  // Tokens are 43 base64url characters; anything else cannot match and is not worth a query.
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw new InvitationUnavailableError(404, UNKNOWN);
  const row = tx
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, sha256Hex(token)))
    .get();
  if (!row) throw new InvitationUnavailableError(404, UNKNOWN);
  const { invitation } = row;
  if (invitation.acceptedAt)
    throw new InvitationUnavailableError(
      410,
      "This invitation has already been accepted. Log in with the email address it was sent to.",
    );
  if (invitation.revokedAt)
    throw new InvitationUnavailableError(
      410,
      "This invitation was withdrawn by an admin of the organisation. Ask them for a new one if you still need access.",
    );
  if (invitation.expiresAt.getTime() <= now.getTime())
    throw new InvitationUnavailableError(
      410,
      `This invitation expired on ${formatDate(invitation.expiresAt)}. Ask an admin of ${row.organizationName} to invite you again.`,
    );
  return row;
}

export type InvitationView = {
  organizationName: string;
  email: string;
  role: Role;
  roleLabel: string;
  expiresAt: string;
  /** The email already has a Clearsource account: accepting asks only for its password. */
  hasAccount: boolean;
};

/** Read-only: viewing the link (which mail scanners do) changes nothing. */
export function viewInvitation(token: string, now = new Date()): InvitationView {
  const { invitation, organizationName } = lookUp(db(), token, now);
  const hasAccount = !!db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email))
    .get();
  return {
    organizationName,
    email: invitation.email,
    role: invitation.role,
    roleLabel: ROLE_LABELS[invitation.role],
    expiresAt: invitation.expiresAt.toISOString(),
    hasAccount,
  };
}

export const acceptNewUserSchema = z.object({ name: personNameSchema, password: newPasswordSchema });
export const acceptExistingUserSchema = z.object({
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

/** `cookie` is null when the account signs in with a second factor: the person logs in with it next. */
export type AcceptedInvitation = Omit<SignedIn, "cookie" | "sessionId"> & {
  cookie: string | null;
  sessionId: string | null;
};

/**
 * Accept an invitation (POST only): creates the user when the email has no account yet (otherwise
 * checks that account's password, counted against the log-in rate limit), the membership and a new
 * session, and marks the invitation used, in one transaction.
 */
export async function acceptInvitation(
  raw: { token: string; name?: string; password?: string; ip?: string | null },
  now = new Date(),
): Promise<AcceptedInvitation> {
  const { invitation } = lookUp(db(), raw.token, now);
  const existing = db().select().from(users).where(eq(users.email, invitation.email)).get();

  let newUser: { name: string; passwordHash: string } | null = null;
  const throttles = loginThrottles(invitation.email, raw.ip);
  if (existing) {
    const input = parseInput(acceptExistingUserSchema, { password: raw.password });
    // Counted before the slow check, like log-in: the invitation page is no side door for guessing.
    writeTx((tx) => takeAttempt(tx, throttles, now));
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw new ValidationError({
        password: `That is not the password of the Clearsource account for ${invitation.email}.`,
      });
    }
  } else {
    const input = parseInput(acceptNewUserSchema, { name: raw.name, password: raw.password });
    newUser = { name: input.name, passwordHash: await hashPassword(input.password) };
  }

  return writeTx((tx) => {
    // Again under the write lock: a double-click or a revoke in between must not produce two members.
    lookUp(tx, raw.token, now);
    let user = tx.select().from(users).where(eq(users.email, invitation.email)).get();
    if (!user) {
      if (!newUser) throw new ConflictError("Your account changed meanwhile. Reload the page and try again.");
      user = tx
        .insert(users)
        .values({ email: invitation.email, name: newUser.name, passwordHash: newUser.passwordHash })
        .returning()
        .get();
    } else if (newUser) {
      throw new ConflictError(
        "An account for this email was created meanwhile. Reload the page and enter its password.",
      );
    }
    if (alreadyMember(tx, invitation.organizationId, invitation.email)) {
      throw new ConflictError("You are already a member of this organisation. Log in instead.");
    }
    const membership = tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role })
      .returning({ id: memberships.id })
      .get();
    tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id)).run();
    if (existing) clearAccountThrottles(tx, throttles);
    // A password alone never opens a session for an account with two-factor sign-in.
    const session = user.totpEnabledAt
      ? null
      : createSession(tx, { userId: user.id, organizationId: invitation.organizationId }, now);
    const ctx: Ctx = {
      organizationId: invitation.organizationId,
      actor: { type: "user", id: user.id, label: user.name, role: invitation.role },
      now: () => now,
    };
    recordAudit(tx, ctx, {
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: invitation.id,
      details: { email: invitation.email, role: invitation.role, newAccount: !existing },
    });
    recordAudit(tx, ctx, {
      action: "member.added",
      entityType: "membership",
      entityId: membership.id,
      details: { email: invitation.email, role: invitation.role, via: "invitation" },
    });
    return {
      cookie: session?.cookie ?? null,
      sessionId: session?.sessionId ?? null,
      userId: user.id,
      organizationId: invitation.organizationId,
    };
  });
}
