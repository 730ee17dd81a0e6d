import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import {
  localizeTemplate,
  missingTranslations,
  scoreAnswer,
  scoreAnswers,
  translatableStrings,
  UNEVIDENCED_CONTROL_SHARE,
  type AnswerValue,
} from "../model";
import { parseTemplate } from "../model.schema";
import { FORCED_LABOUR_SAQ_V1 } from "./forced-labour-saq.v1";
import { FORCED_LABOUR_SAQ_V2 } from "./forced-labour-saq.v2";
import { BUILTIN_FORCED_LABOUR_LATEST, BUILTIN_VERSIONS } from ".";

const t = FORCED_LABOUR_SAQ_V2;
const q = (id: string) => t.questions.find((x) => x.id === id)!;

describe("built-in forced-labour SAQ v2", () => {
  it("is the latest built-in version; v1 stays available for old assignments", () => {
    expect(BUILTIN_FORCED_LABOUR_LATEST).toBe(t);
    expect(t.version).toBe("2");
    expect(BUILTIN_VERSIONS["forced-labour-saq@1"]).toBe(FORCED_LABOUR_SAQ_V1);
    expect(BUILTIN_VERSIONS["forced-labour-saq@2"]).toBe(t);
    expect(parseTemplate(JSON.stringify(t))).toEqual(t);
  });

  it("has 40–70 questions in the sections of the SAQ (domain §4)", () => {
    expect(t.questions.length).toBeGreaterThanOrEqual(40);
    expect(t.questions.length).toBeLessThanOrEqual(70);
    expect(t.sections.map((s) => s.id)).toEqual([
      "profile",
      "workforce",
      "policies",
      "recruitment",
      "contracts",
      "documents",
      "movement",
      "wages",
      "hours",
      "grievance",
      "sub-suppliers",
      "audits",
      "incidents",
      "declaration",
    ]);
    for (const s of t.sections)
      expect(
        t.questions.some((x) => x.section === s.id),
        s.id,
      ).toBe(true);
  });

  it("covers all 11 ILO indicators, and every scored question says which it informs or is an inherent-risk input", () => {
    const covered = new Set(t.questions.flatMap((x) => x.iloIndicators));
    expect([...covered].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const inherent = new Set(["profile", "sub-suppliers", "audits", "incidents", "declaration"]);
    for (const x of t.questions)
      if (x.iloIndicators.length === 0)
        expect(inherent.has(x.section), `${x.id} names no indicator`).toBe(true);
  });

  it("uses every answer type and a condition that refers to an earlier question", () => {
    expect(new Set(t.questions.map((x) => x.type))).toEqual(
      new Set([
        "yes_no",
        "choice",
        "multi_choice",
        "number",
        "percentage",
        "short_text",
        "text",
        "date",
        "file",
      ]),
    );
    expect(t.questions.filter((x) => x.visibleWhen).length).toBeGreaterThanOrEqual(10);
    expect(t.questions.some((x) => x.allowNotApplicable)).toBe(true);
  });

  it.each<[string, AnswerValue, number]>([
    ["I1", "yes", 7], // identity documents held by the site
    ["I3", "yes", 7], // … or by a recruiter
    ["R3", "yes", 9], // workers paid recruitment fees
    ["R7", "no", 9], // cannot leave before a debt is repaid
    ["WG1", "yes", 8], // wages withheld or deducted
    ["F1", "no", 3], // cannot leave the premises
    ["F2", "no", 3], // cannot resign
    ["G3", "yes", 6], // threats
    ["G4", "yes", 5], // violence as punishment
  ])("%s = %s is a red flag informing ILO %i", (id, value, ilo) => {
    const score = scoreAnswer(q(id), value);
    expect(score.redFlag).toBe(true);
    expect(score.points).toBeGreaterThanOrEqual(20);
    expect(q(id).iloIndicators).toContain(ilo);
  });

  it("credits controls fully only with the requested evidence", () => {
    for (const id of ["PO1", "PO3", "PO4", "R2", "C1", "WG5", "G1", "S1", "X3"]) {
      const control = q(id);
      expect(control.rule.control, id).toBe(true);
      expect(control.evidence?.request, id).toMatch(/^Upload/);
      const full = scoreAnswer(control, "yes", { evidenceCount: 1 }).points;
      const bare = scoreAnswer(control, "yes").points;
      expect(full, id).toBeLessThan(0);
      expect(bare, id).toBe(Math.trunc(full * UNEVIDENCED_CONTROL_SHARE));
    }
  });

  it("ignores follow-up answers when the triggering answer hides them", () => {
    const answers = { R3: "no", R4: 5000, R5: "no" };
    expect(scoreAnswers(t, answers).map((s) => s.question.id)).toEqual(["R3"]);
    const admitted = scoreAnswers(t, { R3: "yes", R4: 5000, R5: "no" });
    expect(admitted.map((s) => [s.question.id, s.points])).toEqual([
      ["R3", 25],
      ["R4", 10],
      ["R5", 10],
    ]);
  });

  describe.each(LANGUAGE_CODES.filter((l) => l !== "en"))("translation %s", (lang) => {
    it("has every question text, help, unit, option label, evidence request and section title", () => {
      expect(missingTranslations(t, lang)).toEqual([]);
    });

    it("translates nothing that does not exist, and changes the text of every question", () => {
      const tr = t.translations![lang]!;
      expect(Object.keys(tr.sections ?? {}).sort()).toEqual(t.sections.map((s) => s.id).sort());
      for (const [id, qt] of Object.entries(tr.questions ?? {})) {
        const source = t.questions.find((x) => x.id === id);
        expect(source, `${lang}: unknown question ${id}`).toBeDefined();
        for (const v of Object.keys(qt.options ?? {}))
          expect(
            source!.options?.map((o) => o.value),
            `${lang} ${id}`,
          ).toContain(v);
        if (qt.help) expect(source!.help, `${lang} ${id}: help without source`).not.toBe("");
        if (qt.evidenceRequest) expect(source!.evidence, `${lang} ${id}`).toBeDefined();
      }
      const localized = localizeTemplate(t, lang);
      expect(localized.language).toBe(lang);
      for (const [i, x] of localized.questions.entries())
        expect(x.text, `${lang} ${x.id}`).not.toBe(t.questions[i].text);
      // Scoring is language-independent: option values never change.
      expect(localized.questions.map((x) => x.options?.map((o) => o.value))).toEqual(
        t.questions.map((x) => x.options?.map((o) => o.value)),
      );
    });
  });

  it("has a string table large enough to be the whole questionnaire", () => {
    expect(translatableStrings(t).length).toBeGreaterThan(130);
  });
});
