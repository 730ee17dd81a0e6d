import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { assignments, audits, findings, remediationTasks, riskAssessments, suppliers } from "~db/schema";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import { computeStatementFacts, type DayRange, type FactInputs, type StatementFacts } from "./facts";

const day = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

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

  const supplierRows = tx
    .select({
      id: suppliers.id,
      name: suppliers.name,
      country: suppliers.country,
      tier: suppliers.tier,
      createdAt: suppliers.createdAt,
    })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, organizationId), lte(suppliers.createdAt, to)))
    .all();

  // The latest stored assessment per supplier on or before the period end. SQLite returns the bare
  // columns of the row holding MAX() in an aggregate query, which keeps this one index range scan.
  const riskRows = tx
    .select({
      supplierId: riskAssessments.supplierId,
      assessmentId: riskAssessments.id,
      level: riskAssessments.level,
      computedAt: sql<number>`max(${riskAssessments.computedAt})`,
    })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, organizationId), lte(riskAssessments.computedAt, to)))
    .groupBy(riskAssessments.supplierId)
    .all();
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
      sentAt: assignments.sentAt,
      submittedAt: assignments.submittedAt,
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
      closedAt: findings.closedAt,
      updatedAt: findings.updatedAt,
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
      createdAt: remediationTasks.createdAt,
      completedAt: remediationTasks.completedAt,
    })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.organizationId, organizationId), lte(remediationTasks.createdAt, to)))
    .all();

  return {
    period,
    asOf: day(asOf)!,
    suppliers: supplierRows.map((s) => ({
      id: s.id,
      name: s.name,
      country: s.country,
      tier: s.tier,
      addedOn: day(s.createdAt)!,
    })),
    riskAtEnd: riskRows.map((r) => ({
      supplierId: r.supplierId,
      assessmentId: r.assessmentId,
      level: r.level as RiskLevel,
      computedOn: day(new Date(Number(r.computedAt)))!,
    })),
    riskHistoryExists,
    assignments: assignmentRows.map((a) => ({
      id: a.id,
      supplierId: a.supplierId,
      status: a.status,
      sentOn: day(a.sentAt)!,
      submittedOn: day(a.submittedAt),
    })),
    audits: auditRows,
    findings: findingRows.map((f) => ({
      id: f.id,
      supplierId: f.supplierId,
      grade: f.grade,
      iloIndicator: f.iloIndicator,
      raisedOn: f.raisedOn,
      // A finding closed before closure dates were kept carries its last update as the closure day.
      closedOn: f.status === "closed" ? day(f.closedAt ?? f.updatedAt) : null,
    })),
    actions: actionRows.map((a) => ({
      id: a.id,
      supplierId: a.supplierId,
      sourceType: a.sourceType,
      sourceRef: a.sourceRef,
      iloIndicator: a.iloIndicator,
      dueDate: a.dueDate,
      raisedOn: day(a.createdAt)!,
      closedOn: a.status === "completed" ? day(a.completedAt) : null,
    })),
  };
}

export function gatherStatementFacts(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  asOf: Date,
): StatementFacts {
  return computeStatementFacts(gatherFactInputs(tx, organizationId, period, asOf));
}
