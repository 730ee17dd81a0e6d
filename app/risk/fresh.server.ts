import { db, type DbOrTx } from "~/infra/db.server";
import { inherentFacts, riskSettingsOf } from "./gather.server";
import { scoreRisk, type RiskInputs } from "./model";
import { referenceData } from "./reference.server";
import { sharedPart, splitInputs } from "./stored-inputs.server";

/** A new supplier's first score, with the columns bulk writers (imports, benchmarks) store as they are. */
export type FreshRisk = {
  score: number;
  level: string;
  inherent: number;
  coverage: string;
  headline: string;
  modelVersion: string;
  factorsJson: string;
  /**
   * The inputs as stored (D33): the supplier's own part (no sites, answers, audits …) for the
   * assessment's `inputs`, and the shared part (day, settings, editions, reference facts), which goes once
   * per organisation into risk_input_parts under `sharedHash` (the assessment's `shared_inputs`).
   */
  ownInputsJson: string;
  sharedHash: string;
  sharedJson: string;
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
  const split = splitInputs(inputs);
  const shared = sharedPart(split.shared);
  const own = split.own;
  return {
    score: r.residual.score,
    level: r.residual.level,
    inherent: r.inherent.score,
    coverage: r.coverage.state,
    headline: r.headline,
    modelVersion: r.modelVersion,
    factorsJson: JSON.stringify([...r.inherent.lines, ...r.residual.lines]),
    ownInputsJson: JSON.stringify(own),
    sharedHash: shared.hash,
    sharedJson: shared.json,
    editionsJson: JSON.stringify(inputs.editions),
  };
}
