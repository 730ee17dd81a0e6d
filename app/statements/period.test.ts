import { describe, expect, it } from "vitest";
import {
  addMonths,
  defaultPeriod,
  financialYearLabel,
  formatLongDate,
  isIsoDate,
  periodErrors,
  publicationDeadline,
} from "./period";

describe("isIsoDate", () => {
  it.each([
    ["2026-03-31", true],
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["2026-13-01", false],
    ["31/03/2026", false],
    ["", false],
  ])("%j → %s", (value, ok) => expect(isIsoDate(value)).toBe(ok));
});

describe("addMonths", () => {
  it.each([
    ["2025-04-01", 12, "2026-04-01"],
    ["2025-08-31", 6, "2026-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
  ])("%s + %d months = %s", (from, n, to) => expect(addMonths(from, n)).toBe(to));
});

describe("periodErrors", () => {
  it.each([
    ["2025-04-01", "2026-03-31", {}],
    ["2025-01-01", "2026-06-30", {}], // an 18-month extended year, one day short of 18 months
    ["2025-01-01", "2026-07-01", { periodEnd: "A financial year can be at most 18 months long." }],
    ["2026-03-31", "2025-04-01", { periodEnd: "The financial year must end after it starts." }],
    ["2025-04-01", "2025-04-01", { periodEnd: "The financial year must end after it starts." }],
    ["nonsense", "2026-03-31", { periodStart: "Enter the first day of the financial year (YYYY-MM-DD)." }],
  ])("%s → %s", (start, end, expected) => expect(periodErrors(start, end)).toEqual(expected));
});

describe("labels and deadlines", () => {
  it.each([
    ["2025-04-01", "2026-03-31", "FY2025-26"],
    ["2025-01-01", "2025-12-31", "FY2025"],
    ["1999-07-01", "2000-06-30", "FY1999-00"],
  ])("%s..%s is %s", (start, end, label) => expect(financialYearLabel(start, end)).toBe(label));

  it.each([
    ["2026-03-31", "2026-09-30"],
    ["2025-12-31", "2026-06-30"],
    ["2025-08-31", "2026-02-28"],
  ])("a year ending %s should be published by %s", (end, deadline) =>
    expect(publicationDeadline(end)).toBe(deadline),
  );

  it("formats dates the British way", () => expect(formatLongDate("2026-03-31")).toBe("31 March 2026"));
});

describe("defaultPeriod", () => {
  it.each([
    ["2026-11-27", null, { periodStart: "2025-04-01", periodEnd: "2026-03-31" }],
    ["2026-02-10", null, { periodStart: "2025-01-01", periodEnd: "2025-12-31" }],
    ["2026-04-01", null, { periodStart: "2025-04-01", periodEnd: "2026-03-31" }],
    ["2026-11-27", "2025-06-30", { periodStart: "2025-07-01", periodEnd: "2026-06-30" }],
    // The year after the latest statement has not ended yet: fall back to the usual guesses.
    ["2026-11-27", "2026-03-31", { periodStart: "2025-04-01", periodEnd: "2026-03-31" }],
  ])("on %s after %s", (today, latest, expected) => expect(defaultPeriod(today, latest)).toEqual(expected));
});
