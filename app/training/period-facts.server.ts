import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { trainingCourses, trainingHeadcounts } from "~db/schema";
import { staffFigures, supplierFigures, type TrainingPeriodFacts } from "./rates";
import { completionFacts, suppliersCreatedBy } from "./training.server";

/**
 * The training figures of a statement's reporting period: completions dated inside the period (a
 * completion after the period end never counts), people trained per audience, and a rate only where the
 * records hold its denominator: for staff, the headcount in scope recorded for the calendar year in which
 * the period ends (named with the figure, since headcounts are kept per calendar year); for supplier
 * staff, the suppliers on record at the period end. Learners' names never leave this module: ids, days
 * and course titles only.
 */
export function readTrainingPeriodFacts(
  tx: DbOrTx,
  organizationId: string,
  period: { start: string; end: string },
  /** The suppliers on record at the period end when the caller has counted them already. */
  suppliersAtEnd?: number,
): TrainingPeriodFacts {
  const courses =
    tx
      .select({ n: count() })
      .from(trainingCourses)
      .where(eq(trainingCourses.organizationId, organizationId))
      .get()?.n ?? 0;
  const rows = courses === 0 ? [] : completionFacts(tx, organizationId, period.start, period.end);
  const headcountYear = Number(period.end.slice(0, 4));
  const headcount =
    tx
      .select({ n: trainingHeadcounts.staffInScope })
      .from(trainingHeadcounts)
      .where(
        and(
          eq(trainingHeadcounts.organizationId, organizationId),
          eq(trainingHeadcounts.year, headcountYear),
        ),
      )
      .get()?.n ?? null;
  const of = (audience: "staff" | "supplier") => {
    const list = rows.filter((r) => r.audience === audience);
    return {
      courseTitles: [...new Set(list.map((r) => r.courseTitle))].sort((a, b) => a.localeCompare(b)),
      ids: list.map((r) => r.id),
      dates: list.map((r) => r.completedOn),
    };
  };
  const supplierRows = rows.filter((r) => r.audience === "supplier");
  return {
    courses,
    staff: { ...staffFigures(rows, headcount), headcountYear, ...of("staff") },
    supplier: {
      ...supplierFigures(
        rows,
        supplierRows.length > 0
          ? (suppliersAtEnd ?? suppliersCreatedBy(tx, organizationId, period.end))
          : null,
      ),
      ...of("supplier"),
    },
  };
}
