import { describe, expect, it } from "vitest";
import { expiryStatus } from "./expiry";

describe("expiryStatus", () => {
  it("is expired only after the last valid day, and expiring within 30 days of it", () => {
    expect(expiryStatus(null, "2026-03-01")).toBe("none");
    expect(expiryStatus("2026-02-28", "2026-03-01")).toBe("expired");
    expect(expiryStatus("2026-03-01", "2026-03-01")).toBe("expiring");
    expect(expiryStatus("2026-03-31", "2026-03-01")).toBe("expiring");
    expect(expiryStatus("2026-04-01", "2026-03-01")).toBe("valid");
  });
});
