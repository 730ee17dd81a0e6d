import { describe, expect, it } from "vitest";
import { bearerToken, formatToken, parseToken } from "./keys";

describe("API key tokens", () => {
  const secret = "A".repeat(43);
  it("round-trips the prefix of a well-formed token", () => {
    expect(parseToken(formatToken("0123456789", secret))).toEqual({ prefix: "0123456789" });
  });
  it.each([
    "",
    "cs_live_0123456789",
    `cs_test_0123456789_${secret}`,
    `cs_live_012345678_${secret}`,
    `cs_live_0123456789_${secret}x`,
    `cs_live_0123456789_${"A".repeat(42)}!`,
    ` cs_live_0123456789_${secret}`,
  ])("refuses %j", (token) => {
    expect(parseToken(token)).toBeNull();
  });
  it("reads only the Bearer scheme", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer  abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
