import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { organizations, users } from "./orgs";
import { OVERRIDE_STATUSES, RISK_JOB_STATUSES } from "./risk.constants";
import { suppliers } from "./suppliers";
import { RISK_COVERAGE, RISK_LEVELS } from "./suppliers.constants";

/**
 * Every computed score is kept (history), with the model version, the factor lines that explain it, the
 * resolved inputs and the reference-data editions: `rederiveAssessment` recomputes a stored row exactly.
 * score / level are the supplier's own residual risk (upstream exposure lives on the supplier row).
 */
export const riskAssessments = sqliteTable(
  "risk_assessments",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    level: text("level", { enum: RISK_LEVELS }).notNull(),
    modelVersion: text("model_version").notNull(),
    /** JSON array of { part, factor, points, source, edition? } lines. */
    factors: text("factors", { mode: "json" }).notNull(),
    trigger: text("trigger").notNull(),
    /** v2: inherent score and assessment coverage beside the residual score. Null on v1 rows. */
    inherentScore: integer("inherent_score"),
    coverage: text("coverage", { enum: RISK_COVERAGE }),
    /**
     * v2: the model's input (RiskInputs), so the row re-derives without today's reference files. When
     * sharedInputs is set, this holds the supplier's own part only (sites, answers, audits, findings,
     * actions, evidence) and the rest is the risk_input_parts row it names: read through `storedInputs`.
     */
    inputs: text("inputs", { mode: "json" }),
    /** Content hash of the shared part of the inputs (asOf, settings, editions, supplier, country, goods). */
    sharedInputs: text("shared_inputs"),
    /** v2: { tip, ilabGoods, ilabCountry, uflpa, sectors } editions used. */
    editions: text("editions", { mode: "json" }),
    /** What changed against the previous assessment (e.g. "TIP edition 2024 → 2025; goods: Cotton matched"). */
    changeNote: text("change_note"),
    computedAt: createdAt(),
  },
  (t) => [index("risk_org_supplier").on(t.organizationId, t.supplierId, t.computedAt)],
);

/**
 * The part of an assessment's inputs many suppliers share (the day, settings, editions and the reference
 * facts of their country, sector and goods), stored once per organisation by its SHA-256: an
 * organisation-wide recompute would otherwise write the same ~1 KB into tens of thousands of rows.
 */
export const riskInputParts = sqliteTable(
  "risk_input_parts",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    body: text("body", { mode: "json" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.hash] })],
);

/**
 * The latest answer signals of each supplier, written by risk whenever the questionnaire side triggers a
 * recompute: a full recompute (new model or reference edition) reads these rows instead of re-scoring
 * every questionnaire snapshot.
 */
export const supplierRiskInputs = sqliteTable("supplier_risk_inputs", {
  supplierId: text("supplier_id")
    .primaryKey()
    .references(() => suppliers.id, { onDelete: "cascade" }),
  organizationId: text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** JSON RiskInputs["answers"]; null when no questionnaire counts yet. */
  answers: text("answers", { mode: "json" }),
  updatedAt: timestamp("updated_at").notNull(),
});

/** Per-organisation model settings (ages after which coverage lapses). */
export const riskSettings = sqliteTable("risk_settings", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  auditMaxAgeMonths: integer("audit_max_age_months").notNull().default(24),
  /** Model version + reference editions the organisation's scores were last fully recomputed with. */
  appliedFingerprint: text("applied_fingerprint"),
  /**
   * The day (YYYY-MM-DD) as of which the daily refresh last brought time-dependent inputs up to date
   * (evidence expiry, overdue actions, ageing answers and audits): its next run rescores only suppliers
   * with such a date between this day and its own. Null before the first run.
   */
  refreshedOn: text("refreshed_on"),
  updatedAt: timestamp("updated_at").notNull(),
});

/** A manual risk level: requested with a justification, approved by a second person, expiring on a date. */
export const riskOverrides = sqliteTable(
  "risk_overrides",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    level: text("level", { enum: RISK_LEVELS }).notNull(),
    justification: text("justification").notNull(),
    expiresOn: text("expires_on").notNull(), // YYYY-MM-DD, last day the override applies
    status: text("status", { enum: OVERRIDE_STATUSES }).notNull().default("pending"),
    /** The computed score and level when the override was requested, kept for the record. */
    computedScore: integer("computed_score"),
    computedLevel: text("computed_level", { enum: RISK_LEVELS }),
    requestedByUserId: text("requested_by_user_id")
      .notNull()
      .references(() => users.id),
    requestedByLabel: text("requested_by_label").notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    decidedByLabel: text("decided_by_label"),
    decisionNote: text("decision_note"),
    decidedAt: timestamp("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("risk_overrides_org_supplier").on(t.organizationId, t.supplierId, t.createdAt)],
);

/** An organisation-wide recompute (new model version or reference edition), run in the background. */
export const riskJobs = sqliteTable(
  "risk_jobs",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    status: text("status", { enum: RISK_JOB_STATUSES }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    /** Resume point: suppliers are processed in id order. */
    cursor: text("cursor"),
    error: text("error"),
    requestedByLabel: text("requested_by_label").notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("risk_jobs_org").on(t.organizationId, t.createdAt)],
);
