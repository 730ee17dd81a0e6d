import {
  type GrievanceIndicator,
  type GrievanceState,
  GRIEVANCE_INDICATORS,
} from "~db/schema/grievances.constants";
import { INDICATOR_LABELS } from "./indicators";

/**
 * The worker channel's effectiveness indicators (UNGP 31; issue 12 "Effectiveness"), from the cases
 * received in a period: counts only, never a case's words or anything of its reporter (D28). A site or
 * language with fewer than MIN_CELL reports is not named: such cells are merged into one "other" row, so
 * a count of one never points at the one worker from a small site or a rare language. Indicator counts
 * below MIN_CELL are shown as "fewer than 3". Times are in whole days between the YYYY-MM-DD milestones
 * the cases keep (no time of day exists). Unknown is null, never 0.
 */
export const MIN_CELL = 3;

export type EffectivenessCase = {
  receivedOn: string;
  language: string;
  siteName: string | null;
  indicators: GrievanceIndicator[];
  state: GrievanceState;
  acknowledgedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  /** The case raised a corrective action when it was substantiated. */
  actionId: string | null;
};

export type Cell = { label: string; count: number; merged?: number };
export type IndicatorCell = { key: GrievanceIndicator; label: string; count: number | null };

export type Effectiveness = {
  reports: number;
  bySite: Cell[];
  byLanguage: Cell[];
  byIndicator: IndicatorCell[];
  acknowledge: {
    acknowledged: number;
    medianDays: number | null;
    within7: number;
    pending: number;
    overdue: number;
  };
  close: { closed: number; medianDays: number | null };
  decided: { decided: number; substantiated: number; share: number | null };
  remedies: { records: number; workers: number };
};

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Counts by label, largest first; labels with fewer than MIN_CELL reports merged into `otherLabel`. */
export function cells(labels: string[], otherLabel: string): Cell[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const shown: Cell[] = [];
  let other = 0;
  let merged = 0;
  for (const [label, count] of counts) {
    if (count >= MIN_CELL) shown.push({ label, count });
    else {
      other += count;
      merged++;
    }
  }
  shown.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  if (other > 0) shown.push({ label: otherLabel, count: other, merged });
  return shown;
}

/** A case counts as substantiated when it raised its corrective action and was not later found otherwise. */
export function wasSubstantiated(c: Pick<EffectivenessCase, "actionId" | "state">): boolean {
  return c.actionId !== null && c.state !== "not_substantiated";
}

export function computeEffectiveness(
  cases: EffectivenessCase[],
  remedies: { workers: number }[],
  asOf: string,
  languageName: (code: string) => string,
): Effectiveness {
  const acked = cases.filter((c) => c.acknowledgedOn);
  const ackDays = acked.map((c) => days(c.receivedOn, c.acknowledgedOn!));
  const pending = cases.filter((c) => !c.acknowledgedOn);
  const closed = cases.filter((c) => c.closedOn);
  const decided = cases.filter((c) => c.decidedOn);
  const substantiated = decided.filter(wasSubstantiated).length;
  return {
    reports: cases.length,
    bySite: cells(
      cases.map((c) => c.siteName ?? "No site named"),
      "Other sites (fewer than 3 reports each)",
    ),
    byLanguage: cells(
      cases.map((c) => languageName(c.language)),
      "Other languages (fewer than 3 reports each)",
    ),
    byIndicator: GRIEVANCE_INDICATORS.map((key) => {
      const n = cases.filter((c) => c.indicators.includes(key)).length;
      return { key, label: INDICATOR_LABELS[key], count: n > 0 && n < MIN_CELL ? null : n };
    }),
    acknowledge: {
      acknowledged: acked.length,
      medianDays: median(ackDays),
      within7: ackDays.filter((d) => d <= 7).length,
      pending: pending.length,
      overdue: pending.filter((c) => days(c.receivedOn, asOf) > 7).length,
    },
    close: { closed: closed.length, medianDays: median(closed.map((c) => days(c.receivedOn, c.closedOn!))) },
    decided: {
      decided: decided.length,
      substantiated,
      share: decided.length ? substantiated / decided.length : null,
    },
    remedies: { records: remedies.length, workers: remedies.reduce((n, r) => n + r.workers, 0) },
  };
}
