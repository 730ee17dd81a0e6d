import type { FindingGrade } from "~db/schema/audits.constants";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import type { AnswerSignal } from "./signals";
import { tipSourceText, type TipPlacement } from "./tip";

/**
 * Clearsource supplier risk model, v1.
 *
 * score = country risk + answer signals + open audit findings + overdue remediation, clamped to 0–100,
 * then lifted to a floor when something grave is present. Every point appears as one factor line, so the
 * factor points always add up to the score (clamps and floors are lines of their own).
 *
 * Levels: low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical.
 */
export const MODEL_VERSION = "clearsource-risk-v1";

export const LEVEL_THRESHOLDS = { medium: 25, high: 50, critical: 75 } as const;

/** Country points by the latest TIP placement; "absent" = Tier 1 or 2 (not on the Watch List). */
export const TIP_POINTS = { "Tier 3": 35, "Special Case": 25, "Tier 2 Watch List": 15, absent: 0 } as const;

export const FINDING_POINTS: Record<FindingGrade, number> = {
  zero_tolerance: 40,
  critical: 25,
  major: 10,
  minor: 4,
  observation: 1,
};

/** Any red-flag answer makes the supplier at least "high". */
export const RED_FLAG_FLOOR = 60;
/** An open zero-tolerance finding makes the supplier "critical". */
export const ZERO_TOLERANCE_FLOOR = 85;
/** An open remediation task past its due date. */
export const OVERDUE_TASK_POINTS = 5;

export type RiskFactor = { factor: string; points: number; source: string };

export type ScoreInputs = {
  country: { code: string; name: string; tip: TipPlacement };
  signals: AnswerSignal[];
  openFindings: {
    id: string;
    title: string;
    grade: FindingGrade;
    iloIndicator?: string | null;
    source: string;
  }[];
  overdueTasks: { id: string; title: string; dueDate: string }[];
};

export type ScoreResult = { score: number; level: RiskLevel; factors: RiskFactor[]; modelVersion: string };

export function levelFor(score: number): RiskLevel {
  if (score >= LEVEL_THRESHOLDS.critical) return "critical";
  if (score >= LEVEL_THRESHOLDS.high) return "high";
  if (score >= LEVEL_THRESHOLDS.medium) return "medium";
  return "low";
}

const GRADE_LABEL: Record<FindingGrade, string> = {
  zero_tolerance: "Zero-tolerance",
  critical: "Critical",
  major: "Major",
  minor: "Minor",
  observation: "Observation",
};

export function scoreSupplier(inputs: ScoreInputs): ScoreResult {
  const factors: RiskFactor[] = [];
  const { tip } = inputs.country;

  factors.push({
    factor: `Country: ${inputs.country.name} (${inputs.country.code})`,
    points: tip.tier ? TIP_POINTS[tip.tier] : TIP_POINTS.absent,
    source: tipSourceText(tip),
  });

  for (const s of inputs.signals) {
    factors.push({
      factor: `${s.redFlag ? "Red flag: " : ""}${s.question} — answered "${s.answer}"`,
      points: s.points,
      source: s.source + (s.iloIndicators.length ? ` · ILO indicator ${s.iloIndicators.join(", ")}` : ""),
    });
  }

  for (const f of inputs.openFindings) {
    factors.push({
      factor: `Open ${GRADE_LABEL[f.grade].toLowerCase()} finding: ${f.title}`,
      points: FINDING_POINTS[f.grade],
      source: f.source + (f.iloIndicator ? ` · ILO indicator ${f.iloIndicator}` : ""),
    });
  }

  for (const t of inputs.overdueTasks) {
    factors.push({
      factor: `Overdue remediation: ${t.title}`,
      points: OVERDUE_TASK_POINTS,
      source: `Remediation task due ${t.dueDate}`,
    });
  }

  const raw = factors.reduce((sum, f) => sum + f.points, 0);
  let score = Math.min(100, Math.max(0, raw));
  if (score !== raw) {
    factors.push({
      factor: raw > 100 ? "Capped at 100" : "Raised to 0 (the scale starts at 0)",
      points: score - raw,
      source: `Risk model ${MODEL_VERSION}`,
    });
  }

  const floors: { floor: number; factor: string; source: string }[] = [];
  const zeroTolerance = inputs.openFindings.filter((f) => f.grade === "zero_tolerance");
  if (zeroTolerance.length) {
    floors.push({
      floor: ZERO_TOLERANCE_FLOOR,
      factor: `Floor: open zero-tolerance finding keeps the score at ${ZERO_TOLERANCE_FLOOR} or above`,
      source: zeroTolerance.map((f) => f.source).join("; "),
    });
  }
  const redFlags = inputs.signals.filter((s) => s.redFlag);
  if (redFlags.length) {
    floors.push({
      floor: RED_FLAG_FLOOR,
      factor: `Floor: red-flag answer keeps the score at ${RED_FLAG_FLOOR} or above`,
      source: redFlags.map((s) => s.source).join("; "),
    });
  }
  const top = floors.sort((a, b) => b.floor - a.floor)[0];
  if (top && score < top.floor) {
    factors.push({ factor: top.factor, points: top.floor - score, source: top.source });
    score = top.floor;
  }

  return { score, level: levelFor(score), factors, modelVersion: MODEL_VERSION };
}
