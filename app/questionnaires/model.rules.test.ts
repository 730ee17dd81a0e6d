import { describe, expect, it } from "vitest";
import v1Snapshot from "./fixtures/forced-labour-saq.v1.snapshot.json";
import {
  effectiveAnswers,
  formatAnswer,
  localizeQuestion,
  localizeTemplate,
  missingRequired,
  missingTranslations,
  NOT_APPLICABLE,
  scoreAnswer,
  scoreAnswerDetailed,
  scoreAnswers,
  templateLanguages,
  translatableStrings,
  validateAnswer,
  visibleQuestionIds,
  type AnswerValue,
  type Question,
  type Template,
} from "./model";
import { parseTemplate, questionSchema, templateSchema } from "./model.schema";

const q = (over: Partial<Question> & Pick<Question, "type">): Question =>
  questionSchema.parse({
    id: "Q",
    section: "s",
    text: "Question?",
    required: true,
    iloIndicators: [],
    ...over,
  });

const multi = q({
  type: "multi_choice",
  allowNotApplicable: true,
  options: [
    { value: "a", label: "Alpha" },
    { value: "b", label: "Beta" },
    { value: "c", label: "Gamma" },
  ],
  rule: { pointsByValue: { a: 2, c: 5 }, redFlag: { in: ["c"] } },
});
const single = q({
  type: "choice",
  options: [
    { value: "x", label: "Ex" },
    { value: "y", label: "Why" },
  ],
  rule: { pointsByValue: { y: 3 }, redFlag: { in: ["y"] } },
});
const shortText = q({ type: "short_text" });
const longText = q({ type: "text" });
const date = q({ type: "date" });
const file = q({ type: "file" });
const naYesNo = q({ type: "yes_no", allowNotApplicable: true, rule: { pointsByValue: { no: 4 } } });
const plainYesNo = q({ type: "yes_no" });
const policy = q({
  type: "yes_no",
  rule: { control: true, pointsByValue: { yes: -6, no: 6 } },
  evidence: { request: "Upload your policy", when: ["yes"] },
});
const policyCustom = q({
  type: "yes_no",
  rule: { control: true, pointsByValue: { yes: -6 }, unevidencedPoints: -1 },
  evidence: { request: "Upload your policy" },
});
const selfDeclaredOnly = q({ type: "yes_no", rule: { control: true, pointsByValue: { yes: -4 } } });

describe("validateAnswer: new types", () => {
  it.each<[string, Question, unknown, { ok: true; value: AnswerValue } | { ok: false }]>([
    ["multi: array in option order", multi, ["c", "a"], { ok: true, value: ["a", "c"] }],
    ["multi: duplicates collapse", multi, ["a", "a"], { ok: true, value: ["a"] }],
    ["multi: single string", multi, "b", { ok: true, value: ["b"] }],
    ["multi: empty array unanswered", multi, [], { ok: true, value: null }],
    ["multi: value outside options", multi, ["a", "z"], { ok: false }],
    ["multi: label is not a value", multi, ["Alpha"], { ok: false }],
    ["multi: N/A alone", multi, [NOT_APPLICABLE], { ok: true, value: NOT_APPLICABLE }],
    ["multi: N/A mixed with options", multi, [NOT_APPLICABLE, "a"], { ok: false }],
    ["multi: non-string entries", multi, [1], { ok: false }],
    ["single: array of one", single, ["x"], { ok: true, value: "x" }],
    ["single: array of two rejected", single, ["x", "y"], { ok: false }],
    ["single: N/A not allowed", single, NOT_APPLICABLE, { ok: false }],
    ["short text", shortText, " ACME Ltd ", { ok: true, value: "ACME Ltd" }],
    ["short text too long", shortText, "x".repeat(201), { ok: false }],
    ["short text one line", shortText, "a\nb", { ok: false }],
    ["long text keeps lines", longText, "a\nb", { ok: true, value: "a\nb" }],
    ["text n/a without N/A is just text", longText, "n/a", { ok: true, value: "n/a" }],
    ["date ISO", date, "2025-02-28", { ok: true, value: "2025-02-28" }],
    ["date leap day", date, "2024-02-29", { ok: true, value: "2024-02-29" }],
    ["date not a leap year", date, "2025-02-29", { ok: false }],
    ["date month 13", date, "2025-13-01", { ok: false }],
    ["date local format", date, "28/02/2025", { ok: false }],
    ["file id", file, "ev_123", { ok: true, value: ["ev_123"] }],
    ["file ids", file, ["a1", "b2", "a1"], { ok: true, value: ["a1", "b2"] }],
    ["file id with path rejected", file, "../etc/passwd", { ok: false }],
    ["file too many", file, Array.from({ length: 11 }, (_, i) => `f${i}`), { ok: false }],
    ["yes/no N/A allowed", naYesNo, "N/A", { ok: true, value: NOT_APPLICABLE }],
    ["yes/no N/A not allowed", plainYesNo, "n/a", { ok: false }],
  ])("%s", (_name, question, raw, expected) => {
    const result = validateAnswer(question, raw);
    expect(result.ok).toBe(expected.ok);
    if (expected.ok && result.ok) expect(result.value).toEqual(expected.value);
    if (!result.ok) expect(result.error).toMatch(/\w/);
  });
});

