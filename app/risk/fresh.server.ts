import { db, type DbOrTx } from "~/infra/db.server";
import { inherentFacts, riskSettingsOf } from "./gather.server";
import { scoreRisk, type RiskInputs } from "./model";
import { referenceData } from "./reference.server";

/** A new supplier's first score, with the columns bulk writers (imports, benchmarks) store as they are. */
export type FreshRisk = {
  score: number;
  level: string;
  inherent: number;
  coverage: string;
  headline: string;
  modelVersion: string;
  factorsJson: string;
  inputsJson: string;
  editionsJson: string;
};

/** The same inputs gatherRiskInputs reads for a supplier with no sites, answers, audits or actions. */
export function freshSupplierRisk(
  organizationId: string,
  asOf: string,
  p: { country: string; sector: string; goods: readonly string[]; xinjiangNexus?: boolean },
  tx: DbOrTx = db(),
): FreshRisk {
  const ref = referenceData();
  const inputs: RiskInputs = {
    asOf,
    settings: riskSettingsOf(tx, organizationId),
    ...inherentFacts(ref, {
      country: p.country,
      sector: p.sector,
      goods: [...p.goods],
      xinjiangNexus: p.xinjiangNexus ?? false,
      sites: [],
    }),
    answers: null,
    audits: [],
    findings: [],
    actions: [],
    evidence: [],
  };
  const r = scoreRisk(inputs);
  return {
    score: r.residual.score,
    level: r.residual.level,
    inherent: r.inherent.score,
    coverage: r.coverage.state,
    headline: r.headline,
    modelVersion: r.modelVersion,
    factorsJson: JSON.stringify([...r.inherent.lines, ...r.residual.lines]),
    inputsJson: JSON.stringify(inputs),
    editionsJson: JSON.stringify(inputs.editions),
  };
}
