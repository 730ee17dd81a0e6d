import type { Role } from "~db/schema/orgs.constants";

/**
 * The role → permission map. Routes and domain verbs ask for a permission, never for a role, so
 * what each role may do is decided here and tested in permissions.test.ts.
 */
export const PERMISSIONS = [
  "suppliers:read",
  "suppliers:write",
  "questionnaires:send",
  "questionnaires:read",
  "audits:read",
  "audits:write",
  "evidence:read",
  "evidence:upload",
  "risk:read",
  "risk:override",
  "remediation:read",
  "remediation:write",
  /** Deadlines by grade and scheme grade vocabularies (organisation settings). */
  "remediation:settings",
  "statements:read",
  "statements:write",
  "statements:approve",
  /** Training courses, completions and completion rates. */
  "training:read",
  /** Add courses, record and import completions, set the staff headcount in scope. */
  "training:write",
  "members:manage",
  "audit-log:read",
  "templates:manage",
  /** Webhook endpoints: subscribe, pause, rotate secrets, read the delivery log, replay. */
  "webhooks:manage",
  /** The development mailbox (the tenant's own outbox, when mail is not sent by SMTP). */
  "outbox:read",
  /** One's own sign-in security (two-factor set-up, recovery codes): every role. */
  "account:security",
  /** Grievance cases from the worker channel: read, triage, reply, decide (grievance roles only). */
  "grievances:handle",
  /** Open a reporter's sealed contact details, with a logged reason (the custodian only). */
  "grievances:reveal",
  /** Connect the worker channel's text-message number (provider account, webhook secret): admins. */
  "grievances:channel",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  "suppliers:read",
  "questionnaires:read",
  "audits:read",
  "evidence:read",
  "risk:read",
  "remediation:read",
  "statements:read",
  "training:read",
  "account:security",
];

/**
 * Cases reach only the grievance roles: a worker's complaint about a supplier must not be read by the
 * buyer staff who manage that supplier, admins included (UNGP 31 "rights-compatible"; D28).
 */
const GRIEVANCE_ONLY: ReadonlySet<Permission> = new Set(["grievances:handle", "grievances:reveal"]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>(PERMISSIONS.filter((p) => !GRIEVANCE_ONLY.has(p))),
  procurement: new Set<Permission>([
    ...READ_ALL,
    "suppliers:write",
    "questionnaires:send",
    "evidence:upload",
    "remediation:write",
    "training:write",
  ]),
  auditor: new Set<Permission>([...READ_ALL, "audits:write", "evidence:upload", "remediation:write"]),
  executive: new Set<Permission>([
    ...READ_ALL,
    "statements:write",
    "statements:approve",
    "risk:override",
    "audit-log:read",
    "training:write",
  ]),
  // Triage links a case to a supplier and site, so handlers read suppliers; they change nothing of them.
  grievance_handler: new Set<Permission>(["suppliers:read", "account:security", "grievances:handle"]),
  grievance_custodian: new Set<Permission>([
    "suppliers:read",
    "account:security",
    "grievances:handle",
    "grievances:reveal",
  ]),
};

/** The roles that hold a permission (e.g. who gets a grievance clock reminder). */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].has(permission));
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  procurement: "Procurement",
  auditor: "Auditor",
  executive: "Executive",
  grievance_handler: "Grievance handler",
  grievance_custodian: "Grievance custodian",
};
