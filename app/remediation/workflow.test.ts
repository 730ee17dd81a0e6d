import { describe, expect, it } from "vitest";
import {
  ACTION_EVENTS,
  ACTION_STATES,
  type ActionEvent,
  type ActionState,
} from "~db/schema/remediation.constants";
import { availableEvents, decide, stateAfterWithdrawal, type Decider, type Facts } from "./workflow";

const buyer: Decider = { party: "buyer", key: "user:verifier" };
const supplier: Decider = { party: "supplier", key: "supplier:link-1" };
const withEvidence: Facts = { evidenceCount: 1, evidenceSubmittedBy: "supplier:link-1" };

/**
 * The whole machine as a table: for each event, the states it is allowed from and where it leads. Every
 * (state, event) pair not listed here must be refused with a reason that names the current state.
 */
const ALLOWED: Record<ActionEvent, { from: ActionState[]; to: ActionState; supplier: boolean }> = {
  submit_plan: { from: ["open", "plan_returned", "reopened"], to: "plan_submitted", supplier: true },
  accept_plan: { from: ["plan_submitted"], to: "plan_accepted", supplier: false },
  return_plan: { from: ["plan_submitted"], to: "plan_returned", supplier: false },
  start_work: { from: ["plan_accepted"], to: "in_progress", supplier: true },
  submit_evidence: { from: ["plan_accepted", "in_progress"], to: "evidence_submitted", supplier: true },
  reject_evidence: { from: ["evidence_submitted"], to: "in_progress", supplier: false },
  verify: { from: ["evidence_submitted"], to: "verified", supplier: false },
  close: { from: ["verified"], to: "closed", supplier: false },
  close_at_follow_up: {
    from: [
      "open",
      "plan_submitted",
      "plan_returned",
      "plan_accepted",
      "in_progress",
      "evidence_submitted",
      "verified",
      "escalated",
      "reopened",
    ],
    to: "closed",
    supplier: false,
  },
  escalate: {
    from: [
      "open",
      "plan_submitted",
      "plan_returned",
      "plan_accepted",
      "in_progress",
      "evidence_submitted",
      "reopened",
      "escalated",
    ],
    to: "escalated",
    supplier: false,
  },
  reopen: { from: ["verified", "closed", "escalated"], to: "reopened", supplier: false },
};

const cases = ACTION_STATES.flatMap((state) => ACTION_EVENTS.map((event) => ({ state, event })));

describe("corrective-action state machine", () => {
  it.each(cases)("buyer: $event from $state", ({ state, event }) => {
    const rule = ALLOWED[event];
    const d = decide(state, event, buyer, withEvidence);
    if (rule.from.includes(state)) {
      expect(d).toEqual({ ok: true, from: state, to: rule.to });
    } else {
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason).toMatch(/only .+; this action is “.+”\.$/);
    }
  });

  it.each(cases)("supplier: $event from $state", ({ state, event }) => {
    const rule = ALLOWED[event];
    const d = decide(state, event, supplier, { evidenceCount: 1, evidenceSubmittedBy: null });
    if (!rule.supplier) {
      expect(d).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the buyer can do this/) });
    } else if (rule.from.includes(state)) {
      expect(d).toEqual({ ok: true, from: state, to: rule.to });
    } else {
      expect(d).toMatchObject({ ok: false, reason: expect.stringContaining("this action is") });
    }
  });

  it("refuses evidence for verification without a file", () => {
    expect(
      decide("in_progress", "submit_evidence", supplier, { evidenceCount: 0, evidenceSubmittedBy: null }),
    ).toEqual({
      ok: false,
      reason: "Attach at least one evidence file before submitting the evidence for verification.",
      field: "file",
    });
  });

  it("refuses a verifier who submitted the evidence, and admits anyone else", () => {
    const own = decide("evidence_submitted", "verify", buyer, {
      evidenceCount: 2,
      evidenceSubmittedBy: "user:verifier",
    });
    expect(own).toMatchObject({
      ok: false,
      field: "verifier",
      reason: expect.stringContaining("someone else"),
    });
    const other = decide(
      "evidence_submitted",
      "verify",
      { party: "buyer", key: "user:second" },
      {
        evidenceCount: 2,
        evidenceSubmittedBy: "user:verifier",
      },
    );
    expect(other).toEqual({ ok: true, from: "evidence_submitted", to: "verified" });
  });

  it("refuses closure at a follow-up audit by whoever submitted the evidence", () => {
    const facts = { evidenceCount: 1, evidenceSubmittedBy: "user:verifier" };
    expect(decide("evidence_submitted", "close_at_follow_up", buyer, facts)).toMatchObject({
      ok: false,
      field: "verifier",
    });
    expect(
      decide("evidence_submitted", "close_at_follow_up", { party: "buyer", key: "user:auditor" }, facts),
    ).toEqual({ ok: true, from: "evidence_submitted", to: "closed" });
  });

  it("offers each party only what it may do", () => {
    expect(availableEvents("open", "supplier")).toEqual(["submit_plan"]);
    expect(availableEvents("plan_submitted", "supplier")).toEqual([]);
    expect(availableEvents("plan_submitted", "buyer")).toEqual(["accept_plan", "return_plan", "escalate"]);
    expect(availableEvents("closed", "buyer")).toEqual(["reopen"]);
  });
});

describe("withdrawing evidence", () => {
  it.each(ACTION_STATES.map((s) => [s]))("from %s", (state) => {
    // Only an action waiting for verification with nothing left to verify moves (back to work).
    expect(stateAfterWithdrawal(state, 0)).toBe(state === "evidence_submitted" ? "in_progress" : null);
    expect(stateAfterWithdrawal(state, 1)).toBeNull();
  });
});
