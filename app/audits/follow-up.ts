import { RESOLVED } from "~/remediation/deadlines";
import { RULES } from "~/remediation/workflow";
import type { ActionState } from "~db/schema/remediation.constants";

/** What a follow-up audit can decide about an earlier finding (the verb re-checks each one). */
export const FOLLOW_UP_CHOICES = ["regrade", "close", "reopen"] as const;
export type FollowUpChoice = (typeof FOLLOW_UP_CHOICES)[number];

export const CHOICE_LABELS: Record<FollowUpChoice, string> = {
  regrade: "Grade it again",
  close: "Fixed: verified and closed by this audit",
  reopen: "Not fixed: reopen it",
};

/** The choices the finding's corrective action allows in its state, so the page offers only those. */
export function followUpChoices(state: ActionState): FollowUpChoice[] {
  const out: FollowUpChoice[] = [];
  if (!RESOLVED.includes(state)) out.push("regrade");
  if (RULES.close_at_follow_up.from.includes(state)) out.push("close");
  if (RULES.reopen.from.includes(state)) out.push("reopen");
  return out;
}
