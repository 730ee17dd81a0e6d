import { describe, expect, it } from "vitest";
import { prng } from "./prng";

describe("prng", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const a = prng(42);
    const b = prng(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => prng(43).next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("keeps int() within its bounds and reaches both ends", () => {
    const r = prng(7);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});
