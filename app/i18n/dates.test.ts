import { describe, expect, it } from "vitest";
import { formatDate } from "./dates";

describe("formatDate", () => {
  it.each([
    ["2026-03-12", "en", "long", "12 March 2026"],
    ["2026-03-12", "es", "long", "12 de marzo de 2026"],
    // Late in the UTC day: still the 12th wherever the server or the browser is.
    ["2026-03-12T23:30:00Z", "en", "short-month", "12 Mar 2026"],
    ["2026-03-12T00:10:00Z", "en", "short-month", "12 Mar 2026"],
    ["2026-03-12", "xx", "long", "12 March 2026"],
  ] as const)("%s in %s (%s)", (d, lang, style, expected) => {
    expect(formatDate(d, lang, style)).toBe(expected);
  });

  it("does not depend on the process time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      const east = formatDate("2026-03-12T23:30:00Z", "en", "short-month");
      process.env.TZ = "Pacific/Pago_Pago";
      expect(formatDate("2026-03-12T23:30:00Z", "en", "short-month")).toBe(east);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
