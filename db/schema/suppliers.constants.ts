/** Enum values of the suppliers tables: no drizzle import, so browser code can use them. */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SUPPLIER_STATUSES = ["prospect", "onboarding", "active", "suspended", "offboarded"] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
