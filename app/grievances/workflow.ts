import type { GrievanceState } from "~db/schema/grievances.constants";

/**
 * The case workflow, pure: which event moves a case from which state to which. Acknowledging comes
 * first (it starts the feedback clock); a decision needs an investigation; a substantiated case goes
 * through remedy before it closes, an unsubstantiated one closes directly; a closed case can be
 * reopened for investigation when new information arrives.
 */
export const GRIEVANCE_EVENTS = [
  "acknowledge",
  "investigate",
  "substantiate",
  "not_substantiate",
  "start_remedy",
  "close",
  "reopen",
] as const;
export type GrievanceEvent = (typeof GRIEVANCE_EVENTS)[number];

const TRANSITIONS: Record<GrievanceEvent, { from: readonly GrievanceState[]; to: GrievanceState }> = {
  acknowledge: { from: ["received"], to: "acknowledged" },
  investigate: { from: ["acknowledged"], to: "under_investigation" },
  substantiate: { from: ["under_investigation"], to: "substantiated" },
  not_substantiate: { from: ["under_investigation"], to: "not_substantiated" },
  start_remedy: { from: ["substantiated"], to: "remedy_in_progress" },
  close: { from: ["not_substantiated", "remedy_in_progress"], to: "closed" },
  reopen: { from: ["closed"], to: "under_investigation" },
};

export const EVENT_LABELS: Record<GrievanceEvent, string> = {
  acknowledge: "Acknowledge receipt",
  investigate: "Start investigation",
  substantiate: "Substantiated",
  not_substantiate: "Not substantiated",
  start_remedy: "Start remedy",
  close: "Close case",
  reopen: "Reopen",
};

export const STATE_LABELS: Record<GrievanceState, string> = {
  received: "Received",
  acknowledged: "Acknowledged",
  under_investigation: "Under investigation",
  substantiated: "Substantiated",
  not_substantiated: "Not substantiated",
  remedy_in_progress: "Remedy in progress",
  closed: "Closed",
};

export type Decision = { ok: true; to: GrievanceState } | { ok: false; reason: string };

export function decide(state: GrievanceState, event: GrievanceEvent): Decision {
  const t = TRANSITIONS[event];
  if (!t.from.includes(state)) {
    return {
      ok: false,
      reason: `"${EVENT_LABELS[event]}" is not possible while the case is ${STATE_LABELS[state].toLowerCase()}.`,
    };
  }
  return { ok: true, to: t.to };
}

/** The events a handler may take from a state (the buttons the case page offers). */
export function nextEvents(state: GrievanceState): GrievanceEvent[] {
  return GRIEVANCE_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state));
}

/** A decision (substantiated or not) must say why: the note is the case's finding. */
export function needsNote(event: GrievanceEvent): boolean {
  return event === "substantiate" || event === "not_substantiate" || event === "reopen";
}
