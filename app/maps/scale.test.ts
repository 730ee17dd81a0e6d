import { describe, expect, it } from "vitest";
import {
  classColors,
  classLabels,
  countBreaks,
  countClass,
  countFill,
  COUNT_RAMP,
  NO_SUPPLIERS_FILL,
} from "./scale";

describe("countBreaks", () => {
  it.each([
    [0, [1]],
    [1, [1]],
    [2, [1, 2]],
    [7, [1, 2, 5]],
    [10, [1, 2, 5, 10]],
    [20, [1, 2, 5, 10, 20]],
    [60, [1, 2, 10, 20, 50]],
  ])("max %i → %j", (max, expected) => {
    expect(countBreaks(max)).toEqual(expected);
  });

  it("never has more classes than colours, starts at 1 and ascends, for any size", () => {
    for (const max of [3, 99, 1000, 12_345, 100_000]) {
      const b = countBreaks(max);
      expect(b.length).toBeLessThanOrEqual(COUNT_RAMP.length);
      expect(b[0]).toBe(1);
      expect(b.every((x, i) => i === 0 || x > b[i - 1])).toBe(true);
      expect(b[b.length - 1]).toBeLessThanOrEqual(max);
    }
  });
});

describe("classes and colours", () => {
  const breaks = [1, 2, 5, 10, 20];
  it.each([
    [0, -1],
    [1, 0],
    [4, 1],
    [5, 2],
    [19, 3],
    [20, 4],
    [5000, 4],
  ])("count %i is class %i", (count, cls) => {
    expect(countClass(count, breaks)).toBe(cls);
  });

  it("no suppliers is grey; more suppliers never get a lighter class", () => {
    expect(countFill(0, breaks)).toBe(NO_SUPPLIERS_FILL);
    expect(countFill(1, breaks)).toBe(COUNT_RAMP[0]);
    expect(countFill(25, breaks)).toBe(COUNT_RAMP[4]);
    const few = classColors([1, 2]);
    expect(few).toEqual([COUNT_RAMP[0], COUNT_RAMP[4]]);
  });

  it("labels the classes as ranges, the last one up to the maximum", () => {
    expect(classLabels([1, 2, 5], 7)).toEqual(["1", "2–4", "5–7"]);
    expect(classLabels([1], 1)).toEqual(["1"]);
    expect(classLabels([1, 10, 1000], 2500)).toEqual(["1–9", "10–999", "1,000–2,500"]);
  });
});