describe("scoring: multi choice, N/A, evidenced controls", () => {
  it.each<[string, Question, AnswerValue, number, { points: number; redFlag: boolean }, string | null]>([
    ["multi sums points", multi, ["a", "c"], 0, { points: 7, redFlag: true }, null],
    ["multi without flagged value", multi, ["a", "b"], 0, { points: 2, redFlag: false }, null],
    ["multi N/A scores nothing", multi, NOT_APPLICABLE, 0, { points: 0, redFlag: false }, null],
    ["single red flag by list", single, "y", 0, { points: 3, redFlag: true }, null],
    ["N/A on yes/no scores nothing", naYesNo, NOT_APPLICABLE, 0, { points: 0, redFlag: false }, null],
    ["policy yes with file: full credit", policy, "yes", 1, { points: -6, redFlag: false }, "evidenced"],
    ["policy yes without file: half", policy, "yes", 0, { points: -3, redFlag: false }, "self-declared"],
    ["policy no: penalty regardless", policy, "no", 0, { points: 6, redFlag: false }, null],
    ["custom unevidenced credit", policyCustom, "yes", 0, { points: -1, redFlag: false }, "self-declared"],
    ["custom with file", policyCustom, "yes", 2, { points: -6, redFlag: false }, "evidenced"],
    [
      "control without evidence request",
      selfDeclaredOnly,
      "yes",
      0,
      { points: -4, redFlag: false },
      "self-declared",
    ],
  ])("%s", (_name, question, value, evidenceCount, expected, control) => {
    expect(scoreAnswer(question, value, { evidenceCount })).toEqual(expected);
    expect(scoreAnswerDetailed(question, value, { evidenceCount }).control).toBe(control);
  });
});

const conditional: Template = templateSchema.parse({
  key: "t",
  version: "1",
  title: "T",
  intro: "",
  sections: [{ id: "s", title: "S" }],
  questions: [
    { id: "A", section: "s", type: "yes_no", text: "Agency workers?", required: true, iloIndicators: [] },
    {
      id: "B",
      section: "s",
      type: "percentage",
      text: "Share of agency workers?",
      required: true,
      iloIndicators: [1],
      visibleWhen: { questionId: "A", equals: "yes" },
      rule: { thresholds: [{ above: 10, points: 5 }] },
    },
    {
      id: "C",
      section: "s",
      type: "multi_choice",
      text: "Which?",
      required: true,
      iloIndicators: [],
      options: [
        { value: "m", label: "M" },
        { value: "n", label: "N" },
      ],
      visibleWhen: { questionId: "B", equals: 50 },
    },
    {
      id: "D",
      section: "s",
      type: "short_text",
      text: "Name them",
      required: true,
      iloIndicators: [],
      visibleWhen: { questionId: "C", in: ["n"] },
    },
  ],
  declaration: { attestation: "True." },
});

