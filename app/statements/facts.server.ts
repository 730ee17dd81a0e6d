import { and, eq, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { assignments, audits, findings, remediationTasks, suppliers } from "~db/schema";
import { computeStatementFacts, type StatementFacts } from "./facts";

/**
 * Read-only queries for a statement's figures, every one filtered by the organisation. Event rows are
 * limited to the reporting period: questionnaires by the day they were sent, audits by their audit date,
 * findings by their audit, remediation tasks by the day they were raised. Suppliers are the supply chain as
 * mapped on the day the statement is produced.
 */
export function gatherStatementFacts(
  tx: DbOrTx,
  organizationId: string,
  period: { start: string; end: string },
  asOf: Date,
): StatementFacts {
  const from = new Date(`${period.start}T00:00:00.000Z`);
  const to = new Date(`${period.end}T23:59:59.999Z`);

  const supplierRows = tx
    .select({
      name: suppliers.name,
      country: suppliers.country,
      tier: suppliers.tier,
      riskLevel: suppliers.riskLevel,
    })
    .from(suppliers)
    .where(eq(suppliers.organizationId, organizationId))
    .all();

  const assignmentRows = tx
    .select({ supplierId: assignments.supplierId, status: assignments.status })
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
    .select({ id: audits.id, supplierId: audits.supplierId, scheme: audits.scheme })
    .from(audits)
    .where(
      and(
        eq(audits.organizationId, organizationId),
        gte(audits.auditDate, period.start),
        lte(audits.auditDate, period.end),
      ),
    )
    .all();

  const findingRows =
    auditRows.length === 0
      ? []
      : tx
          .select({ grade: findings.grade, status: findings.status, iloIndicator: findings.iloIndicator })
          .from(findings)
          .innerJoin(audits, eq(audits.id, findings.auditId))
          .where(
            and(
              eq(findings.organizationId, organizationId),
              eq(audits.organizationId, organizationId),
              gte(audits.auditDate, period.start),
              lte(audits.auditDate, period.end),
            ),
          )
          .all();

  const taskRows = tx
    .select({
      status: remediationTasks.status,
      dueDate: remediationTasks.dueDate,
      sourceType: remediationTasks.sourceType,
      iloIndicator: remediationTasks.iloIndicator,
    })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, organizationId),
        gte(remediationTasks.createdAt, from),
        lte(remediationTasks.createdAt, to),
      ),
    )
    .all();

  return computeStatementFacts({
    period,
    asOf: asOf.toISOString().slice(0, 10),
    suppliers: supplierRows,
    assignments: assignmentRows,
    audits: auditRows,
    findings: findingRows,
    tasks: taskRows,
  });
}
