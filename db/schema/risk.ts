import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./_columns";
import { organizations } from "./orgs";
import { suppliers } from "./suppliers";
import { RISK_LEVELS } from "./suppliers.constants";

/** Every computed score is kept (history), with the model version and the factors that explain it. */
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
    /** JSON array of { factor, points, source } lines. */
    factors: text("factors", { mode: "json" }).notNull(),
    trigger: text("trigger").notNull(),
    computedAt: createdAt(),
  },
  (t) => [index("risk_org_supplier").on(t.organizationId, t.supplierId, t.computedAt)],
);
