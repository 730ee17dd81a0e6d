/** Enum values of the suppliers tables: no drizzle import, so browser code can use them. */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SUPPLIER_STATUSES = ["prospect", "onboarding", "active", "suspended", "offboarded"] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

/** Assessment coverage of a supplier's risk score: "not assessed" is a state of its own, never "low". */
export const RISK_COVERAGE = ["assessed", "partial", "not_assessed"] as const;
export type RiskCoverage = (typeof RISK_COVERAGE)[number];
