import { describe, expect, it } from "vitest";
import { acknowledgeDueOn, addMonthsIso, caseClocks, daysBetween, feedbackDueOn } from "./clocks";

describe("grievance clocks", () => {
  it("acknowledgement is due 7 days after the report", () => {
    expect(acknowledgeDueOn("2026-03-01")).toBe("2026-03-08");
    expect(acknowledgeDueOn("2026-12-28")).toBe("2027-01-04");
  });

  it("feedback is due 3 months after the acknowledgement, or after the 7 days when none was sent", () => {
    expect(feedbackDueOn("2026-03-01", "2026-03-03")).toBe("2026-06-03");
    expect(feedbackDueOn("2026-03-01", null)).toBe("2026-06-08");
  });

  it("adds calendar months, clamping to the end of a shorter month", () => {
    expect(addMonthsIso("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsIso("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonthsIso("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("flags a deadline from the day after it, never on the day itself", () => {
    const c = {
      receivedOn: "2026-03-01",
      acknowledgedOn: null,
      feedbackOn: null,
      state: "received" as const,
    };
    expect(caseClocks(c, "2026-03-08").acknowledgeOverdue).toBe(false);
    expect(caseClocks(c, "2026-03-09").acknowledgeOverdue).toBe(true);
    const acked = { ...c, acknowledgedOn: "2026-03-02", state: "acknowledged" as const };
    expect(caseClocks(acked, "2026-03-09").acknowledgeOverdue).toBe(false);
    expect(caseClocks(acked, "2026-06-02").feedbackOverdue).toBe(false);
    expect(caseClocks(acked, "2026-06-03").feedbackOverdue).toBe(true);
    expect(caseClocks({ ...acked, feedbackOn: "2026-05-01" }, "2026-07-01").feedbackOverdue).toBe(false);
    expect(caseClocks({ ...acked, state: "closed" }, "2026-07-01").feedbackOverdue).toBe(false);
  });

  it("counts whole days", () => {
    expect(daysBetween("2026-03-01", "2026-03-08")).toBe(7);
    expect(daysBetween("2026-03-29", "2026-03-30")).toBe(1);
  });
});
