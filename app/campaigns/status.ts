import { isOverdue } from "~/questionnaires/schedule";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";

/** What the buyer sees per supplier in a campaign; derived, never stored, so it can never go stale. */
export const SUPPLIER_CAMPAIGN_STATUSES = [
  "sent",
  "opened",
  "in_progress",
  "submitted",
  "returned",
  "accepted",
  "overdue",
  "expired",
  "revoked",
] as const;
export type SupplierCampaignStatus = (typeof SUPPLIER_CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<SupplierCampaignStatus, string> = {
  sent: "Sent",
  opened: "Opened",
  in_progress: "In progress",
  submitted: "Submitted",
  returned: "Returned",
  accepted: "Accepted",
  overdue: "Overdue",
  expired: "Link expired",
  revoked: "Revoked",
};

export const CAMPAIGN_STATUS_TONES: Record<
  SupplierCampaignStatus,
  "slate" | "green" | "amber" | "red" | "blue"
> = {
  sent: "slate",
  opened: "blue",
  in_progress: "blue",
  submitted: "amber",
  returned: "amber",
  accepted: "green",
  overdue: "red",
  expired: "red",
  revoked: "slate",
};

export type StatusInput = {
  status: AssignmentStatus;
  firstOpenedAt: Date | string | null;
  dueDate: string | null;
  tokenExpiresAt: Date | string;
};

/**
 * One status per supplier, the most important fact first: a final state (revoked, accepted, submitted)
 * wins; then a link that no longer works (expired) — the supplier cannot act at all; then overdue; then
 * progress (returned, in progress, opened, sent).
 */
export function deriveSupplierStatus(a: StatusInput, now: Date): SupplierCampaignStatus {
  if (a.status === "revoked" || a.status === "accepted" || a.status === "submitted") return a.status;
  if (new Date(a.tokenExpiresAt).getTime() <= now.getTime()) return "expired";
  if (isOverdue(a.dueDate, now)) return "overdue";
  if (a.status === "returned") return "returned";
  if (a.status === "in_progress") return "in_progress";
  return a.firstOpenedAt ? "opened" : "sent";
}

export type StatusCounts = Record<SupplierCampaignStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(SUPPLIER_CAMPAIGN_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Response rate: submitted or accepted, over everything sent and not revoked. */
export function responseRate(counts: StatusCounts): { responded: number; sent: number; percent: number } {
  const sent = SUPPLIER_CAMPAIGN_STATUSES.filter((s) => s !== "revoked").reduce((n, s) => n + counts[s], 0);
  const responded = counts.submitted + counts.accepted;
  return { responded, sent, percent: sent === 0 ? 0 : Math.round((responded / sent) * 100) };
}
