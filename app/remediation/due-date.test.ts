import { describe, expect, it } from "vitest";
import { dueDateFor, isOverdue } from "./due-date";

describe("dueDateFor", () => {
  it.each([
    ["zero_tolerance", "2026-03-01T10:00:00Z", "2026-03-08"],
    ["critical", "2026-03-01T10:00:00Z", "2026-03-15"],
    ["red_flag", "2026-03-01T10:00:00Z", "2026-03-31"],
    ["red_flag", "2026-12-15T23:59:00Z", "2027-01-14"],
    ["zero_tolerance", "2028-02-25T00:00:00Z", "2028-03-03"],
  ] as const)("%s raised %s is due %s", (severity, raised, due) => {
    expect(dueDateFor(severity, new Date(raised))).toBe(due);
  });
});

describe("isOverdue", () => {
  it.each([
    [{ status: "open", dueDate: "2026-03-01" }, "2026-03-02", true],
    [{ status: "open", dueDate: "2026-03-01" }, "2026-03-01", false],
    [{ status: "completed", dueDate: "2026-03-01" }, "2026-04-01", false],
  ])("%o on %s → %s", (task, today, expected) => expect(isOverdue(task, today)).toBe(expected));
});
