import { and, asc, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { INTAKE_LANGUAGE_CODES, isIntakeLanguage } from "~/grievances/languages";
import { type Ctx, nowOf } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { isoDateField, optionalText, parseInput, requiredChoice } from "~/infra/validation";
import { can } from "~/orgs/permissions";
import { suppliers, trainingCompletions, trainingCourses, trainingHeadcounts } from "~db/schema";
import { TRAINING_AUDIENCES, type TrainingAudience } from "~db/schema/training.constants";
import { ratesByYear, type CompletionFact, type YearRates } from "./rates";

/**
 * Training records: courses, completions (by hand, from a CSV file in `training-import.server.ts`, or
 * by passing the built-in portal course in `portal-course.server.ts`) and the staff headcount in scope
 * per year. Every verb takes the tenant and the actor, reads only within the tenant (another
 * organisation's course is "not found") and writes its audit row in the same transaction.
 */

export function requireTrainingWrite(ctx: Ctx) {
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, "training:write")) {
    throw new ForbiddenError("You may not change training records.");
  }
}

function requireTrainingRead(ctx: Ctx) {
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, "training:read")) {
    throw new ForbiddenError("You may not read training records.");
  }
}

/**
 * The key that counts a person once: the e-mail address if given, else the name, case- and space-folded;
 * a supplier's staff member is keyed within the supplier (two suppliers' "Li Wei" are two people).
 */
export function learnerKeyOf(name: string, email: string | null, supplierId: string | null = null): string {
  const key = (email ?? name).trim().replace(/\s+/g, " ").toLowerCase();
  return supplierId ? `${supplierId}:${key}` : key;
}

export const courseSchema = z.strictObject({
  title: z
    .string({ error: "Give the course a title." })
    .trim()
    .min(1, "Give the course a title.")
    .max(200, "Keep the title under 200 characters."),
  audience: requiredChoice(TRAINING_AUDIENCES, "Choose who the course is for."),
  language: requiredChoice(INTAKE_LANGUAGE_CODES, "Choose the language it is taught in."),
  durationMinutes: z.coerce
    .number({ error: "Give the duration in minutes." })
    .int("Give the duration in whole minutes.")
    .min(1, "Give the duration in minutes (at least 1).")
    .max(10_000, "A course of more than 10,000 minutes? Give it in minutes, up to 10,000."),
});
export type CourseInput = z.input<typeof courseSchema>;

export function createCourse(ctx: Ctx, input: CourseInput): { id: string } {
  requireTrainingWrite(ctx);
  const data = parseInput(courseSchema, input);
  return writeTx((tx) => {
    const clash = tx
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .where(
        and(
          eq(trainingCourses.organizationId, ctx.organizationId),
          sql`lower(${trainingCourses.title}) = lower(${data.title})`,
        ),
      )
      .get();
    if (clash) throw new ValidationError({ title: "A course with this title exists already." });
    const row = tx
      .insert(trainingCourses)
      .values({
        organizationId: ctx.organizationId,
        ...data,
        audience: data.audience as TrainingAudience,
        createdAt: nowOf(ctx),
      })
      .returning({ id: trainingCourses.id })
      .get();
    recordAudit(tx, ctx, {
      action: "training.course_created",
      entityType: "training_course",
      entityId: row.id,
      details: { title: data.title, audience: data.audience, language: data.language },
    });
    return row;
  });
}

export type CourseRow = {
  id: string;
  title: string;
  audience: TrainingAudience;
  language: string;
  durationMinutes: number;
  builtin: string | null;
  completions: number;
};

export function listCourses(ctx: Ctx): CourseRow[] {
  requireTrainingRead(ctx);
  return db()
    .select({
      id: trainingCourses.id,
      title: trainingCourses.title,
      audience: trainingCourses.audience,
      language: trainingCourses.language,
      durationMinutes: trainingCourses.durationMinutes,
      builtin: trainingCourses.builtin,
      completions: count(trainingCompletions.id),
    })
    .from(trainingCourses)
    .leftJoin(trainingCompletions, eq(trainingCompletions.courseId, trainingCourses.id))
    .where(eq(trainingCourses.organizationId, ctx.organizationId))
    .groupBy(trainingCourses.id)
    .orderBy(asc(trainingCourses.audience), asc(trainingCourses.title))
    .all();
}

export function loadCourse(tx: DbOrTx, ctx: Ctx, courseId: string) {
  const row = tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, courseId), eq(trainingCourses.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Course not found");
  return row;
}

