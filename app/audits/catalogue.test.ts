import { describe, expect, it } from "vitest";
import {
  countByGrade,
  FINDING_GRADES,
  GRADE_LABELS,
  GRADE_TONES,
  ILO_INDICATOR_NUMBERS,
  iloIndicatorLabel,
} from "./catalogue";

describe("finding grades", () => {
  it.each([
    ["zero_tolerance", "red", "Zero tolerance"],
    ["critical", "red", "Critical"],
    ["major", "orange", "Major"],
    ["minor", "amber", "Minor"],
    ["observation", "slate", "Observation"],
  ] as const)("%s → tone %s, label %s", (grade, tone, label) => {
    expect(GRADE_TONES[grade]).toBe(tone);
    expect(GRADE_LABELS[grade]).toBe(label);
  });

  it("counts every grade, zero when absent", () => {
    expect(countByGrade(["major", "major", "observation"])).toEqual({
      zero_tolerance: 0,
      critical: 0,
      major: 2,
      minor: 0,
      observation: 1,
    });
    expect(Object.keys(countByGrade([]))).toEqual([...FINDING_GRADES]);
  });
});

describe("ILO indicators", () => {
  it("has the eleven indicators numbered 1–11", () => {
    expect(ILO_INDICATOR_NUMBERS).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
  });

  it.each([
    ["7", "7. Retention of identity documents"],
    ["9", "9. Debt bondage"],
    ["11", "11. Excessive overtime"],
    ["12", null],
    ["", null],
    [null, null],
  ])("label of %s is %s", (n, label) => {
    expect(iloIndicatorLabel(n)).toBe(label);
  });
});
