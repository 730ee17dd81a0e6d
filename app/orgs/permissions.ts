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
  "members:manage",
  "audit-log:read",
  "templates:manage",
  /** The development mailbox (the tenant's own outbox, when mail is not sent by SMTP). */
  "outbox:read",
  /** One's own sign-in security (two-factor set-up, recovery codes): every role. */
  "account:security",
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
  "account:security",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>(PERMISSIONS),
  procurement: new Set<Permission>([
    ...READ_ALL,
    "suppliers:write",
    "questionnaires:send",
    "evidence:upload",
    "remediation:write",
  ]),
  auditor: new Set<Permission>([...READ_ALL, "audits:write", "evidence:upload", "remediation:write"]),
  executive: new Set<Permission>([
    ...READ_ALL,
    "statements:write",
    "statements:approve",
    "risk:override",
    "audit-log:read",
  ]),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  procurement: "Procurement",
  auditor: "Auditor",
  executive: "Executive",
};
