import { scoreSupplier } from "~/risk/score";
import { countryTip } from "~/risk/tip.server";
import { countryName } from "~/suppliers/countries";
import type { RiskLevel } from "~db/schema/suppliers.constants";

export type FreshRisk = { score: number; level: RiskLevel; modelVersion: string; factorsJson: string };

/**
 * A supplier created by an import has no questionnaire answers, audit findings or remediation tasks yet,
 * so its risk depends on its country alone: the same inputs gatherRiskInputs reads for a fresh supplier
 * (no signals, findings or overdue tasks), scored once per country instead of once per row.
 */
export function freshRiskByCountry(): (country: string) => FreshRisk {
  const cache = new Map<string, FreshRisk>();
  return (country) => {
    let hit = cache.get(country);
    if (!hit) {
      const result = scoreSupplier({
        country: { code: country, name: countryName(country), tip: countryTip(country) },
        signals: [],
        openFindings: [],
        overdueTasks: [],
      });
      hit = {
        score: result.score,
        level: result.level,
        modelVersion: result.modelVersion,
        factorsJson: JSON.stringify(result.factors),
      };
      cache.set(country, hit);
    }
    return hit;
  };
}
