import { describe, expect, it } from "vitest";
import { levelFor, MODEL_VERSION, scoreSupplier, type ScoreInputs } from "./score";
import type { AnswerSignal } from "./signals";
import type { TipPlacement } from "./tip";

const tip = (tier: TipPlacement["tier"]): TipPlacement => ({ edition: 2025, tier, earlier: [] });
const country = (tier: TipPlacement["tier"] = null) => ({ code: "XX", name: "Testland", tip: tip(tier) });

const signal = (points: number, redFlag = false): AnswerSignal => ({
  questionId: `q${points}`,
  question: "Does the employer hold workers' identity documents?",
  answer: "Yes",
  points,
  redFlag,
  iloIndicators: [7],
  source: "Self-assessment v1 (submitted 2026-01-10), question Q1",
});

const finding = (grade: ScoreInputs["openFindings"][number]["grade"]) => ({
  id: `f-${grade}`,
  title: `A ${grade} finding`,
  grade,
  iloIndicator: "7",
  source: "SMETA audit of 2026-01-05",
});

const inputs = (over: Partial<ScoreInputs> = {}): ScoreInputs => ({
  country: country(),
  signals: [],
  openFindings: [],
  overdueTasks: [],
  ...over,
});

describe("levelFor: low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical", () => {
  it.each([
    [0, "low"],
    [24, "low"],
    [25, "medium"],
    [49, "medium"],
    [50, "high"],
    [74, "high"],
    [75, "critical"],
    [100, "critical"],
  ] as const)("%i → %s", (score, level) => expect(levelFor(score)).toBe(level));
});

describe("scoreSupplier", () => {
  it.each([
    ["absent from TIP list", inputs(), 0, "low"],
    ["TIP Tier 2 Watch List", inputs({ country: country("Tier 2 Watch List") }), 15, "low"],
    ["TIP Special Case", inputs({ country: country("Special Case") }), 25, "medium"],
    ["TIP Tier 3", inputs({ country: country("Tier 3") }), 35, "medium"],
    [
      "Tier 3 + critical finding",
      inputs({ country: country("Tier 3"), openFindings: [finding("critical")] }),
      60,
      "high",
    ],
    [
      "major + minor + observation",
      inputs({ openFindings: [finding("major"), finding("minor"), finding("observation")] }),
      15,
      "low",
    ],
    ["answer points add up", inputs({ signals: [signal(10), signal(8)] }), 18, "low"],
    ["a red flag sets a floor of 60", inputs({ signals: [signal(10, true)] }), 60, "high"],
    [
      "a red flag above the floor keeps its score",
      inputs({ country: country("Tier 3"), signals: [signal(30, true)] }),
      65,
      "high",
    ],
    ["zero tolerance floors at 85", inputs({ openFindings: [finding("zero_tolerance")] }), 85, "critical"],
    [
      "zero tolerance beats the red-flag floor",
      inputs({ signals: [signal(5, true)], openFindings: [finding("zero_tolerance")] }),
      85,
      "critical",
    ],
    [
      "clamped at 100",
      inputs({
        country: country("Tier 3"),
        openFindings: [finding("zero_tolerance"), finding("critical"), finding("critical")],
      }),
      100,
      "critical",
    ],
    ["clamped at 0 (controls cannot go below)", inputs({ signals: [signal(-20)] }), 0, "low"],
    [
      "overdue tasks add 5 each",
      inputs({
        overdueTasks: [
          { id: "t1", title: "Return passports", dueDate: "2026-01-01" },
          { id: "t2", title: "Refund fees", dueDate: "2026-01-02" },
        ],
      }),
      10,
      "low",
    ],
  ])("%s → %i (%s)", (_name, input, score, level) => {
    const result = scoreSupplier(input);
    expect(result.score).toBe(score);
    expect(result.level).toBe(level);
    expect(result.modelVersion).toBe(MODEL_VERSION);
    // Every point is explained: the factor lines add up to the score.
    expect(result.factors.reduce((sum, f) => sum + f.points, 0)).toBe(result.score);
  });

  it("explains the country with the TIP edition and never invents a tier", () => {
    expect(scoreSupplier(inputs({ country: country("Tier 3") })).factors[0]).toEqual({
      factor: "Country: Testland (XX)",
      points: 35,
      source: "TIP Report 2025: Tier 3",
    });
    const absent = scoreSupplier(inputs()).factors[0];
    expect(absent.source).toBe("TIP Report 2025: Tier 1 or 2 (not on the Watch List)");
    expect(absent.points).toBe(0);
  });

  it("mentions an earlier listing without scoring it", () => {
    const r = scoreSupplier(
      inputs({
        country: {
          code: "BJ",
          name: "Benin",
          tip: { edition: 2025, tier: null, earlier: [{ year: 2024, tier: "Tier 2 Watch List" }] },
        },
      }),
    );
    expect(r.score).toBe(0);
    expect(r.factors[0].source).toBe(
      "TIP Report 2025: Tier 1 or 2 (not on the Watch List) (earlier: 2024: Tier 2 Watch List)",
    );
  });

  it("names the question, answer, source and ILO indicator of a red flag, and the floor", () => {
    const r = scoreSupplier(inputs({ signals: [signal(10, true)] }));
    expect(r.factors).toEqual([
      {
        factor: "Country: Testland (XX)",
        points: 0,
        source: "TIP Report 2025: Tier 1 or 2 (not on the Watch List)",
      },
      {
        factor: 'Red flag: Does the employer hold workers\' identity documents? — answered "Yes"',
        points: 10,
        source: "Self-assessment v1 (submitted 2026-01-10), question Q1 · ILO indicator 7",
      },
      {
        factor: "Floor: red-flag answer keeps the score at 60 or above",
        points: 50,
        source: "Self-assessment v1 (submitted 2026-01-10), question Q1",
      },
    ]);
  });

  it("explains the clamp as its own line", () => {
    const r = scoreSupplier(
      inputs({
        country: country("Tier 3"),
        openFindings: [finding("zero_tolerance"), finding("critical"), finding("critical")],
      }),
    );
    expect(r.factors.at(-1)).toEqual({
      factor: "Capped at 100",
      points: -25,
      source: `Risk model ${MODEL_VERSION}`,
    });
    expect(r.factors.find((f) => f.factor.startsWith("Open zero-tolerance finding"))).toMatchObject({
      points: 40,
      source: "SMETA audit of 2026-01-05 · ILO indicator 7",
    });
  });
});
