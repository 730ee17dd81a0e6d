import { describe, expect, it } from "vitest";
import { orderedUuid } from "./ids";

describe("orderedUuid", () => {
  it("has the UUID text form, version 7 and the RFC variant", () => {
    const id = orderedUuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts in the order it was made, within one millisecond and past 4,096 of them", () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => orderedUuid(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // A clock that goes back does not go back in the ids either.
    const later = orderedUuid(now - 5_000);
    expect(later > ids[ids.length - 1]).toBe(true);
  });
});
