import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { systemCtx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { remedyTotals } from "~/remediation/remedies.server";
import { assignments, audits, findings, remediationTasks, riskAssessments, suppliers } from "~db/schema";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import {
  computeStatementFacts,
  MAX_NAMES_PER_COUNTRY,
  type DayRange,
  type FactInputs,
  type RecordGroup,
  type StatementFacts,
  type SupplierSummary,
} from "./facts";

const day = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);
/** The UTC calendar day of a millisecond timestamp column, computed by SQLite (no Date per row). */
const dayOf = (column: SQLiteColumn) => sql<string | null>`date(${column} / 1000, 'unixepoch')`;

/**
 * Read the dated rows behind a statement's figures, every query filtered by the organisation, in one
 * read transaction supplied by the caller. Events are limited to the period; states (open at period end,
 * risk at period end) read everything up to the period end, so closures after the year end do not count
 * and today's risk level never stands in for the year end's.
 */
export function gatherFactInputs(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  asOf: Date,
): FactInputs {
  const from = new Date(`${period.start}T00:00:00.000Z`);
  const to = new Date(`${period.end}T23:59:59.999Z`);

  // 100k suppliers are read as plain value arrays (no row objects) and summarised in one pass: counts per
  // country and tier, the first names per country (code-point order; the few kept are then sorted for
  // print), and the ids with the day each was recorded.
  const supplierRows = tx
    .select({
      id: suppliers.id,
      day: dayOf(suppliers.createdAt),
      country: suppliers.country,
      tier: suppliers.tier,
      name: suppliers.name,
    })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, organizationId), lte(suppliers.createdAt, to)))
    .values() as [string, string, string, number, string][];
  const supplySummary = summariseSupplierValues(supplierRows);

  // The latest stored assessment per supplier on or before the period end. SQLite returns the bare
  // columns of the row holding MAX() in an aggregate query, which keeps this one index range scan.
  const riskRows = tx
    .select({
      assessmentId: riskAssessments.id,
      level: riskAssessments.level,
      computedAt: sql<number>`max(${riskAssessments.computedAt})`,
      computedOn: dayOf(riskAssessments.computedAt),
    })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, organizationId), lte(riskAssessments.computedAt, to)))
    .groupBy(riskAssessments.supplierId)
    .values() as [string, RiskLevel, number, string][];
  const riskHistoryExists =
    riskRows.length > 0 ||
    tx
      .select({ one: sql<number>`1` })
      .from(riskAssessments)
      .where(eq(riskAssessments.organizationId, organizationId))
      .limit(1)
      .get() !== undefined;

  const assignmentRows = tx
    .select({
      id: assignments.id,
      supplierId: assignments.supplierId,
      status: assignments.status,
      sentOn: dayOf(assignments.sentAt),
      submittedOn: dayOf(assignments.submittedAt),
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.organizationId, organizationId),
        gte(assignments.sentAt, from),
        lte(assignments.sentAt, to),
      ),
    )
    .all();

  const auditRows = tx
    .select({
      id: audits.id,
      supplierId: audits.supplierId,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
    })
    .from(audits)
    .where(
      and(
        eq(audits.organizationId, organizationId),
        gte(audits.auditDate, period.start),
        lte(audits.auditDate, period.end),
      ),
    )
    .all();

  // A finding is raised on its audit's date; every finding raised by the period end is read so that those
  // raised earlier and still open (or closed during the period) count too.
  const findingRows = tx
    .select({
      id: findings.id,
      supplierId: findings.supplierId,
      grade: findings.grade,
      iloIndicator: findings.iloIndicator,
      status: findings.status,
      closedOn: dayOf(findings.closedAt),
      updatedOn: dayOf(findings.updatedAt),
      raisedOn: audits.auditDate,
    })
    .from(findings)
    .innerJoin(audits, and(eq(audits.id, findings.auditId), eq(audits.organizationId, organizationId)))
    .where(and(eq(findings.organizationId, organizationId), lte(audits.auditDate, period.end)))
    .all();

  const actionRows = tx
    .select({
      id: remediationTasks.id,
      supplierId: remediationTasks.supplierId,
      sourceType: remediationTasks.sourceType,
      sourceRef: remediationTasks.sourceRef,
      iloIndicator: remediationTasks.iloIndicator,
      dueDate: remediationTasks.dueDate,
      status: remediationTasks.status,
      raisedOn: dayOf(remediationTasks.createdAt),
      completedOn: dayOf(remediationTasks.completedAt),
    })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.organizationId, organizationId), lte(remediationTasks.createdAt, to)))
    // Value arrays, mapped below: drizzle's per-field row mapping is the larger cost at 50k rows.
    .values() as [
    string,
    string,
    "answer" | "finding",
    string,
    string | null,
    string,
    string,
    string,
    string | null,
  ][];

  // Remedies are read through the remediation module's own function (it owns worker_remedies).
  const remedies = remedyTotals(
    systemCtx(organizationId, "statement facts"),
    { from: period.start, to: period.end },
    tx,
  );

  return {
    period,
    asOf: day(asOf)!,
    remedies,
    suppliers: supplySummary,
    riskAtEnd: {
      byLevel: countLevels(riskRows),
      records: columns(
        "risk_assessment",
        riskRows.map((r) => [r[0], r[3]]),
      ),
      highRecords: columns(
        "risk_assessment",
        riskRows.filter((r) => r[1] === "high" || r[1] === "critical").map((r) => [r[0], r[3]]),
      ),
    },
    riskHistoryExists,
    assignments: assignmentRows as FactInputs["assignments"],
    audits: auditRows,
    findings: findingRows.map((f) => ({
      id: f.id,
      supplierId: f.supplierId,
      grade: f.grade,
      iloIndicator: f.iloIndicator,
      raisedOn: f.raisedOn,
      // A finding closed before closure dates were kept carries its last update as the closure day.
      closedOn: f.status === "closed" ? (f.closedOn ?? f.updatedOn) : null,
    })),
    actions: actionRows.map(
      ([id, supplierId, sourceType, sourceRef, iloIndicator, dueDate, status, raisedOn, completedOn]) => ({
        id,
        supplierId,
        sourceType,
        sourceRef,
        iloIndicator,
        dueDate,
        raisedOn,
        closedOn: status === "completed" ? completedOn : null,
      }),
    ),
  };
}

