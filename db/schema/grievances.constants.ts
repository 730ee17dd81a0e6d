/** Enum values of the grievance tables: no drizzle import, so browser code can use them. */

/**
 * The case workflow (UNGP 31 "predictable"): a report is received, its receipt acknowledged, investigated,
 * found substantiated or not, remedied when it was, and closed; a closed case can be reopened.
 */
export const GRIEVANCE_STATES = [
  "received",
  "acknowledged",
  "under_investigation",
  "substantiated",
  "not_substantiated",
  "remedy_in_progress",
  "closed",
] as const;
export type GrievanceState = (typeof GRIEVANCE_STATES)[number];

/**
 * Warning signs a worker can tick, one per ILO forced-labour indicator (ILO 2012, the eleven indicators).
 * The keys are the indicator names the rest of the product uses for red-flag answers and findings.
 */
export const GRIEVANCE_INDICATORS = [
  "abuse_of_vulnerability",
  "deception",
  "restriction_of_movement",
  "isolation",
  "physical_sexual_violence",
  "intimidation_threats",
  "retention_of_identity_documents",
  "withholding_of_wages",
  "debt_bondage",
  "abusive_working_living_conditions",
  "excessive_overtime",
] as const;
export type GrievanceIndicator = (typeof GRIEVANCE_INDICATORS)[number];

/** "Since when": coarse on purpose, so the answer cannot date the reporter's arrival. */
export const GRIEVANCE_SINCE = ["days", "weeks", "months", "over_a_year", "unknown"] as const;
export type GrievanceSince = (typeof GRIEVANCE_SINCE)[number];

/** "How many people are affected". */
export const GRIEVANCE_HOW_MANY = ["me", "few", "many", "unknown"] as const;
export type GrievanceHowMany = (typeof GRIEVANCE_HOW_MANY)[number];

/** "Is it still happening". */
export const GRIEVANCE_ONGOING = ["yes", "no", "unknown"] as const;
export type GrievanceOngoing = (typeof GRIEVANCE_ONGOING)[number];

/** How a report arrived: the web form, or a text message through the organisation's SMS/WhatsApp number. */
export const GRIEVANCE_CHANNELS = ["web", "sms", "whatsapp"] as const;
export type GrievanceChannel = (typeof GRIEVANCE_CHANNELS)[number];

/** Who wrote a message on a case: the (anonymous) reporter, a handler, or the automatic acknowledgement. */
export const GRIEVANCE_AUTHORS = ["reporter", "handler", "system"] as const;
export type GrievanceAuthor = (typeof GRIEVANCE_AUTHORS)[number];

/** Text-message providers the inbound adapter understands (the webhook's shape and signature). */
export const SMS_PROVIDERS = ["twilio"] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];
