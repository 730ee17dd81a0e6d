import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { REVIEW_DECISIONS } from "./portal.constants";
import { assignments, supplierPortalSessions } from "./questionnaires";

/**
 * One-time codes that confirm a supplier portal session: the link alone (which can be forwarded) is not
 * enough, the person must also read the mailbox the questionnaire was sent to. Only the code's SHA-256 is
 * kept, bound to the one browser session that asked for it.
 */
export const portalVerificationCodes = sqliteTable(
  "portal_verification_codes",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => supplierPortalSessions.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    /** Wrong guesses against this code; at the limit the code is dead and a new one must be requested. */
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
    consumedAt: timestamp("consumed_at"),
  },
  (t) => [index("portal_codes_session").on(t.sessionId)],
);

/**
 * Every change to an answer, per review round: what the buyer sees as a question's history. Round 1 is the
 * first submission; each "return to supplier" opens the next round.
 */
export const answerRevisions = sqliteTable(
  "questionnaire_answer_revisions",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    round: integer("round").notNull(),
    /** JSON answer value as stored in questionnaire_answers (null = cleared). */
    value: text("value", { mode: "json" }),
    actorType: text("actor_type", { enum: ["supplier", "user", "system"] }).notNull(),
    actorLabel: text("actor_label").notNull(),
    createdAt: createdAt(),
    /** Consecutive autosaves by the same person in the same round refresh one row (see portal.server.ts). */
    updatedAt: updatedAt(),
  },
  (t) => [index("answer_revisions_assignment_question").on(t.assignmentId, t.questionId, t.createdAt)],
);

/**
 * The buyer's decision on one question in one round: accepted, or returned with a comment. Returned
 * comments are drafts until "Return to supplier" stamps `sentAt`; from then on the supplier sees them and
 * may change exactly those questions.
 */
export const reviewComments = sqliteTable(
  "questionnaire_review_comments",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    round: integer("round").notNull(),
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
    comment: text("comment"),
    reviewerUserId: text("reviewer_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewerLabel: text("reviewer_label").notNull(),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("review_comments_question_round").on(t.assignmentId, t.questionId, t.round)],
);
