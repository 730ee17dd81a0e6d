import { and, eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { isSupportedLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from "~/i18n/languages";
import { nowOf } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import type { PortalAccess } from "~/questionnaires/portal-access.server";
import { assignments, organizations, suppliers, trainingCompletions, trainingCourses } from "~db/schema";
import {
  BUILTIN_COURSE_KEY,
  BUILTIN_COURSE_MINUTES,
  BUILTIN_COURSE_TITLE,
  COURSE_PAGES,
  gradeQuiz,
  PASS_MARK,
  QUIZ,
  type QuizResult,
} from "./builtin-course";
import { courseMessages, courseT, type CourseKey } from "./course-i18n.server";
import { cleanLearnerName, LEARNER_NAME_MAX } from "./learner-name";
import { learnerKeyOf } from "./training.server";

/**
 * The built-in course in the supplier portal: anyone at the supplier who holds the confirmed portal
 * link (the questionnaire's recipient, or colleagues they sit with) reads three pages and answers five
 * questions; a pass is recorded as a completion of the organisation's built-in course for that
 * supplier, under the name the learner gives. A fail records nothing (the page says which answers were
 * wrong and offers the pages again).
 */

export type CourseStep = { kind: "page"; index: number } | { kind: "quiz" };

export function parseStep(raw: string | null): CourseStep {
  if (raw === "quiz") return { kind: "quiz" };
  const n = Number(raw ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= COURSE_PAGES.length
    ? { kind: "page", index: n - 1 }
    : { kind: "page", index: 0 };
}

export function courseLanguage(access: PortalAccess, requested: string | null): LanguageCode {
  return isSupportedLanguage(requested) ? requested : access.language;
}

/** What the course page shows, in one language (the strings only; never which answer is right). */
export function portalCourseView(access: PortalAccess, lang: LanguageCode) {
  const row = db()
    .select({ supplier: suppliers.name, org: organizations.name })
    .from(assignments)
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
    .where(
      and(eq(assignments.id, access.assignmentId), eq(assignments.organizationId, access.ctx.organizationId)),
    )
    .get();
  if (!row) throw new NotFoundError("Not found");
  return {
    lang,
    supplier: row.supplier,
    organization: row.org,
    messages: courseMessages(lang),
    pages: COURSE_PAGES,
    quiz: QUIZ.map((q) => ({ name: q.name, text: q.text, choices: q.choices })),
    minutes: BUILTIN_COURSE_MINUTES,
    passMark: PASS_MARK,
    languages: SUPPORTED_LANGUAGES.map((l) => ({ code: l.code, name: l.nativeName })),
  };
}

const NAME_ERRORS = {
  required: "quiz.nameRequired",
  tooLong: "quiz.nameTooLong",
  letters: "quiz.nameLetters",
} as const satisfies Record<string, CourseKey>;

export type QuizOutcome =
  | { ok: false; formError: string; values: Record<string, string> }
  | { ok: true; result: QuizResult; recorded: boolean; values: Record<string, string> };

/** Grade the quiz; a pass records the completion (and the course row, the first time) with its audit row. */
export function submitPortalQuiz(
  access: PortalAccess,
  lang: LanguageCode,
  form: Record<string, string>,
): QuizOutcome {
  const t = courseT(lang);
  const values = { ...form };
  const cleaned = cleanLearnerName(form.learnerName);
  if (!cleaned.ok)
    return { ok: false, formError: t(NAME_ERRORS[cleaned.reason], { max: LEARNER_NAME_MAX }), values };
  const learnerName = cleaned.name;
  const result = gradeQuiz(form);
  if (!result) return { ok: false, formError: t("quiz.answerAll"), values };
  if (!result.passed) return { ok: true, result, recorded: false, values };
  const ctx = access.ctx;
  const today = nowOf(ctx).toISOString().slice(0, 10);
  writeTx((tx) => {
    const a = tx
      .select({ supplierId: assignments.supplierId })
      .from(assignments)
      .where(and(eq(assignments.id, access.assignmentId), eq(assignments.organizationId, ctx.organizationId)))
      .get();
    if (!a) throw new NotFoundError("Not found");
    tx.insert(trainingCourses)
      .values({
        organizationId: ctx.organizationId,
        title: BUILTIN_COURSE_TITLE,
        audience: "supplier",
        language: "en",
        durationMinutes: BUILTIN_COURSE_MINUTES,
        builtin: BUILTIN_COURSE_KEY,
        createdAt: nowOf(ctx),
      })
      .onConflictDoNothing()
      .run();
    const course = tx
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .where(
        and(
          eq(trainingCourses.organizationId, ctx.organizationId),
          eq(trainingCourses.builtin, BUILTIN_COURSE_KEY),
        ),
      )
      .get();
    if (!course) throw new Error("The built-in course row is missing after its insert.");
    const row = tx
      .insert(trainingCompletions)
      .values({
        organizationId: ctx.organizationId,
        courseId: course.id,
        learnerName,
        learnerEmail: null,
        learnerKey: learnerKeyOf(learnerName, null, a.supplierId),
        supplierId: a.supplierId,
        completedOn: today,
        source: "portal",
        scorePercent: result.percent,
        language: lang,
        assignmentId: access.assignmentId,
        createdAt: nowOf(ctx),
      })
      .onConflictDoNothing()
      .returning({ id: trainingCompletions.id })
      .get();
    if (row) {
      recordAudit(tx, ctx, {
        action: "training.completion_recorded",
        entityType: "training_completion",
        entityId: row.id,
        details: { courseId: course.id, completedOn: today, source: "portal", score: result.percent },
      });
    }
  });
  return { ok: true, result, recorded: true, values };
}
