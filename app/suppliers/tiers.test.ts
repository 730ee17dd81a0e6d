import { describe, expect, it } from "vitest";
import { computeTiers } from "./tiers";

const l = (parentSupplierId: string | null, childSupplierId: string) => ({
  parentSupplierId,
  childSupplierId,
});

describe("computeTiers", () => {
  it.each([
    ["direct suppliers are tier 1", [l(null, "a"), l(null, "b")], { a: 1, b: 1 }],
    ["a chain counts the distance", [l(null, "a"), l("a", "b"), l("b", "c")], { a: 1, b: 2, c: 3 }],
    [
      "several paths take the shortest",
      [l(null, "a"), l("a", "b"), l("b", "c"), l(null, "c")],
      { a: 1, b: 2, c: 1 },
    ],
    ["a cycle does not loop", [l(null, "a"), l("a", "b"), l("b", "a")], { a: 1, b: 2 }],
    ["unreachable suppliers are left out", [l("x", "y")], {}],
  ])("%s", (_name, links, expected) => {
    expect(Object.fromEntries(computeTiers(links))).toEqual(expected);
  });
});
