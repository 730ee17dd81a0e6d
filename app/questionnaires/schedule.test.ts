import { describe, expect, it } from "vitest";
import { isOverdue, overdueAt, overdueReminderAt, parseReminderDays, reminderTimes } from "./schedule";

describe("reminderTimes", () => {
  it("7, 3 and 1 days before the due date at 09:00 UTC, latest offset first", () => {
    const r = reminderTimes("2030-06-20", [1, 7, 3], new Date("2030-06-01T00:00:00Z"));
    expect(r.map((x) => [x.daysBefore, x.runAt.toISOString()])).toEqual([
      [7, "2030-06-13T09:00:00.000Z"],
      [3, "2030-06-17T09:00:00.000Z"],
      [1, "2030-06-19T09:00:00.000Z"],
    ]);
  });
  it("drops reminders already in the past at send time and duplicates", () => {
    const r = reminderTimes("2030-06-20", [7, 3, 3, 1], new Date("2030-06-15T00:00:00Z"));
    expect(r.map((x) => x.daysBefore)).toEqual([3, 1]);
  });
});

describe("overdue", () => {
  it("starts when the due day is over (UTC)", () => {
    expect(overdueAt("2030-06-20").toISOString()).toBe("2030-06-21T00:00:00.000Z");
    expect(isOverdue("2030-06-20", new Date("2030-06-20T23:59:59Z"))).toBe(false);
    expect(isOverdue("2030-06-20", new Date("2030-06-21T00:00:00Z"))).toBe(true);
    expect(isOverdue(null, new Date("2099-01-01"))).toBe(false);
  });
  it("weekly reminders follow the overdue transition", () => {
    expect(overdueReminderAt("2030-06-20", 1, 7).toISOString()).toBe("2030-06-28T00:00:00.000Z");
    expect(overdueReminderAt("2030-06-20", 2, 7).toISOString()).toBe("2030-07-05T00:00:00.000Z");
  });
});

describe("parseReminderDays", () => {
  it.each<[string, number[] | string]>([
    ["7, 3, 1", [7, 3, 1]],
    ["1 3 7", [7, 3, 1]],
    ["14;7", [14, 7]],
    ["", []],
    ["3, 3", [3]],
    ["0", "Reminder days must be between 1 and 90."],
    ["91", "Reminder days must be between 1 and 90."],
    ["two", '"two" is not a whole number of days.'],
    ["1.5", '"1.5" is not a whole number of days.'],
    ["1 2 3 4 5 6 7", "Use at most 6 reminders."],
  ])("%j", (input, expected) => {
    const r = parseReminderDays(input);
    if (Array.isArray(expected)) expect(r).toEqual({ ok: true, days: expected });
    else expect(r).toEqual({ ok: false, error: expected });
  });
});
