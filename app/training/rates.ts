import type { TrainingAudience } from "~db/schema/training.constants";

/**
 * Completion rates per audience and calendar year, from dated completions (pure, so the arithmetic is
 * tested without a database). A rate needs a denominator the records hold: for staff, the headcount in
 * scope recorded for that year; for supplier staff, the suppliers on record at the year's end (reached =
 * at least one of their staff completed a supplier course that year). Without a denominator the rate is
 * null ("not known"), never 0 %.
 */
export type CompletionFact = {
  audience: TrainingAudience;
  learnerKey: string;
  supplierId: string | null;
  completedOn: string;
};

export type StaffYear = {
  completions: number;
  people: number;
  inScope: number | null;
  /** people / inScope, 0–1 (may exceed 1 when the headcount was set too low; shown as is). */
  rate: number | null;
};

export type SupplierYear = {
  completions: number;
  people: number;
  suppliersReached: number;
  suppliersOnRecord: number | null;
  rate: number | null;
};

/** A statement period's training figures (read by `period-facts.server.ts`): ids and days, never names. */
export type TrainingPeriodFacts = {
  /** Courses recorded at all: without any, training is not recorded in Clearsource. */
  courses: number;
  staff: StaffYear & { headcountYear: number; courseTitles: string[]; ids: string[]; dates: string[] };
  supplier: SupplierYear & { courseTitles: string[]; ids: string[]; dates: string[] };
};

export type YearRates = { year: number; staff: StaffYear; supplier: SupplierYear };

export function staffFigures(rows: CompletionFact[], inScope: number | null): StaffYear {
  const staff = rows.filter((r) => r.audience === "staff");
  const people = new Set(staff.map((r) => r.learnerKey)).size;
  return {
    completions: staff.length,
    people,
    inScope,
    rate: inScope && inScope > 0 ? people / inScope : null,
  };
}

export function supplierFigures(rows: CompletionFact[], suppliersOnRecord: number | null): SupplierYear {
  const sup = rows.filter((r) => r.audience === "supplier");
  const reached = new Set(sup.map((r) => r.supplierId).filter((s): s is string => !!s)).size;
  return {
    completions: sup.length,
    people: new Set(sup.map((r) => `${r.supplierId ?? ""}|${r.learnerKey}`)).size,
    suppliersReached: reached,
    suppliersOnRecord,
    rate: suppliersOnRecord && suppliersOnRecord > 0 ? reached / suppliersOnRecord : null,
  };
}

/** Years with any completion or headcount, newest first, each with both audiences' figures. */
export function ratesByYear(
  rows: CompletionFact[],
  headcounts: ReadonlyMap<number, number>,
  suppliersAtYearEnd: (year: number) => number,
): YearRates[] {
  const years = new Set<number>([
    ...rows.map((r) => Number(r.completedOn.slice(0, 4))),
    ...headcounts.keys(),
  ]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const inYear = rows.filter((r) => r.completedOn.startsWith(`${year}-`));
      return {
        year,
        staff: staffFigures(inYear, headcounts.get(year) ?? null),
        supplier: supplierFigures(inYear, suppliersAtYearEnd(year)),
      };
    });
}

/** "42 %" or "not known": a rate with no denominator is never printed as a number. */
export function formatRate(rate: number | null): string {
  return rate === null ? "not known" : `${Math.round(rate * 100)} %`;
}
