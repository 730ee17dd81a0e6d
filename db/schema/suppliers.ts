import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./_columns";
import { organizations } from "./orgs";
import { RISK_COVERAGE, RISK_LEVELS, SUPPLIER_STATUSES } from "./suppliers.constants";

export const suppliers = sqliteTable(
  "suppliers",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Registered legal name. */
    name: text("name").notNull(),
    tradeName: text("trade_name"),
    /** The buyer's own id for the supplier (ERP vendor number); unique per organisation; imports match on it. */
    externalRef: text("external_ref"),
    address: text("address"),
    /** JSON array of goods/commodities, ILAB names where they match. */
    goods: text("goods", { mode: "json" }).$type<string[]>().notNull().default([]),
    annualSpend: real("annual_spend"),
    currency: text("currency"),
    status: text("status", { enum: SUPPLIER_STATUSES }).notNull().default("active"),
    /** JSON array of free tags. */
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
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
    /**
     * Risk model v2 (app/risk/model.ts), denormalised for lists, maps and filters: risk_score / risk_level
     * hold the effective score = max(residual, upstream exposure); the parts are kept beside it.
     */
    inherentScore: integer("inherent_score"),
    residualScore: integer("residual_score"),
    coverage: text("coverage", { enum: RISK_COVERAGE }),
    exposureScore: integer("exposure_score"),
    /** JSON { path: [{ id, name, country, tier }], reason, originScore } of the strongest upstream exposure. */
    exposurePath: text("exposure_path", { mode: "json" }),
    /** The main reason behind the supplier's own residual score, quoted in its buyers' exposure paths. */
    riskHeadline: text("risk_headline"),
    /** An approved, unexpired override (risk_overrides), mirrored for lists; expiry is checked on read. */
    overrideLevel: text("override_level", { enum: RISK_LEVELS }),
    overrideExpiresOn: text("override_expires_on"),
    /** The supplier (or its goods) is linked to the Xinjiang Uyghur Autonomous Region (UFLPA presumption). */
    xinjiangNexus: integer("xinjiang_nexus", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The list pages with keyset pagination on (sort key, id): each sort has an index ending in id so a
    // page deep in the list is one index seek, with and without the most common filter (country).
    index("suppliers_org_name").on(t.organizationId, t.name, t.id),
    index("suppliers_org_country").on(t.organizationId, t.country, t.riskScore, t.id),
    // tier and created_at trail the keyset columns so a statement's supply-chain figures (counts per
    // country and tier, first names per country, recorded by the period end) read this index alone.
    index("suppliers_org_country_name").on(t.organizationId, t.country, t.name, t.id, t.tier, t.createdAt),
    uniqueIndex("suppliers_org_external_ref").on(t.organizationId, t.externalRef),
    index("suppliers_org_risk").on(t.organizationId, t.riskScore, t.id),
    index("suppliers_org_spend").on(t.organizationId, t.annualSpend, t.id),
    index("suppliers_org_updated").on(t.organizationId, t.updatedAt, t.id),
    index("suppliers_org_tier").on(t.organizationId, t.tier, t.riskScore, t.id),
    index("suppliers_org_status").on(t.organizationId, t.status, t.riskScore, t.id),
    index("suppliers_org_matrix").on(t.organizationId, t.inherentScore, t.residualScore),
    // Organisation-wide passes in id order (risk recompute chunks, keyset on id alone): without it each
    // chunk of `organization_id = ? and id > ? order by id limit n` scanned and sorted the whole tenant.
    index("suppliers_org_id").on(t.organizationId, t.id),
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
    index("supplier_links_child").on(t.childSupplierId, t.parentSupplierId),
    index("supplier_links_parent").on(t.parentSupplierId, t.childSupplierId),
  ],
);

/** Contacts at a supplier; one is primary (mirrored in suppliers.contact_name / contact_email). */
export const supplierContacts = sqliteTable(
  "supplier_contacts",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    jobTitle: text("job_title"),
    /** Preferred language for emails and the questionnaire (BCP 47, e.g. "es", "zh-Hans"). */
    language: text("language"),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("supplier_contacts_supplier").on(t.organizationId, t.supplierId)],
);

/** Sites / facilities where work for the buyer is done. */
export const sites = sqliteTable(
  "sites",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address"),
    country: text("country").notNull(),
    latitude: real("latitude"),
    longitude: real("longitude"),
    workersTotal: integer("workers_total"),
    /** 0–100 */
    migrantWorkersPct: real("migrant_workers_pct"),
    /** 0–100 */
    agencyWorkersPct: real("agency_workers_pct"),
    /** Employer- or labour-provider-provided housing (dormitories). */
    dormitories: integer("dormitories", { mode: "boolean" }),
    /** Seasonal or peak-season workers are employed at the site. */
    seasonalWork: integer("seasonal_work", { mode: "boolean" }),
    /** The site is in, or sources from, the Xinjiang Uyghur Autonomous Region. */
    xinjiangNexus: integer("xinjiang_nexus", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sites_org_supplier").on(t.organizationId, t.supplierId),
    index("sites_org_country").on(t.organizationId, t.country),
  ],
);
