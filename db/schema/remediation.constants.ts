/** Enum values of the corrective-action tables: no drizzle import, so browser code can use them. */
/** What raised an action: a red-flag answer, an audit finding, or a substantiated worker grievance. */
export const TASK_SOURCES = ["answer", "finding", "grievance"] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/**
 * Coarse status kept beside the workflow state for the readers that only ask "is it done?" (statement
 * facts, dashboard counts): "completed" exactly when the action is closed after verification.
 */
export const TASK_STATUSES = ["open", "completed"] as const;

/**
 * The corrective-action workflow (SMETA CAPR / RBA VAP shape): the supplier owes a plan (root cause,
 * corrective and preventive action), the buyer accepts or returns it, work and evidence follow, someone
 * other than the evidence's submitter verifies it, and only then is the action (and its finding) closed.
 */
export const ACTION_STATES = [
  "open",
  "plan_submitted",
  "plan_returned",
  "plan_accepted",
  "in_progress",
  "evidence_submitted",
  "verified",
  "closed",
  "escalated",
  "reopened",
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ACTION_EVENTS = [
  "submit_plan",
  "accept_plan",
  "return_plan",
  "start_work",
  "submit_evidence",
  "reject_evidence",
  "verify",
  "close",
  /** A follow-up audit saw the issue fixed: verified by that audit and closed in one step. */
  "close_at_follow_up",
  "escalate",
  "reopen",
] as const;
export type ActionEvent = (typeof ACTION_EVENTS)[number];

export const VERIFICATION_METHODS = ["desk_review", "follow_up_audit"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The supplier's answer to the finding behind an action (SMETA: the site agrees or disputes each finding). */
export const SUPPLIER_RESPONSES = ["agreed", "disputed"] as const;
export type SupplierResponse = (typeof SUPPLIER_RESPONSES)[number];

export const ACTOR_TYPES = ["user", "supplier", "system"] as const;

/**
 * Escalation steps: suspending new orders first; a responsible exit plan only as the last resort
 * (regulators warn against exiting suppliers instead of fixing problems with them).
 */
export const ESCALATION_KINDS = ["suspension", "responsible_exit"] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** What a remedy gave back to workers (domain.md §5: fees repaid, documents returned, …). */
export const REMEDY_KINDS = [
  "recruitment_fees_repaid",
  "wages_back_paid",
  "documents_returned",
  "contracts_corrected",
  "other",
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
