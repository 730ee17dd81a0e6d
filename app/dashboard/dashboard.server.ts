import { and, count, eq, lt, sql } from "drizzle-orm";
import { type Ctx, nowOf } from "~/infra/context";
import { db } from "~/infra/db.server";
import { assignments, findings, remediationTasks, suppliers } from "~db/schema";

/** One read of everything the dashboard shows, scoped to the tenant. */
export function getDashboard(ctx: Ctx) {
  const orgId = ctx.organizationId;
  const today = nowOf(ctx).toISOString().slice(0, 10);
  const byLevel = db()
    .select({ level: suppliers.riskLevel, n: count() })
    .from(suppliers)
    .where(eq(suppliers.organizationId, orgId))
    .groupBy(suppliers.riskLevel)
    .all();
  const byTier = db()
    .select({ tier: suppliers.tier, n: count() })
    .from(suppliers)
    .where(eq(suppliers.organizationId, orgId))
    .groupBy(suppliers.tier)
    .orderBy(suppliers.tier)
    .all();
  const byCountry = db()
    .select({ country: suppliers.country, n: count() })
    .from(suppliers)
    .where(eq(suppliers.organizationId, orgId))
    .groupBy(suppliers.country)
    .orderBy(sql`count(*) desc`)
    .limit(8)
    .all();
  const questionnaires = db()
    .select({ status: assignments.status, n: count() })
    .from(assignments)
    .where(eq(assignments.organizationId, orgId))
    .groupBy(assignments.status)
    .all();
  const openFindings = db()
    .select({ grade: findings.grade, n: count() })
    .from(findings)
    .where(and(eq(findings.organizationId, orgId), eq(findings.status, "open")))
    .groupBy(findings.grade)
    .all();
  const tasks = db()
    .select({ status: remediationTasks.status, n: count() })
    .from(remediationTasks)
    .where(eq(remediationTasks.organizationId, orgId))
    .groupBy(remediationTasks.status)
    .all();
  const overdue = db()
    .select({ n: count() })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, orgId),
        eq(remediationTasks.status, "open"),
        lt(remediationTasks.dueDate, today),
      ),
    )
    .get();
  const topRisk = db()
    .select({
      id: suppliers.id,
      name: suppliers.name,
      country: suppliers.country,
      tier: suppliers.tier,
      riskScore: suppliers.riskScore,
      riskLevel: suppliers.riskLevel,
    })
    .from(suppliers)
    .where(eq(suppliers.organizationId, orgId))
    .orderBy(sql`${suppliers.riskScore} desc nulls last`, suppliers.name)
    .limit(5)
    .all();
  const total = byLevel.reduce((s, r) => s + r.n, 0);
  return {
    suppliers: {
      total,
      byLevel: Object.fromEntries(byLevel.map((r) => [r.level ?? "unscored", r.n])) as Record<string, number>,
      byTier,
      byCountry,
    },
    questionnaires: Object.fromEntries(questionnaires.map((r) => [r.status, r.n])) as Record<string, number>,
    openFindings: Object.fromEntries(openFindings.map((r) => [r.grade, r.n])) as Record<string, number>,
    tasks: {
      open: tasks.find((t) => t.status === "open")?.n ?? 0,
      completed: tasks.find((t) => t.status === "completed")?.n ?? 0,
      overdue: overdue?.n ?? 0,
    },
    topRisk,
  };
}