export type CompletionRow = {
  id: string;
  learnerName: string;
  learnerEmail: string | null;
  supplierName: string | null;
  completedOn: string;
  source: "manual" | "import" | "portal";
  scorePercent: number | null;
  language: string | null;
};

/** One course and its completions, newest first (the latest 1,000). */
export function getCourse(ctx: Ctx, courseId: string) {
  requireTrainingRead(ctx);
  const course = loadCourse(db(), ctx, courseId);
  const completions: CompletionRow[] = db()
    .select({
      id: trainingCompletions.id,
      learnerName: trainingCompletions.learnerName,
      learnerEmail: trainingCompletions.learnerEmail,
      supplierName: suppliers.name,
      completedOn: trainingCompletions.completedOn,
      source: trainingCompletions.source,
      scorePercent: trainingCompletions.scorePercent,
      language: trainingCompletions.language,
    })
    .from(trainingCompletions)
    .leftJoin(suppliers, eq(suppliers.id, trainingCompletions.supplierId))
    .where(
      and(
        eq(trainingCompletions.organizationId, ctx.organizationId),
        eq(trainingCompletions.courseId, course.id),
      ),
    )
    .orderBy(desc(trainingCompletions.completedOn), asc(trainingCompletions.learnerName))
    .limit(1000)
    .all();
  return {
    course: {
      id: course.id,
      title: course.title,
      audience: course.audience,
      language: course.language,
      durationMinutes: course.durationMinutes,
      builtin: course.builtin,
    },
    completions,
  };
}

/** A supplier named by its exact name or the buyer's own reference (ERP number), within the tenant. */
export function findSupplierByNameOrRef(tx: DbOrTx, ctx: Ctx, nameOrRef: string): string | null {
  const v = nameOrRef.trim();
  const rows = tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(
      and(
        eq(suppliers.organizationId, ctx.organizationId),
        sql`(${suppliers.externalRef} = ${v} OR lower(${suppliers.name}) = lower(${v}))`,
      ),
    )
    .limit(2)
    .all();
  return rows.length === 1 ? rows[0].id : null;
}

export const completionSchema = z.strictObject({
  learnerName: z
    .string({ error: "Give the person's name." })
    .trim()
    .min(1, "Give the person's name.")
    .max(200, "Keep the name under 200 characters."),
  learnerEmail: optionalText(254, "e-mail address").refine((v) => v === null || /^[^\s@]+@[^\s@]+$/.test(v), {
    error: "This is not an e-mail address.",
  }),
  supplier: optionalText(300, "supplier"),
  completedOn: isoDateField("Completion date"),
  scorePercent: z
    .union([z.literal(""), z.coerce.number().int("Give the score as a whole percentage.")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v))
    .refine((v) => v === null || (v >= 0 && v <= 100), { error: "The score is a percentage (0–100)." }),
});
export type CompletionInput = z.input<typeof completionSchema>;

type CheckedCompletion = {
  learnerName: string;
  learnerEmail: string | null;
  learnerKey: string;
  supplierId: string | null;
  completedOn: string;
  scorePercent: number | null;
};

/**
 * The rules every completion written by a member follows (by hand and imported): not in the future,
 * and for a supplier-staff course the supplier it was (by name or reference); staff courses name none.
 */
export function checkCompletion(
  tx: DbOrTx,
  ctx: Ctx,
  audience: TrainingAudience,
  data: z.output<typeof completionSchema>,
): { ok: true; value: CheckedCompletion } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const today = nowOf(ctx).toISOString().slice(0, 10);
  if (data.completedOn > today) errors.completedOn = "The completion date is in the future.";
  let supplierId: string | null = null;
  if (audience === "supplier") {
    if (!data.supplier) errors.supplier = "Name the supplier whose staff member this was.";
    else {
      supplierId = findSupplierByNameOrRef(tx, ctx, data.supplier);
      if (!supplierId) errors.supplier = `No single supplier is called or referenced “${data.supplier}”.`;
    }
  } else if (data.supplier) {
    errors.supplier = "This is a staff course: leave the supplier empty.";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      learnerName: data.learnerName,
      learnerEmail: data.learnerEmail ? data.learnerEmail.toLowerCase() : null,
      learnerKey: learnerKeyOf(data.learnerName, data.learnerEmail, supplierId),
      supplierId,
      completedOn: data.completedOn,
      scorePercent: data.scorePercent,
    },
  };
}

