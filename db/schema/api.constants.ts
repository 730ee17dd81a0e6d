/**
 * Scopes an API key can carry (resource:action). Each is a permission of the role map (app/orgs/
 * permissions.ts) except `grievances:counts`, which reads case numbers only and never a case.
 * No drizzle import: the settings page (browser code) lists them.
 */
export const API_SCOPES = [
  "suppliers:read",
  "suppliers:write",
  "risk:read",
  "questionnaires:read",
  "audits:read",
  "remediation:read",
  "statements:read",
  "grievances:counts",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "suppliers:read": "Read suppliers, contacts, sites and links",
  "suppliers:write": "Create and update suppliers",
  "risk:read": "Read risk scores with their factor lines",
  "questionnaires:read": "Read questionnaire assignments and their status",
  "audits:read": "Read audits and findings",
  "remediation:read": "Read corrective actions",
  "statements:read": "Read statements and download their PDFs",
  "grievances:counts": "Read grievance case counts (never a case or a reporter)",
};

/** Requests per minute a new key may make unless the admin chooses otherwise. */
export const DEFAULT_API_RATE_PER_MINUTE = 600;
export const MAX_API_RATE_PER_MINUTE = 6000;
