import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/suppliers", "/suppliers"],
    ["/suppliers?tab=risk#top", "/suppliers?tab=risk#top"],
    ["/", "/"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    // Found by probing: dot segments normalise into a protocol-relative Location.
    ["/.//evil.example", "/dashboard"],
    ["/././/evil.example/x", "/dashboard"],
    ["/a/..//evil.example", "/dashboard"],
    ["/%2e//evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["suppliers", "/dashboard"],
    ["/a\nb", "/dashboard"],
    ["/a\\b", "/dashboard"],
    ["", "/dashboard"],
    [null, "/dashboard"],
    [undefined, "/dashboard"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//x", "/login")).toBe("/login");
  });
});
