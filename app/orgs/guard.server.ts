import { redirect } from "@remix-run/node";
import type { Ctx } from "~/infra/context";
import { can, type Permission } from "./permissions";
import { getSessionMember, type SessionMember } from "./session.server";

export type Member = SessionMember & { ctx: Ctx };

/**
 * Every loader and action calls this itself (a parent route's loader protects nothing).
 * Anonymous → redirect to /login; signed in without the permission → 403.
 */
export function requireMember(request: Request, permission?: Permission): Member {
  const member = getSessionMember(request);
  if (!member) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (permission && !can(member.role, permission)) {
    throw new Response("You do not have permission to view this page.", { status: 403 });
  }
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

/** 404 for anything missing or belonging to another tenant: never reveal that it exists. */
export function notFound(what = "Not found"): never {
  throw new Response(what, { status: 404 });
}

export function invariantFound<T>(value: T | null | undefined, what = "Not found"): T {
  if (value === null || value === undefined) notFound(what);
  return value;
}
