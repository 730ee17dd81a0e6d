import { describe, expect, it } from "vitest";
import { formatRate, ratesByYear, type CompletionFact } from "./rates";

const row = (
  audience: "staff" | "supplier",
  learnerKey: string,
  completedOn: string,
  supplierId: string | null = null,
) => ({ audience, learnerKey, completedOn, supplierId }) satisfies CompletionFact;

describe("completion rates per audience and year", () => {
  const rows = [
    row("staff", "ana@x", "2025-03-01"),
    row("staff", "ana@x", "2025-09-01"), // the same person twice: one person
    row("staff", "ben@x", "2025-12-31"),
    row("staff", "cy@x", "2026-01-01"),
    row("supplier", "li", "2025-05-05", "s1"),
    row("supplier", "wu", "2025-05-05", "s1"),
    row("supplier", "li", "2025-06-05", "s2"), // another supplier's "li": another person
  ];

  it("counts people once, splits by calendar year and divides by what the records hold", () => {
    const out = ratesByYear(rows, new Map([[2025, 4]]), (y) => (y === 2025 ? 8 : 10));
    expect(out.map((r) => r.year)).toEqual([2026, 2025]);
    const y2025 = out[1];
    expect(y2025.staff).toEqual({ completions: 3, people: 2, inScope: 4, rate: 0.5 });
    expect(y2025.supplier).toEqual({
      completions: 3,
      people: 3,
      suppliersReached: 2,
      suppliersOnRecord: 8,
      rate: 0.25,
    });
  });

  it("has no staff rate without a headcount, and says so instead of 0 %", () => {
    const y2026 = ratesByYear(rows, new Map(), () => 0)[0];
    expect(y2026.staff).toEqual({ completions: 1, people: 1, inScope: null, rate: null });
    expect(y2026.supplier.rate).toBeNull();
    expect(formatRate(y2026.staff.rate)).toBe("not known");
    expect(formatRate(0.333)).toBe("33 %");
  });

  it("lists a year with only a headcount", () => {
    expect(ratesByYear([], new Map([[2027, 12]]), () => 3)).toEqual([
      {
        year: 2027,
        staff: { completions: 0, people: 0, inScope: 12, rate: 0 },
        supplier: { completions: 0, people: 0, suppliersReached: 0, suppliersOnRecord: 3, rate: 0 },
      },
    ]);
  });
});
