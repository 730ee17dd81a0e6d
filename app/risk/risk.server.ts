import type { DbOrTx } from "~/infra/db.server";
import type { Ctx } from "~/infra/context";
import type { RiskLevel } from "../../db/schema/suppliers";

/**
 * Recompute one supplier's risk inside the caller's transaction, store a new risk_assessments row and
 * update the supplier's denormalised score. Owned by the risk capability (being implemented).
 */
export function recomputeSupplierRisk(
  _tx: DbOrTx,
  _ctx: Ctx,
  _supplierId: string,
  _trigger: string,
): { score: number; level: RiskLevel } {
  throw new Error("recomputeSupplierRisk is being implemented by the risk capability");
}
