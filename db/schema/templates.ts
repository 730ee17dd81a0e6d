import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { TEMPLATE_VERSION_STATUSES } from "./templates.constants";

/** An organisation's own questionnaire (cloned from the built-in one or started blank). */
export const questionnaireTemplates = sqliteTable(
  "questionnaire_templates",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** "builtin:forced-labour-saq@2" when cloned, null when started blank. */
    basedOn: text("based_on"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("questionnaire_templates_org").on(t.organizationId)],
);

/**
 * One version of a template. A draft is edited in place; publishing freezes it (content never changes again,
 * enforced by the verbs and by a trigger) and the next edit starts a new draft version.
 */
export const templateVersions = sqliteTable(
  "template_versions",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    templateId: text("template_id")
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: TEMPLATE_VERSION_STATUSES }).notNull(),
    /** The whole template (model.ts templateSchema) as JSON. */
    content: text("content", { mode: "json" }).notNull(),
    publishedAt: timestamp("published_at"),
    publishedByUserId: text("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("template_versions_template_version").on(t.templateId, t.version),
    index("template_versions_org").on(t.organizationId, t.status),
  ],
);
