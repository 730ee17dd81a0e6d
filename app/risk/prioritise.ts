import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";
import { levelFor } from "./model";

/**
 * Who to engage first, the way LkSG §3(2) and CSDDD Art. 9 ask companies to prioritise: by severity and
 * likelihood of the harm, weighted by the company's leverage (spend, closeness in the chain).
 *
 *   priority = severity (1–4) × likelihood (0.4–1) × leverage (0.3–1) × 25, on 0–100
 *
 * - severity: the level of the supplier's score (its own residual risk or its upstream exposure);
 * - likelihood: 1 when the harm is evidenced (an open finding or a red-flag answer), 0.8 when the
 *   supplier was never assessed (unknown is not unlikely), 0.6 partly assessed, 0.4 assessed;
 * - leverage: annual spend relative to the largest supplier in the same currency (spends in different
 *   currencies are not compared), 0.5 when the spend is unknown, times 1 / 0.8 / 0.6 for tier 1 / 2 / 3+.
 */
export const SEVERITY: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3, critical: 4 };
export const LIKELIHOOD = { evidenced: 1, not_assessed: 0.8, partial: 0.6, assessed: 0.4 } as const;
export const TIER_LEVERAGE = [1, 0.8, 0.6] as const;
export const UNKNOWN_SPEND_LEVERAGE = 0.5;

export type EngagementCandidate = {
  id: string;
  name: string;
  country: string;
  tier: number;
  score: number;
  coverage: RiskCoverage | null;
  headline: string | null;
  evidenced: boolean;
  annualSpend: number | null;
  currency: string | null;
};

export type Engagement = EngagementCandidate & {
  priority: number;
  severity: number;
  likelihood: number;
  leverage: number;
  why: string;
};

export function prioritise(candidates: readonly EngagementCandidate[], limit = 15): Engagement[] {
  const maxSpend = new Map<string, number>();
  for (const c of candidates) {
    if (c.annualSpend !== null && c.currency)
      maxSpend.set(c.currency, Math.max(maxSpend.get(c.currency) ?? 0, c.annualSpend));
  }
  return candidates
    .map((c) => {
      const level = levelFor(c.score);
      const severity = SEVERITY[level];
      const likelihood = c.evidenced ? LIKELIHOOD.evidenced : LIKELIHOOD[c.coverage ?? "not_assessed"];
      const top = c.currency ? maxSpend.get(c.currency) : undefined;
      const spendShare =
        c.annualSpend !== null && top ? Math.max(0.3, c.annualSpend / top) : UNKNOWN_SPEND_LEVERAGE;
      const tierFactor = TIER_LEVERAGE[Math.min(c.tier, 3) - 1];
      const leverage = Math.round(spendShare * tierFactor * 100) / 100;
      const priority = Math.round(severity * likelihood * leverage * 25);
      const why = [
        `severity ${severity} (${level})`,
        `likelihood ${likelihood} (${c.evidenced ? "evidenced" : (c.coverage ?? "not_assessed").replace("_", " ")})`,
        `leverage ${leverage} (${c.annualSpend === null ? "spend unknown" : "spend share"}, tier ${c.tier})`,
      ].join(" × ");
      return { ...c, priority, severity, likelihood, leverage, why };
    })
    .sort((a, b) => b.priority - a.priority || b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
