/** Sort options of the supplier list, shared by the page (labels) and the query (list.server.ts). */
export const SORT_KEYS = ["name", "risk", "spend", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export const SORT_LABELS: Record<SortKey, string> = {
  name: "Name",
  risk: "Risk score",
  spend: "Annual spend",
  updated: "Last updated",
};

/** What a click on a column heading sorts by first: names A→Z, the rest highest / newest first. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  name: "asc",
  risk: "desc",
  spend: "desc",
  updated: "desc",
};

export const STATUS_LABELS: Record<string, string> = {
  prospect: "Prospect",
  onboarding: "Onboarding",
  active: "Active",
  suspended: "Suspended",
  offboarded: "Offboarded",
};
