import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { suppliers } from "./suppliers";
import { BUILTIN_COURSES, COMPLETION_SOURCES, TRAINING_AUDIENCES } from "./training.constants";

/**
 * A training course the organisation offers (s.54(5)(f); Canada item 6; California (5)). Courses the
 * organisation runs itself are written by its members; the built-in portal course gets one row per
 * organisation (`builtin` set) the first time a supplier's staff member passes it.
 */
export const trainingCourses = sqliteTable(
  "training_courses",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    audience: text("audience", { enum: TRAINING_AUDIENCES }).notNull(),
    /** The language it is taught in (an intake language code); the built-in course is taught in eight. */
    language: text("language").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    builtin: text("builtin", { enum: BUILTIN_COURSES }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("training_courses_title").on(t.organizationId, t.title),
    uniqueIndex("training_courses_builtin").on(t.organizationId, t.builtin),
  ],
);

/**
 * One person's completion of one course on one day. `learner_key` (the e-mail address, else the name,
 * lower-cased) counts people once and refuses the same completion recorded twice.
 */
export const trainingCompletions = sqliteTable(
  "training_completions",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    courseId: text("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    learnerName: text("learner_name").notNull(),
    learnerEmail: text("learner_email"),
    learnerKey: text("learner_key").notNull(),
    /** The supplier whose staff member it was (supplier-audience courses). */
    supplierId: text("supplier_id").references(() => suppliers.id, { onDelete: "set null" }),
    /** YYYY-MM-DD. */
    completedOn: text("completed_on").notNull(),
    source: text("source", { enum: COMPLETION_SOURCES }).notNull(),
    /** Quiz score in percent (the portal course; imports may carry one). */
    scorePercent: integer("score_percent"),
    /** The language the course was taken in, when it is taught in several. */
    language: text("language"),
    /** The questionnaire assignment whose portal link the built-in course was taken through. */
    assignmentId: text("assignment_id"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("training_completions_once").on(t.courseId, t.learnerKey, t.completedOn),
    index("training_completions_org_day").on(t.organizationId, t.completedOn),
  ],
);

/**
 * How many staff were expected to train in a calendar year: the denominator of the staff completion
 * rate. Without it the rate is "not known", never a percentage of nothing.
 */
export const trainingHeadcounts = sqliteTable(
  "training_headcounts",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    staffInScope: integer("staff_in_scope").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);
