import { type FindingGrade, FINDING_GRADES } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";

export type GradePolicy = { planDays: number; resolutionDays: number };
export type GradeTable = Record<FindingGrade, GradePolicy>;

/**
 * Defaults from the schemes (domain.md §5, §9): zero tolerance (violence, retained documents, bonded
 * labour) needs a plan at once; RBA wants a plan within 7 days for Priority findings and 14 otherwise,
 * with resolution windows of 90 / 180 / 270 days for Priority / Major / Minor. Zero tolerance must be
 * resolved within 30 days; observations are improvement areas with a year.
 */
export const DEFAULT_GRADE_TABLE: GradeTable = {
  zero_tolerance: { planDays: 0, resolutionDays: 30 },
  critical: { planDays: 7, resolutionDays: 90 },
  major: { planDays: 14, resolutionDays: 180 },
  minor: { planDays: 14, resolutionDays: 270 },
  observation: { planDays: 30, resolutionDays: 365 },
};

export const MAX_POLICY_DAYS = 730;

export function mergeGradeTable(rows: { grade: FindingGrade; planDays: number; resolutionDays: number }[]) {
  const table: GradeTable = { ...DEFAULT_GRADE_TABLE };
  for (const r of rows) table[r.grade] = { planDays: r.planDays, resolutionDays: r.resolutionDays };
  return table;
}

/** YYYY-MM-DD, UTC, `days` after `from`. */
export function addDays(from: Date, days: number): string {
  const d = new Date(from.getTime());
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function deadlinesFor(grade: FindingGrade, raisedAt: Date, table: GradeTable = DEFAULT_GRADE_TABLE) {
  const p = table[grade];
  return { planDueDate: addDays(raisedAt, p.planDays), dueDate: addDays(raisedAt, p.resolutionDays) };
}

/**
 * What a red-flag answer weighs, by the ILO indicators it informs: physical violence, retained identity
 * documents and debt bondage are zero tolerance (a plan at once, never "30 days like everything else");
 * restriction of movement, threats and withheld wages are critical; the other indicators major.
 */
const ZERO_TOLERANCE_INDICATORS = new Set([5, 7, 9]);
const CRITICAL_INDICATORS = new Set([3, 6, 8]);

export function gradeForRedFlag(iloIndicators: string | number[] | null | undefined): FindingGrade {
  const numbers = Array.isArray(iloIndicators)
    ? iloIndicators
    : String(iloIndicators ?? "")
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number);
  if (numbers.some((n) => ZERO_TOLERANCE_INDICATORS.has(n))) return "zero_tolerance";
  if (numbers.some((n) => CRITICAL_INDICATORS.has(n))) return "critical";
  return "major";
}

/** States in which the supplier still owes a plan. */
export const AWAITING_PLAN: readonly ActionState[] = ["open", "plan_returned", "reopened"];
/** States in which the action is resolved (nothing is overdue any more). */
export const RESOLVED: readonly ActionState[] = ["verified", "closed"];

export type OverdueKind = "plan" | "resolution" | null;

/** Which deadline an action has missed, on `today` (YYYY-MM-DD): the resolution deadline weighs more. */
export function overdueKind(
  a: { state: ActionState; planDueDate: string | null; dueDate: string },
  today: string,
): OverdueKind {
  if (RESOLVED.includes(a.state)) return null;
  if (a.dueDate < today) return "resolution";
  if (AWAITING_PLAN.includes(a.state) && a.planDueDate !== null && a.planDueDate < today) return "plan";
  return null;
}

export function isGrade(v: unknown): v is FindingGrade {
  return typeof v === "string" && (FINDING_GRADES as readonly string[]).includes(v);
}

const GRADE_RANK = new Map<FindingGrade, number>(FINDING_GRADES.map((g, i) => [g, i]));

/**
 * Deadlines after a finding is graded again on `at` (a follow-up audit): the new grade's windows from
 * that day; when the grade got graver they never give more time than the deadlines already set.
 */
export function regradedDeadlines(
  current: { planDueDate: string | null; dueDate: string },
  from: FindingGrade,
  to: FindingGrade,
  at: Date,
  table: GradeTable = DEFAULT_GRADE_TABLE,
): { planDueDate: string; dueDate: string } {
  const fresh = deadlinesFor(to, at, table);
  if (GRADE_RANK.get(to)! >= GRADE_RANK.get(from)!) return fresh;
  const earlier = (a: string | null, b: string) => (a !== null && a < b ? a : b);
  return {
    planDueDate: earlier(current.planDueDate, fresh.planDueDate),
    dueDate: earlier(current.dueDate, fresh.dueDate),
  };
}
