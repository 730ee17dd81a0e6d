import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEME_VOCABULARY, gradeForWord, mergeVocabulary } from "./vocabulary";

describe("scheme vocabularies", () => {
  it.each([
    ["SMETA", "Critical", "critical"],
    ["SMETA", "business critical", "zero_tolerance"],
    ["RBA", "Priority", "critical"],
    ["RBA", "Minor", "minor"],
    ["amfori BSCI", "Zero tolerance", "zero_tolerance"],
    ["amfori BSCI", "D", "major"],
    ["SA8000", "Major non-conformity", "major"],
  ] as const)("%s “%s” → %s", (scheme, word, grade) => {
    expect(gradeForWord(DEFAULT_SCHEME_VOCABULARY[scheme], word)).toBe(grade);
  });

  it("knows no words a scheme does not use", () => {
    expect(gradeForWord(DEFAULT_SCHEME_VOCABULARY.RBA, "Critical")).toBeNull();
  });

  it("applies an organisation's remapping and added words without touching the defaults", () => {
    const v = mergeVocabulary([
      { scheme: "RBA", word: "priority", grade: "zero_tolerance" },
      { scheme: "SMETA", word: "Collaborative action required", grade: "major" },
    ]);
    expect(gradeForWord(v.RBA, "Priority")).toBe("zero_tolerance");
    expect(gradeForWord(v.SMETA, "Collaborative action required")).toBe("major");
    expect(gradeForWord(DEFAULT_SCHEME_VOCABULARY.RBA, "Priority")).toBe("critical");
  });
});
