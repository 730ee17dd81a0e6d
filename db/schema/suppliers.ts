import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./_columns";
import { organizations } from "./orgs";

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const suppliers = sqliteTable(
  "suppliers",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** ISO 3166-1 alpha-2 */
    country: text("country").notNull(),
    sector: text("sector").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    /** Shortest distance from the buying organisation: 1 = direct supplier. Maintained on link changes. */
    tier: integer("tier").notNull().default(1),
    /** Latest risk score, denormalised from risk_assessments for listing. */
    riskScore: integer("risk_score"),
    riskLevel: text("risk_level", { enum: RISK_LEVELS }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("suppliers_org_name").on(t.organizationId, t.name),
    index("suppliers_org_country").on(t.organizationId, t.country),
  ],
);

/**
 * Directed supply-chain edges. parent_supplier_id NULL means the buying organisation itself
 * (a tier-1 relationship). A supplier may have several parents.
 */
export const supplierLinks = sqliteTable(
  "supplier_links",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    parentSupplierId: text("parent_supplier_id").references(() => suppliers.id, { onDelete: "cascade" }),
    childSupplierId: text("child_supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("supplier_links_edge").on(t.organizationId, t.parentSupplierId, t.childSupplierId),
    index("supplier_links_child").on(t.childSupplierId),
    index("supplier_links_parent").on(t.parentSupplierId),
  ],
);
