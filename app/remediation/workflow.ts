import { ACTION_STATES, type ActionEvent, type ActionState } from "~db/schema/remediation.constants";

/**
 * The corrective-action state machine, pure: which event may move an action from which state, who may
 * trigger it, and in words why not. Verbs in actions.server.ts call `decide()` inside their transaction
 * and refuse with its reason; the table-driven test covers every (state, event) pair.
 */

export const STATE_LABELS: Record<ActionState, string> = {
  open: "Open — plan due",
  plan_submitted: "Plan submitted",
  plan_returned: "Plan returned",
  plan_accepted: "Plan accepted",
  in_progress: "In progress",
  evidence_submitted: "Evidence submitted",
  verified: "Verified",
  closed: "Closed",
  escalated: "Escalated",
  reopened: "Reopened",
};

export const EVENT_LABELS: Record<ActionEvent, string> = {
  submit_plan: "Plan submitted",
  accept_plan: "Plan accepted",
  return_plan: "Plan returned",
  start_work: "Work started",
  submit_evidence: "Evidence submitted",
  reject_evidence: "Evidence not sufficient",
  verify: "Verified",
  close: "Closed",
  close_at_follow_up: "Verified and closed at a follow-up audit",
  escalate: "Escalated",
  reopen: "Reopened",
};

/** Who may trigger an event: the buyer's members, the supplier through its link, or both. */
type Party = "buyer" | "supplier";

type Rule = { from: readonly ActionState[]; to: ActionState; by: readonly Party[]; needs: string };

/** Escalation is possible while the action is unresolved, again once escalated (suspension, then exit). */
const UNRESOLVED: readonly ActionState[] = ACTION_STATES.filter((s) => s !== "closed" && s !== "verified");

export const RULES: Record<ActionEvent, Rule> = {
  submit_plan: {
    from: ["open", "plan_returned", "reopened"],
    to: "plan_submitted",
    by: ["buyer", "supplier"],
    needs: "while a plan is owed (open, returned or reopened)",
  },
  accept_plan: {
    from: ["plan_submitted"],
    to: "plan_accepted",
    by: ["buyer"],
    needs: "once a plan has been submitted",
  },
  return_plan: {
    from: ["plan_submitted"],
    to: "plan_returned",
    by: ["buyer"],
    needs: "once a plan has been submitted",
  },
  start_work: {
    from: ["plan_accepted"],
    to: "in_progress",
    by: ["buyer", "supplier"],
    needs: "once the plan has been accepted",
  },
  submit_evidence: {
    from: ["plan_accepted", "in_progress"],
    to: "evidence_submitted",
    by: ["buyer", "supplier"],
    needs: "once the plan has been accepted",
  },
  reject_evidence: {
    from: ["evidence_submitted"],
    to: "in_progress",
    by: ["buyer"],
    needs: "once evidence has been submitted",
  },
  verify: {
    from: ["evidence_submitted"],
    to: "verified",
    by: ["buyer"],
    needs: "once evidence has been submitted",
  },
  close: {
    from: ["verified"],
    to: "closed",
    by: ["buyer"],
    needs: "once it has been verified (desk review or follow-up audit)",
  },
  close_at_follow_up: {
    // The audit is the verification: whatever the portal shows, the auditor saw the issue fixed on site.
    from: [...UNRESOLVED, "verified"],
    to: "closed",
    by: ["buyer"],
    needs: "while it is not closed (a closed action is reopened, not closed again)",
  },
  escalate: {
    from: UNRESOLVED,
    to: "escalated",
    by: ["buyer"],
    needs: "while it is unresolved",
  },
  reopen: {
    from: ["verified", "closed", "escalated"],
    to: "reopened",
    by: ["buyer"],
    needs: "once it has been verified, closed or escalated",
  },
};

const VERB: Record<ActionEvent, string> = {
  submit_plan: "A plan can be submitted",
  accept_plan: "A plan can be accepted",
  return_plan: "A plan can be returned",
  start_work: "Work can be started",
  submit_evidence: "Evidence can be submitted",
  reject_evidence: "Evidence can be sent back",
  verify: "An action can be verified",
  close: "An action can be closed",
  close_at_follow_up: "An action can be closed at a follow-up audit",
  escalate: "An action can be escalated",
  reopen: "An action can be reopened",
};

export type Decider = {
  party: Party;
  /** "user:<id>" or "supplier:<link id>": compared with who submitted the evidence. */
  key: string;
};

export type Facts = {
  /** Evidence files attached to the action. */
  evidenceCount: number;
  /** Who submitted the evidence now under review ("user:<id>" / "supplier:<id>"). */
  evidenceSubmittedBy: string | null;
};

export type Decision =
  { ok: true; from: ActionState; to: ActionState } | { ok: false; reason: string; field?: string };

export function decide(state: ActionState, event: ActionEvent, by: Decider, facts: Facts): Decision {
  const rule = RULES[event];
  if (!rule.by.includes(by.party))
    return {
      ok: false,
      reason:
        by.party === "supplier"
          ? `Only the buyer can do this (${EVENT_LABELS[event].toLowerCase()}).`
          : "This step is the supplier's.",
    };
  if (!rule.from.includes(state))
    return {
      ok: false,
      reason: `${VERB[event]} only ${rule.needs}; this action is “${STATE_LABELS[state]}”.`,
    };
  if (event === "submit_evidence" && facts.evidenceCount === 0)
    return {
      ok: false,
      reason: "Attach at least one evidence file before submitting the evidence for verification.",
      field: "file",
    };
  if (
    (event === "verify" || event === "close_at_follow_up") &&
    facts.evidenceSubmittedBy !== null &&
    facts.evidenceSubmittedBy === by.key
  )
    return {
      ok: false,
      reason:
        "You submitted this evidence, so someone else must verify it: verification needs a second person.",
      field: "verifier",
    };
  return { ok: true, from: state, to: rule.to };
}

/** The events a party could trigger from a state (for showing only the forms that can succeed). */
export function availableEvents(state: ActionState, party: Party): ActionEvent[] {
  return (Object.keys(RULES) as ActionEvent[]).filter(
    // Closure at a follow-up audit is decided on that audit's page, not among the action's own steps.
    (e) => e !== "close_at_follow_up" && RULES[e].from.includes(state) && RULES[e].by.includes(party),
  );
}

/**
 * Withdrawing evidence is not a step anyone chooses in the workflow, but it can undo one: an action
 * waiting for verification whose files have all been withdrawn has nothing left to verify, so it goes
 * back to work (the supplier owes evidence again). Any other state stays as it is. Null = no change.
 */
export function stateAfterWithdrawal(state: ActionState, remainingFiles: number): ActionState | null {
  return state === "evidence_submitted" && remainingFiles === 0 ? "in_progress" : null;
}
