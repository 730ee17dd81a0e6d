import type { AssignmentStatus } from "~db/schema/questionnaires.constants";

/** Labels and badge tones for assignment statuses; used by pages, so not in a .server module. */
export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted",
  accepted: "Accepted",
  returned: "Returned",
  revoked: "Revoked",
};

export const STATUS_TONES: Record<AssignmentStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  sent: "slate",
  in_progress: "blue",
  submitted: "amber",
  accepted: "green",
  returned: "amber",
  revoked: "red",
};
