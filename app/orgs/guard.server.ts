import { redirect } from "@remix-run/node";
import type { Ctx } from "~/infra/context";
import { can, type Permission } from "./permissions";
import { getSessionMember, type SessionMember } from "./session.server";

export type Member = SessionMember & { ctx: Ctx };

export const TWO_FACTOR_SETUP_PATH = "/settings/security";

/**
 * Every loader and action calls this itself (a parent route's loader protects nothing).
 * Anonymous → redirect to /login; signed in without the permission → 403. When the organisation
 * requires two-factor sign-in and this member has none yet, every page but the set-up page
 * (`allowWithoutTwoFactor`) sends them there first (not after single sign-on: the provider decides).
 */
export function requireMember(
  request: Request,
  permission?: Permission,
  opts: { allowWithoutTwoFactor?: boolean } = {},
): Member {
  const member = getSessionMember(request);
  if (!member) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  // The identity provider decides the factors of a single sign-on session.
  const needsTwoFactor =
    member.twoFactor.required && !member.twoFactor.enabled && member.authMethod !== "sso";
  if (needsTwoFactor && !opts.allowWithoutTwoFactor) {
    throw redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
  }
  if (permission) requirePermission(member, permission, "You do not have permission to view this page.");
  return {
    ...member,
    ctx: {
      organizationId: member.organization.id,
      actor: { type: "user", id: member.user.id, label: member.user.name, role: member.role },
    },
  };
}

export function optionalMember(request: Request): SessionMember | null {
  return getSessionMember(request);
}

/** A second, narrower check inside an action whose intents need different permissions: 403 otherwise. */
export function requirePermission(
  member: Pick<Member, "role">,
  permission: Permission,
  message = "You do not have permission to do that.",
): void {
  if (!can(member.role, permission)) throw new Response(message, { status: 403 });
}