describe("conditional visibility", () => {
  it.each<[string, Record<string, AnswerValue>, string[], string[]]>([
    ["nothing answered: only unconditional", {}, ["A"], ["A"]],
    ["A=no hides B and its chain", { A: "no", B: 50, C: ["n"], D: "x" }, ["A"], []],
    ["A=yes shows B", { A: "yes" }, ["A", "B"], ["B"]],
    ["number equals", { A: "yes", B: 50 }, ["A", "B", "C"], ["C"]],
    ["multi in", { A: "yes", B: 50, C: ["m", "n"] }, ["A", "B", "C", "D"], ["D"]],
    ["multi not in", { A: "yes", B: 50, C: ["m"] }, ["A", "B", "C"], []],
  ])("%s", (_name, answers, visible, missing) => {
    expect([...visibleQuestionIds(conditional, answers)]).toEqual(visible);
    expect(missingRequired(conditional, answers)).toEqual(missing);
  });

  it("ignores answers of hidden questions when scoring and clears them", () => {
    const answers = { A: "no", B: 80 };
    expect(effectiveAnswers(conditional, answers)).toEqual({ A: "no" });
    expect(scoreAnswers(conditional, answers).map((s) => s.question.id)).toEqual(["A"]);
    expect(scoreAnswers(conditional, { A: "yes", B: 80 }).map((s) => [s.question.id, s.points])).toEqual([
      ["A", 0],
      ["B", 5],
    ]);
  });

  it.each([
    ["a later question", { questionId: "Z", equals: "yes" }, "A"],
    ["itself", { questionId: "A", equals: "yes" }, "A"],
  ])("rejects a condition on %s", (_n, visibleWhen) => {
    const bad = {
      ...conditional,
      questions: [{ ...conditional.questions[0], visibleWhen }, ...conditional.questions.slice(1)],
    };
    expect(templateSchema.safeParse(bad).success).toBe(false);
  });
});

describe("translations", () => {
  const t: Template = templateSchema.parse({
    ...conditional,
    questions: conditional.questions.map((x) => (x.id === "C" ? { ...x, help: "Pick all" } : x)),
    translations: {
      es: {
        title: "T-es",
        sections: { s: { title: "S-es" } },
        questions: {
          A: { text: "¿Trabajadores de agencia?" },
          C: { text: "¿Cuáles?", options: { m: "M-es" } },
        },
      },
    },
  });

  it("localizes what exists and falls back to English string by string", () => {
    const es = localizeTemplate(t, "es");
    expect(es.language).toBe("es");
    expect(es.translations).toBeUndefined();
    expect(es.title).toBe("T-es");
    expect(es.intro).toBe("");
    expect(es.sections[0].title).toBe("S-es");
    expect(es.questions[0].text).toBe("¿Trabajadores de agencia?");
    expect(es.questions[1].text).toBe("Share of agency workers?");
    expect(es.questions[2].options).toEqual([
      { value: "m", label: "M-es" },
      { value: "n", label: "N" },
    ]);
    expect(es.questions[2].help).toBe("Pick all");
    expect(parseTemplate(JSON.stringify(es))).toEqual(es);
  });

  it("returns English for a language without translations, and lists languages", () => {
    const fr = localizeTemplate(t, "fr");
    expect(fr.language).toBe("en");
    expect(fr.questions[0].text).toBe("Agency workers?");
    expect(templateLanguages(t)).toEqual(["en", "es"]);
    expect(localizeQuestion(t.questions[0], "es", t).text).toBe("¿Trabajadores de agencia?");
  });

  it("reports missing translations by key", () => {
    const keys = translatableStrings(t).map((s) => s.key);
    expect(keys).toContain("question.C.option.m");
    const missing = missingTranslations(t, "es");
    expect(missing).not.toContain("title");
    expect(missing).not.toContain("question.C.option.m");
    expect(missing).toContain("question.C.option.n");
    expect(missing).toContain("question.C.help");
    expect(missingTranslations(t, "en")).toEqual([]);
  });

  it("formats answers with localized words and labels", () => {
    const es = localizeTemplate(t, "es");
    expect(formatAnswer(es.questions[0], "yes", "es")).toBe("Sí");
    expect(formatAnswer(es.questions[2], ["m", "n"], "es")).toBe("M-es; N");
    expect(formatAnswer(naYesNo, NOT_APPLICABLE, "fr")).toBe("Sans objet");
    expect(formatAnswer(date, null, "tr")).toBe("Yanıtlanmadı");
    expect(formatAnswer(file, ["a", "b"])).toBe("2 file(s)");
  });
});

describe("v1 snapshots stored before the model grew", () => {
  it("still parse unchanged and score as before", () => {
    const t = parseTemplate(JSON.stringify(v1Snapshot));
    expect(t.version).toBe("1");
    expect(t.questions.length).toBe(v1Snapshot.questions.length);
    expect(JSON.parse(JSON.stringify(t))).toEqual(v1Snapshot);
    const po1 = t.questions.find((x) => x.id === "PO1")!;
    // v1 controls ask for no evidence, so their credit is unchanged.
    expect(scoreAnswer(po1, "yes")).toEqual({ points: -5, redFlag: false });
    expect(localizeTemplate(t, "es").questions[0].text).toBe(t.questions[0].text);
  });
});