/** Record one completion by hand. The same person, course and day recorded twice is refused (409). */
export function recordCompletion(ctx: Ctx, courseId: string, input: CompletionInput): { id: string } {
  requireTrainingWrite(ctx);
  const data = parseInput(completionSchema, input);
  return writeTx((tx) => {
    const course = loadCourse(tx, ctx, courseId);
    if (course.builtin) {
      throw new ValidationError(
        {},
        "The built-in course is recorded when a supplier's staff member passes it.",
      );
    }
    const checked = checkCompletion(tx, ctx, course.audience, data);
    if (!checked.ok) throw new ValidationError(checked.errors);
    const row = tx
      .insert(trainingCompletions)
      .values({
        organizationId: ctx.organizationId,
        courseId: course.id,
        ...checked.value,
        source: "manual",
        recordedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: nowOf(ctx),
      })
      .onConflictDoNothing()
      .returning({ id: trainingCompletions.id })
      .get();
    if (!row) throw new ConflictError("This completion is recorded already (same person, course and day).");
    recordAudit(tx, ctx, {
      action: "training.completion_recorded",
      entityType: "training_completion",
      entityId: row.id,
      details: { courseId: course.id, completedOn: checked.value.completedOn, source: "manual" },
    });
    return row;
  });
}

export const headcountSchema = z.strictObject({
  year: z.coerce
    .number({ error: "Give the year." })
    .int("Give the year.")
    .min(2000, "Give a year from 2000.")
    .max(2100, "Give a year up to 2100."),
  staffInScope: z.coerce
    .number({ error: "Give the number of staff expected to train." })
    .int("Give a whole number of staff.")
    .min(1, "Give the number of staff expected to train (at least 1).")
    .max(10_000_000, "Give a number of staff up to 10,000,000."),
});
export type HeadcountInput = z.input<typeof headcountSchema>;

/** How many staff were expected to train in a year (the staff rate's denominator); set again to correct. */
export function setStaffHeadcount(ctx: Ctx, input: HeadcountInput): void {
  requireTrainingWrite(ctx);
  const data = parseInput(headcountSchema, input);
  writeTx((tx) => {
    tx.insert(trainingHeadcounts)
      .values({ organizationId: ctx.organizationId, ...data, updatedAt: nowOf(ctx) })
      .onConflictDoUpdate({
        target: [trainingHeadcounts.organizationId, trainingHeadcounts.year],
        set: { staffInScope: data.staffInScope, updatedAt: nowOf(ctx) },
      })
      .run();
    recordAudit(tx, ctx, {
      action: "training.headcount_set",
      entityType: "training_headcount",
      entityId: String(data.year),
      details: data,
    });
  });
}

/** Completions with their course's audience, between two days inclusive (the dated read rates use). */
export function completionFacts(
  tx: DbOrTx,
  organizationId: string,
  from: string,
  to: string,
): (CompletionFact & { id: string; courseTitle: string })[] {
  return tx
    .select({
      id: trainingCompletions.id,
      audience: trainingCourses.audience,
      learnerKey: trainingCompletions.learnerKey,
      supplierId: trainingCompletions.supplierId,
      completedOn: trainingCompletions.completedOn,
      courseTitle: trainingCourses.title,
    })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .where(
      and(
        eq(trainingCompletions.organizationId, organizationId),
        gte(trainingCompletions.completedOn, from),
        lte(trainingCompletions.completedOn, to),
      ),
    )
    .orderBy(asc(trainingCompletions.completedOn), asc(trainingCompletions.id))
    .all();
}

/** Suppliers on record that were created on or before a day (the supplier rate's denominator). */
export function suppliersCreatedBy(tx: DbOrTx, organizationId: string, day: string): number {
  const end = new Date(`${day}T23:59:59.999Z`);
  return (
    tx
      .select({ n: count() })
      .from(suppliers)
      .where(and(eq(suppliers.organizationId, organizationId), lte(suppliers.createdAt, end)))
      .get()?.n ?? 0
  );
}

/** Completion rates per audience and calendar year, newest first. */
export function completionRates(ctx: Ctx): { years: YearRates[]; headcounts: Record<number, number> } {
  requireTrainingRead(ctx);
  const rows = completionFacts(db(), ctx.organizationId, "0000-01-01", "9999-12-31");
  const heads = db()
    .select({ year: trainingHeadcounts.year, n: trainingHeadcounts.staffInScope })
    .from(trainingHeadcounts)
    .where(eq(trainingHeadcounts.organizationId, ctx.organizationId))
    .all();
  const map = new Map(heads.map((h) => [h.year, h.n]));
  const years = ratesByYear(rows, map, (y) => suppliersCreatedBy(db(), ctx.organizationId, `${y}-12-31`));
  return { years, headcounts: Object.fromEntries(map) };
}

export function isCourseLanguage(code: string) {
  return isIntakeLanguage(code);
}
