import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATES, type GrievanceState } from "~db/schema/grievances.constants";
import { decide, GRIEVANCE_EVENTS, nextEvents, type GrievanceEvent } from "./workflow";

describe("grievance workflow", () => {
  it.each([
    ["received", "acknowledge", "acknowledged"],
    ["acknowledged", "investigate", "under_investigation"],
    ["under_investigation", "substantiate", "substantiated"],
    ["under_investigation", "not_substantiate", "not_substantiated"],
    ["substantiated", "start_remedy", "remedy_in_progress"],
    ["remedy_in_progress", "close", "closed"],
    ["not_substantiated", "close", "closed"],
    ["closed", "reopen", "under_investigation"],
  ] as const)("%s --%s--> %s", (from, event, to) => {
    expect(decide(from, event)).toEqual({ ok: true, to });
  });

  it("refuses every other move, with a reason", () => {
    const allowed = new Set([
      "received:acknowledge",
      "acknowledged:investigate",
      "under_investigation:substantiate",
      "under_investigation:not_substantiate",
      "substantiated:start_remedy",
      "remedy_in_progress:close",
      "not_substantiated:close",
      "closed:reopen",
    ]);
    for (const s of GRIEVANCE_STATES)
      for (const e of GRIEVANCE_EVENTS) {
        const d = decide(s as GrievanceState, e as GrievanceEvent);
        expect(d.ok, `${s}:${e}`).toBe(allowed.has(`${s}:${e}`));
        if (!d.ok) expect(d.reason).toMatch(/not possible/);
      }
  });

  it("a substantiated case cannot be closed before its remedy starts; a decision needs an investigation", () => {
    expect(decide("substantiated", "close").ok).toBe(false);
    expect(decide("received", "substantiate").ok).toBe(false);
    expect(decide("received", "investigate").ok).toBe(false);
  });

  it("offers exactly the possible events", () => {
    expect(nextEvents("under_investigation")).toEqual(["substantiate", "not_substantiate"]);
    expect(nextEvents("closed")).toEqual(["reopen"]);
  });
});