function columns(type: RecordGroup["type"], rows: [string, string][] | string[][]): RecordGroup {
  const ids = new Array<string>(rows.length);
  const dates = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    ids[i] = rows[i][0];
    dates[i] = rows[i][1];
  }
  return { type, ids, dates };
}

function summariseSupplierValues(rows: [string, string, string, number, string][]): SupplierSummary {
  const counts = new Map<string, { country: string; tier: number; count: number }>();
  const first = new Map<string, string[]>();
  const ids = new Array<string>(rows.length);
  const dates = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, day, country, tier, name] = rows[i];
    ids[i] = id;
    dates[i] = day;
    const key = `${country}|${tier}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { country, tier, count: 1 });
    // Keep the MAX_NAMES_PER_COUNTRY smallest names per country: a bounded insertion, no full sort.
    const kept = first.get(country);
    if (!kept) first.set(country, [name]);
    else if (kept.length < MAX_NAMES_PER_COUNTRY || name < kept[kept.length - 1]) {
      let at = kept.length;
      while (at > 0 && kept[at - 1] > name) at--;
      kept.splice(at, 0, name);
      if (kept.length > MAX_NAMES_PER_COUNTRY) kept.pop();
    }
  }
  return {
    byCountryTier: [...counts.values()],
    names: [...first.entries()].flatMap(([country, list]) => list.map((name) => ({ country, name }))),
    records: { type: "supplier", ids, dates },
  };
}

function countLevels(rows: [string, RiskLevel, number, string][]) {
  const counts = new Map<RiskLevel, number>();
  for (const r of rows) counts.set(r[1], (counts.get(r[1]) ?? 0) + 1);
  return [...counts.entries()].map(([level, count]) => ({ level, count }));
}

export function gatherStatementFacts(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  asOf: Date,
): StatementFacts {
  return computeStatementFacts(gatherFactInputs(tx, organizationId, period, asOf));
}
