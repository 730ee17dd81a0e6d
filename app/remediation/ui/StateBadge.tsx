import { Badge } from "~/ui/layout";
import type { ActionState } from "~db/schema/remediation.constants";
import type { OverdueKind } from "../deadlines";
import { STATE_LABELS } from "../workflow";

const TONES: Record<ActionState, "slate" | "green" | "amber" | "red" | "blue"> = {
  open: "amber",
  plan_submitted: "blue",
  plan_returned: "amber",
  plan_accepted: "blue",
  in_progress: "blue",
  evidence_submitted: "blue",
  verified: "green",
  closed: "green",
  escalated: "red",
  reopened: "amber",
};

export function StateBadge({ state }: { state: ActionState }) {
  return <Badge tone={TONES[state]}>{STATE_LABELS[state]}</Badge>;
}

export function OverdueBadge({ kind }: { kind: OverdueKind }) {
  if (!kind) return null;
  return <Badge tone="red">{kind === "plan" ? "Plan overdue" : "Overdue"}</Badge>;
}
