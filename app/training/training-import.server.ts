import { CsvError, parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { type Ctx, nowOf } from "~/infra/context";
import { writeTx } from "~/infra/db.server";
import { zodFieldErrors } from "~/infra/validation";
import { trainingCompletions, trainingCourses } from "~db/schema";
import { checkCompletion, completionSchema, requireTrainingWrite } from "./training.server";

/**
 * Completions from a CSV file (an LMS or HR export): one row per person and course. Small files only
 * (an export of a year's completions), so it is parsed in the request, not through the supplier import
 * pipeline of app/imports with its column mapping and background job. A file is all or nothing: any row
 * that is wrong (an unknown course, a bad date, a supplier that is not one of the organisation's) is
 * named with its row number and nothing is saved, so fixing the file and uploading it again never
 * doubles what was imported; a row already recorded (same person, course and day) is counted, not
 * added again.
 */
export const MAX_IMPORT_ROWS = 5000;
/** Under the text-form body limit (1 MiB) with room for the multipart envelope. */
export const MAX_IMPORT_BYTES = 900_000;

/** The columns, by the header names a file may use (case and spaces ignored). */
const COLUMNS: Record<
  string,
  "course" | "learnerName" | "learnerEmail" | "completedOn" | "supplier" | "scorePercent"
> = {
  course: "course",
  course_title: "course",
  name: "learnerName",
  learner: "learnerName",
  learner_name: "learnerName",
  email: "learnerEmail",
  e_mail: "learnerEmail",
  completed_on: "completedOn",
  completed: "completedOn",
  date: "completedOn",
  supplier: "supplier",
  score: "scorePercent",
};

export type RowError = { row: number; message: string };
export type ImportOutcome =
  | { ok: true; imported: number; alreadyRecorded: number }
  | { ok: false; formError: string; rowErrors: RowError[] };

const FIELD_WORDS: Record<string, string> = {
  learnerName: "name",
  learnerEmail: "email",
  completedOn: "completed_on",
  supplier: "supplier",
  scorePercent: "score",
};

export function importCompletions(ctx: Ctx, file: { name: string; text: string }): ImportOutcome {
  requireTrainingWrite(ctx);
  const fail = (formError: string, rowErrors: RowError[] = []): ImportOutcome => ({
    ok: false,
    formError,
    rowErrors,
  });
  if (Buffer.byteLength(file.text, "utf8") > MAX_IMPORT_BYTES) {
    return fail("The file is larger than 900 KB. Split it into several files.");
  }
  let records: string[][];
  try {
    records = parse(file.text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter:
        file.text.split("\n", 1)[0].includes(";") && !file.text.split("\n", 1)[0].includes(",") ? ";" : ",",
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) {
      return fail(
        `The file could not be read as CSV (line ${err.lines ?? "?"}): ${err.message.split(":")[0]}.`,
      );
    }
    throw err;
  }
  if (records.length < 2) return fail("The file has no rows under its header.");
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return fail(`The file has ${records.length - 1} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);
  }
  const header = records[0].map(
    (h) =>
      COLUMNS[
        h
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, "_")
      ] ?? null,
  );
  const missing = (["course", "learnerName", "completedOn"] as const).filter((c) => !header.includes(c));
  if (missing.length) {
    return fail(
      `The header must name the columns course, name and completed_on (missing: ${missing
        .map((m) => (m === "course" ? "course" : FIELD_WORDS[m]))
        .join(", ")}). Optional: email, supplier, score.`,
    );
  }

  return writeTx((tx) => {
    const courses = tx
      .select({
        id: trainingCourses.id,
        title: trainingCourses.title,
        audience: trainingCourses.audience,
        builtin: trainingCourses.builtin,
      })
      .from(trainingCourses)
      .where(eq(trainingCourses.organizationId, ctx.organizationId))
      .all();
    const byTitle = new Map(courses.map((c) => [c.title.trim().toLowerCase(), c]));
    const rowErrors: RowError[] = [];
    const rows: { courseId: string; value: ReturnType<typeof checkCompletion> & { ok: true } }[] = [];
    records.slice(1).forEach((cells, i) => {
      const rowNo = i + 2; // the file's own line numbering: the header is row 1
      const raw: Record<string, string> = {};
      header.forEach((col, j) => {
        if (col) raw[col] = cells[j] ?? "";
      });
      const course = byTitle.get((raw.course ?? "").trim().toLowerCase());
      if (!course) {
        rowErrors.push({ row: rowNo, message: `no course is called “${raw.course ?? ""}”` });
        return;
      }
      if (course.builtin) {
        rowErrors.push({
          row: rowNo,
          message: "the built-in course is recorded when it is passed in the portal",
        });
        return;
      }
      const { course: _c, ...fields } = raw;
      const parsed = completionSchema.safeParse(fields);
      if (!parsed.success) {
        for (const [field, msg] of Object.entries(zodFieldErrors(parsed.error))) {
          rowErrors.push({ row: rowNo, message: `${FIELD_WORDS[field] ?? field}: ${msg}` });
        }
        return;
      }
      const checked = checkCompletion(tx, ctx, course.audience, parsed.data);
      if (!checked.ok) {
        for (const [field, msg] of Object.entries(checked.errors)) {
          rowErrors.push({ row: rowNo, message: `${FIELD_WORDS[field] ?? field}: ${msg}` });
        }
        return;
      }
      rows.push({ courseId: course.id, value: checked });
    });
    if (rowErrors.length) {
      return fail(
        `Nothing was imported: ${new Set(rowErrors.map((e) => e.row)).size} of ${records.length - 1} rows need correcting.`,
        rowErrors.slice(0, 200),
      );
    }
    let imported = 0;
    const now = nowOf(ctx);
    for (const r of rows) {
      const inserted = tx
        .insert(trainingCompletions)
        .values({
          organizationId: ctx.organizationId,
          courseId: r.courseId,
          ...r.value.value,
          source: "import",
          recordedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: trainingCompletions.id })
        .get();
      if (inserted) imported++;
    }
    recordAudit(tx, ctx, {
      action: "training.completions_imported",
      entityType: "training_import",
      entityId: file.name.slice(0, 200) || "upload.csv",
      details: { rows: rows.length, imported, alreadyRecorded: rows.length - imported },
    });
    return { ok: true, imported, alreadyRecorded: rows.length - imported };
  });
}
