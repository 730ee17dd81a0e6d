import { freshSupplierRisk, type FreshRisk } from "~/risk/fresh.server";

export type { FreshRisk };

/**
 * A supplier created by an import has no sites, answers, audits or actions yet, so its risk depends on
 * its country, sector and goods alone: scored once per distinct combination instead of once per row,
 * with exactly the inputs a later recompute would gather.
 */
export function freshRiskByProfile(
  organizationId: string,
  asOf: string,
): (p: { country: string; sector: string; goods: readonly string[] }) => FreshRisk {
  const cache = new Map<string, FreshRisk>();
  return (p) => {
    const key = `${p.country}\u0000${p.sector}\u0000${p.goods.join("\u0001")}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = freshSupplierRisk(organizationId, asOf, p)));
    return hit;
  };
}
