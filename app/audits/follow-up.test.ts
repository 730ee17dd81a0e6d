import { describe, expect, it } from "vitest";
import { followUpChoices } from "./follow-up";

describe("followUpChoices", () => {
  it.each([
    ["open", ["regrade", "close"]],
    ["in_progress", ["regrade", "close"]],
    ["evidence_submitted", ["regrade", "close"]],
    ["escalated", ["regrade", "close", "reopen"]],
    ["verified", ["close", "reopen"]],
    ["closed", ["reopen"]],
  ] as const)("offers %s → %j", (state, choices) => {
    expect(followUpChoices(state)).toEqual(choices);
  });
});
