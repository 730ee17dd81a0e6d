import { describe, expect, it } from "vitest";
import { BUILTIN_FORCED_LABOUR_LATEST as saq } from "~/questionnaires/builtin";
import { missingRequired, scoreAnswers, validateAnswer, type AnswerValue } from "~/questionnaires/model";
import { demoAnswers } from "./answers";
import { DEMO_SUPPLIERS } from "./catalogue";
import { prng } from "./prng";

const day = (n: number) => new Date(Date.UTC(2026, 5, 1) - n * 86_400_000).toISOString().slice(0, 10);

function answered(key: string, seed = 1) {
  const s = DEMO_SUPPLIERS.find((x) => x.key === key)!;
  const raw = demoAnswers(saq, s, prng(seed), day);
  const values: Record<string, AnswerValue> = {};
  for (const q of saq.questions) {
    const r = raw[`q.${q.id}`];
    if (r === undefined) continue;
    const v = validateAnswer(q, r);
    expect(v.ok, `${key} ${q.id}: ${JSON.stringify(r)}`).toBe(true);
    if (v.ok) values[q.id] = v.value;
  }
  return { raw, values };
}

describe("demo answers", () => {
  it("answers every required visible question validly, for every answering supplier", () => {
    for (const s of DEMO_SUPPLIERS.filter((x) => x.answers)) {
      const { values } = answered(s.key);
      expect(missingRequired(saq, values), s.key).toEqual([]);
    }
  });

  it("gives red flags only to red-flag profiles, and the same answers for the same seed", () => {
    const flags = (key: string) =>
      scoreAnswers(saq, answered(key).values, {})
        .filter((x) => x.redFlag)
        .map((x) => x.question.id);
    expect(flags("saigon")).toEqual([]);
    expect(flags("lodz")).toEqual([]);
    expect(flags("songkhla")).toContain("R3");
    expect(answered("songkhla", 5).raw).toEqual(answered("songkhla", 5).raw);
  });
});
