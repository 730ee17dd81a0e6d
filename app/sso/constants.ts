import type { Role } from "~db/schema/orgs.constants";

/**
 * Roles a person may get on their first single sign-on (just-in-time membership). Not admin: an
 * identity provider should not mint admins; and not the grievance roles, which see workers' reports
 * (D28) and are given by hand.
 */
export const SSO_PROVISIONED_ROLES = [
  "procurement",
  "auditor",
  "executive",
] as const satisfies readonly Role[];
export type SsoProvisionedRole = (typeof SSO_PROVISIONED_ROLES)[number];
