import { describe, expect, it } from "vitest";
import { cleanLearnerName, LEARNER_NAME_MAX } from "./learner-name";

describe("cleanLearnerName", () => {
  it("keeps the name as typed, trimmed and with white space collapsed", () => {
    expect(cleanLearnerName("  Rosa \t Díaz \n")).toEqual({ ok: true, name: "Rosa Díaz" });
    expect(cleanLearnerName("Nguyễn Thị Lan")).toEqual({ ok: true, name: "Nguyễn Thị Lan" });
    expect(cleanLearnerName("王芳")).toEqual({ ok: true, name: "王芳" });
    // Decomposed accents become the composed form, so the same name typed twice compares equal.
    expect(cleanLearnerName("Jose\u0301")).toEqual({ ok: true, name: "José" });
  });

  it("removes controls, zero-width and bidirectional overrides", () => {
    expect(cleanLearnerName("Ana\u202eordep")).toEqual({ ok: true, name: "Anaordep" });
    expect(cleanLearnerName("Li\u200b\u0000 Wei\ufeff")).toEqual({ ok: true, name: "Li Wei" });
  });

  it("requires a name with at least one letter", () => {
    expect(cleanLearnerName("")).toEqual({ ok: false, reason: "required" });
    expect(cleanLearnerName("   \u200b ")).toEqual({ ok: false, reason: "required" });
    expect(cleanLearnerName(undefined)).toEqual({ ok: false, reason: "required" });
    expect(cleanLearnerName("…")).toEqual({ ok: false, reason: "letters" });
    expect(cleanLearnerName("12345")).toEqual({ ok: false, reason: "letters" });
  });

  it("refuses a name longer than the limit instead of cutting it", () => {
    expect(cleanLearnerName("a".repeat(LEARNER_NAME_MAX))).toMatchObject({ ok: true });
    expect(cleanLearnerName("a".repeat(LEARNER_NAME_MAX + 1))).toEqual({ ok: false, reason: "tooLong" });
    // Counted in code points: 120 CJK characters or emoji are allowed like 120 Latin letters.
    expect(cleanLearnerName("王".repeat(LEARNER_NAME_MAX))).toMatchObject({ ok: true });
    expect(cleanLearnerName("x".repeat(100_000))).toEqual({ ok: false, reason: "tooLong" });
  });
});
