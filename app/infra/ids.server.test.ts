import { describe, expect, it } from "vitest";
import { orderedId } from "./ids.server";

describe("orderedId", () => {
  it("is a version 7 UUID carrying the time", () => {
    const id = orderedId(Date.UTC(2026, 11, 4, 18, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 11, 4, 18));
  });

  it("increases within a millisecond and past the sequence's end", () => {
    const t = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 5000 }, () => orderedId(t));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that steps back does not break the order.
    const later = orderedId(t - 60_000);
    expect(later > ids[ids.length - 1]).toBe(true);
  });
});
