import { describe, expect, it } from "vitest";
import { FORCED_LABOUR_SAQ_V1 } from "./builtin/forced-labour-saq.v1";
import {
  formatAnswer,
  missingRequired,
  scoreAnswer,
  validateAnswer,
  type AnswerValue,
  type Question,
} from "./model";
import { parseTemplate, questionSchema } from "./model.schema";

const q = (over: Partial<Question> & Pick<Question, "type">): Question =>
  questionSchema.parse({
    id: "Q",
    section: "s",
    text: "Question?",
    required: true,
    iloIndicators: [],
    ...over,
  });

const yesNoRedIfYes = q({ type: "yes_no", rule: { pointsByValue: { yes: 25 }, redFlag: { equals: "yes" } } });
const yesNoRedIfNo = q({ type: "yes_no", rule: { pointsByValue: { no: 25 }, redFlag: { equals: "no" } } });
const control = q({ type: "yes_no", rule: { control: true, pointsByValue: { yes: -5, no: 5 } } });
const hours = q({
  type: "number",
  min: 0,
  max: 168,
  unit: "hours per week",
  rule: {
    thresholds: [
      { above: 48, points: 3 },
      { above: 60, points: 12 },
    ],
  },
});
const pct = q({
  type: "percentage",
  rule: { thresholds: [{ above: 25, points: 4 }], redFlag: { above: 90 } },
});
const choice = q({
  type: "choice",
  options: [
    { value: "smeta", label: "SMETA" },
    { value: "none", label: "None" },
  ],
  rule: { pointsByValue: { none: 4 } },
});
const text = q({ type: "text", maxLength: 10 });

describe("validateAnswer", () => {
  it.each<[string, Question, unknown, { ok: true; value: AnswerValue } | { ok: false }]>([
    ["empty is unanswered", yesNoRedIfYes, "", { ok: true, value: null }],
    ["missing is unanswered", yesNoRedIfYes, undefined, { ok: true, value: null }],
    ["yes", yesNoRedIfYes, "yes", { ok: true, value: "yes" }],
    ["YES normalised", yesNoRedIfYes, "YES", { ok: true, value: "yes" }],
    ["maybe rejected", yesNoRedIfYes, "maybe", { ok: false }],
    ["integer", hours, "48", { ok: true, value: 48 }],
    ["decimal comma", hours, "47,5", { ok: true, value: 47.5 }],
    ["units rejected", hours, "48h", { ok: false }],
    ["negative rejected", hours, "-1", { ok: false }],
    ["above max rejected", hours, "169", { ok: false }],
    ["numeric value accepted", hours, 50, { ok: true, value: 50 }],
    ["percentage 0", pct, "0", { ok: true, value: 0 }],
    ["percentage 100", pct, "100", { ok: true, value: 100 }],
    ["percentage 101 rejected", pct, "101", { ok: false }],
    ["choice option", choice, "smeta", { ok: true, value: "smeta" }],
    ["choice label rejected", choice, "SMETA", { ok: false }],
    ["text trimmed", text, "  hello ", { ok: true, value: "hello" }],
    ["text too long", text, "x".repeat(11), { ok: false }],
    ["object rejected", text, { a: 1 }, { ok: false }],
  ])("%s", (_name, question, raw, expected) => {
    const result = validateAnswer(question, raw);
    expect(result.ok).toBe(expected.ok);
    if (expected.ok && result.ok) expect(result.value).toEqual(expected.value);
    if (!result.ok) expect(result.error).toMatch(/\w/);
  });
});

describe("scoreAnswer", () => {
  it.each<[string, Question, AnswerValue, number, boolean]>([
    ["red flag if yes: yes", yesNoRedIfYes, "yes", 25, true],
    ["red flag if yes: no", yesNoRedIfYes, "no", 0, false],
    ["red flag if no: no", yesNoRedIfNo, "no", 25, true],
    ["red flag if no: yes", yesNoRedIfNo, "yes", 0, false],
    ["control yes lowers", control, "yes", -5, false],
    ["control no raises", control, "no", 5, false],
    ["unanswered scores nothing", yesNoRedIfYes, null, 0, false],
    ["48 hours is not above 48", hours, 48, 0, false],
    ["50 hours", hours, 50, 3, false],
    ["60 hours is not above 60", hours, 60, 3, false],
    ["61 hours: highest threshold wins", hours, 61, 12, false],
    ["percentage below threshold", pct, 10, 0, false],
    ["percentage above threshold", pct, 30, 4, false],
    ["percentage red flag", pct, 95, 4, true],
    ["choice none", choice, "none", 4, false],
    ["choice smeta", choice, "smeta", 0, false],
  ])("%s", (_name, question, value, points, redFlag) => {
    expect(scoreAnswer(question, value)).toEqual({ points, redFlag });
  });
});

describe("formatAnswer", () => {
  it.each<[Question, AnswerValue, string]>([
    [yesNoRedIfYes, "yes", "Yes"],
    [yesNoRedIfYes, "no", "No"],
    [yesNoRedIfYes, null, "Not answered"],
    [pct, 12.5, "12.5 %"],
    [hours, 61, "61 hours per week"],
    [choice, "smeta", "SMETA"],
  ])("%o %s → %s", (question, value, expected) => {
    expect(formatAnswer(question, value)).toBe(expected);
  });
});

describe("built-in forced-labour SAQ v1", () => {
  const t = FORCED_LABOUR_SAQ_V1;

  it("is a valid template that survives a JSON snapshot round trip", () => {
    expect(t.key).toBe("forced-labour-saq");
    expect(t.version).toBe("1");
    expect(t.questions.length).toBeGreaterThanOrEqual(15);
    expect(t.questions.length).toBeLessThanOrEqual(25);
    expect(parseTemplate(JSON.stringify(t))).toEqual(t);
  });

  it.each<[string, AnswerValue, number[]]>([
    ["I1", "yes", [7]], // identity documents held
    ["R1", "yes", [9]], // recruitment fees paid by workers
    ["WG1", "yes", [8]], // wages withheld or deducted
    ["F1", "no", [3]], // cannot leave premises
    ["F2", "no", [3]], // cannot resign
  ])("%s = %s is a red flag tagged with ILO %o", (id, value, ilo) => {
    const question = t.questions.find((x) => x.id === id)!;
    expect(scoreAnswer(question, value).redFlag).toBe(true);
    for (const n of ilo) expect(question.iloIndicators).toContain(n);
  });

  it("scores excessive hours above 60 and lowers risk for a written policy", () => {
    const h1 = t.questions.find((x) => x.id === "H1")!;
    expect(h1.iloIndicators).toContain(11);
    expect(scoreAnswer(h1, 60).points).toBeLessThan(scoreAnswer(h1, 61).points);
    const policy = t.questions.find((x) => x.id === "PO1")!;
    expect(scoreAnswer(policy, "yes").points).toBeLessThan(0);
    expect(t.questions.find((x) => x.id === "G1")!.rule.control).toBe(true);
    expect(t.questions.find((x) => x.id === "W1")!.iloIndicators).toEqual(expect.arrayContaining([1, 4]));
    expect(t.questions.find((x) => x.id === "C1")!.iloIndicators).toContain(2);
  });

  it("lists the required questions that are missing", () => {
    const missing = missingRequired(t, { I1: "no" });
    expect(missing).not.toContain("I1");
    expect(missing).toContain("R1");
    expect(missing).not.toContain("P2"); // optional
  });
});
