import { describe, expect, it } from "vitest";
import { cells, computeEffectiveness, median, type EffectivenessCase } from "./effectiveness";

const c = (over: Partial<EffectivenessCase>): EffectivenessCase => ({
  receivedOn: "2026-03-01",
  language: "bn",
  siteName: "Dormitory site",
  indicators: [],
  state: "received",
  acknowledgedOn: null,
  decidedOn: null,
  closedOn: null,
  actionId: null,
  ...over,
});

describe("channel effectiveness indicators", () => {
  it("never names a site or language with fewer than 3 reports: they are merged into one row", () => {
    expect(cells(["A", "A", "A", "B", "C", "C"], "Other")).toEqual([
      { label: "A", count: 3 },
      { label: "Other", count: 3, merged: 2 },
    ]);
    expect(cells(["A"], "Other")).toEqual([{ label: "Other", count: 1, merged: 1 }]);
    expect(cells([], "Other")).toEqual([]);
  });

  it("computes times in days, the substantiated share of decided cases and remedies; unknown is null", () => {
    const cases = [
      c({ acknowledgedOn: "2026-03-03", indicators: ["debt_bondage"], language: "bn" }),
      c({ acknowledgedOn: "2026-03-11", indicators: ["debt_bondage"], language: "bn" }),
      c({
        acknowledgedOn: "2026-03-02",
        decidedOn: "2026-04-01",
        closedOn: "2026-05-01",
        state: "closed",
        actionId: "t1",
        indicators: ["debt_bondage", "retention_of_identity_documents"],
        language: "ne",
      }),
      c({
        acknowledgedOn: "2026-03-05",
        decidedOn: "2026-03-20",
        state: "not_substantiated",
        language: "bn",
      }),
      c({ receivedOn: "2026-03-25" }), // waiting, not yet overdue on 2026-03-30
      c({ receivedOn: "2026-03-10" }), // waiting and overdue
    ];
    const out = computeEffectiveness(cases, [{ workers: 12 }, { workers: 3 }], "2026-03-30", (l) =>
      l.toUpperCase(),
    );
    expect(out.reports).toBe(6);
    expect(out.byLanguage).toEqual([
      { label: "BN", count: 5 },
      { label: "Other languages (fewer than 3 reports each)", count: 1, merged: 1 },
    ]);
    expect(out.byIndicator.find((i) => i.key === "debt_bondage")!.count).toBe(3);
    expect(out.byIndicator.find((i) => i.key === "retention_of_identity_documents")!.count).toBeNull();
    expect(out.byIndicator.find((i) => i.key === "isolation")!.count).toBe(0);
    expect(out.acknowledge).toEqual({ acknowledged: 4, medianDays: 3, within7: 3, pending: 2, overdue: 1 });
    expect(out.close).toEqual({ closed: 1, medianDays: 61 });
    expect(out.decided).toEqual({ decided: 2, substantiated: 1, share: 0.5 });
    expect(out.remedies).toEqual({ records: 2, workers: 15 });

    const none = computeEffectiveness([], [], "2026-03-30", (l) => l);
    expect(none.acknowledge.medianDays).toBeNull();
    expect(none.close.medianDays).toBeNull();
    expect(none.decided.share).toBeNull();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
