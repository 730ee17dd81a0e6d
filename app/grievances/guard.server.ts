import { requireMember, type Member } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";

/**
 * The case pages' guard: anonymous visitors log in as everywhere; a member without the grievance
 * permission gets 404, as if the pages did not exist, so a case id in a forwarded link tells them
 * nothing (D28).
 */
export function requireGrievanceMember(request: Request): Member {
  const member = requireMember(request);
  if (!can(member.role, "grievances:handle")) throw new Response("Not found", { status: 404 });
  return member;
}
