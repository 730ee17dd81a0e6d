import { and, asc, eq, exists, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { readGrievancePeriodFacts } from "~/grievances/period-facts.server";
import { systemCtx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { remedyTotals } from "~/remediation/remedies.server";
import { readTrainingPeriodFacts } from "~/training/period-facts.server";
import { assignments, audits, findings, remediationTasks, riskAssessments, suppliers } from "~db/schema";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import {
  computeStatementFacts,
  indicatorNumber,
  MAX_NAMES_PER_COUNTRY,
  RED_FLAG_GRADES,
  type ActionSummary,
  type AssignmentSummary,
  type AuditSummary,
  type DayRange,
  type FindingSummary,
  type RecordType,
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
    // Grievances and training are read through their own modules (they own those tables); both are small.
    grievances: readGrievancePeriodFacts(tx, organizationId, period),
    // The supplier rate's denominator is the suppliers recorded by the period end, already counted above.
    training: readTrainingPeriodFacts(tx, organizationId, period, supplierRows.length),
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

export type FactsOptions = {
  /**
   * List only the first N records behind each figure (with their total), counting in the database: for the
   * PDF and the page, which print at most a few records per figure. Without it every record is listed (the
   * CSV annex, and the facts frozen at approval).
   */
  firstRecords?: number;
};

export function gatherStatementFacts(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  asOf: Date,
  opts: FactsOptions = {},
): StatementFacts {
  const inputs =
    opts.firstRecords === undefined
      ? gatherFactInputs(tx, organizationId, period, asOf)
      : gatherFactSummaries(tx, organizationId, period, asOf, opts.firstRecords);
  return computeStatementFacts(inputs);
}

/**
 * The same inputs as `gatherFactInputs`, counted by the database: one grouped query per fact family for
 * the figures, and for the records behind each figure only the first `limit` (ordered by the date that
 * placed them in the period, then id) with the total. Every condition mirrors the row path above (day
 * strings compare as the row path compares them; millisecond bounds are the period's first and last
 * instant), and a test holds both paths to identical figures.
 */
export function gatherFactSummaries(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  asOf: Date,
  limit: number,
): FactInputs {
  const from = new Date(`${period.start}T00:00:00.000Z`);
  const to = new Date(`${period.end}T23:59:59.999Z`);
  const first = (type: RecordType, rows: [string, string][], total: number): RecordGroup => ({
    ...columns(type, rows),
    total,
  });
  const n = (v: number | null | undefined) => Number(v ?? 0);

  // ---- Suppliers: counts per country and tier, the first names per country, the first records.
  const supplierScope = and(eq(suppliers.organizationId, organizationId), lte(suppliers.createdAt, to));
  const byCountryTier = tx
    .select({ country: suppliers.country, tier: suppliers.tier, count: sql<number>`count(*)` })
    .from(suppliers)
    .where(supplierScope)
    .groupBy(suppliers.country, suppliers.tier)
    .all();
  // The first MAX_NAMES_PER_COUNTRY names per country in code-point order (SQLite's BINARY collation on
  // UTF-8): one short seek per country along suppliers_org_country_name (org, country, name), stopping
  // after the few it keeps, instead of ranking all 100k names with a window function (~140 ms).
  const countries = [...new Set(byCountryTier.map((r) => r.country))].sort();
  const namesOf = (country: string) =>
    tx
      .select({ country: suppliers.country, name: suppliers.name })
      .from(suppliers)
      .where(and(supplierScope, eq(suppliers.country, country)))
      .orderBy(asc(suppliers.name))
      .limit(MAX_NAMES_PER_COUNTRY)
      .all();
  const names = countries.flatMap(namesOf);
  const supplierTotal = byCountryTier.reduce((sum, r) => sum + r.count, 0);
  const supplierRecords = tx
    .select({ id: suppliers.id, day: dayOf(suppliers.createdAt) })
    .from(suppliers)
    .where(supplierScope)
    .orderBy(asc(suppliers.createdAt), asc(suppliers.id))
    .limit(limit)
    .values() as [string, string][];

  // ---- Risk at the period end: the latest assessment per supplier on or before it (see gatherFactInputs).
  const latest = tx
    .select({
      id: riskAssessments.id,
      level: riskAssessments.level,
      computedAt: sql<number>`max(${riskAssessments.computedAt})`.as("computed_at_max"),
      day: dayOf(riskAssessments.computedAt).as("computed_on"),
    })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, organizationId), lte(riskAssessments.computedAt, to)))
    .groupBy(riskAssessments.supplierId)
    .as("latest");
  const byLevel = tx
    .select({ level: latest.level, count: sql<number>`count(*)` })
    .from(latest)
    .groupBy(latest.level)
    .all();
  const riskRecords = (where?: SQL) =>
    tx.select({ id: latest.id, day: latest.day }).from(latest).where(where).limit(limit).values() as [
      string,
      string,
    ][];
  const scored = byLevel.reduce((sum, r) => sum + r.count, 0);
  const high = byLevel.filter((r) => r.level === "high" || r.level === "critical");
  const riskHistoryExists =
    scored > 0 ||
    tx
      .select({ one: sql<number>`1` })
      .from(riskAssessments)
      .where(eq(riskAssessments.organizationId, organizationId))
      .limit(1)
      .get() !== undefined;

  return {
    period,
    asOf: day(asOf)!,
    remedies: remedyTotals(
      systemCtx(organizationId, "statement facts"),
      { from: period.start, to: period.end },
      tx,
    ),
    grievances: readGrievancePeriodFacts(tx, organizationId, period),
    training: readTrainingPeriodFacts(tx, organizationId, period, supplierTotal),
    suppliers: {
      byCountryTier,
      names,
      records: first("supplier", supplierRecords, supplierTotal),
    },
    riskAtEnd: {
      byLevel: byLevel.map((r) => ({ level: r.level, count: r.count })),
      records: first("risk_assessment", riskRecords(), scored),
      highRecords: first(
        "risk_assessment",
        riskRecords(inArray(latest.level, ["high", "critical"])),
        high.reduce((sum, r) => sum + r.count, 0),
      ),
    },
    riskHistoryExists,
    assignments: assignmentSummary(tx, organizationId, from, to, limit, first, n),
    audits: auditSummary(tx, organizationId, period, limit, first),
    findings: findingSummary(tx, organizationId, period, from, to, limit, first, n),
    actions: actionSummary(tx, organizationId, period, from, to, limit, first, n),
  };
}

type First = (type: RecordType, rows: [string, string][], total: number) => RecordGroup;
type Num = (v: number | null | undefined) => number;

function assignmentSummary(
  tx: DbOrTx,
  organizationId: string,
  from: Date,
  to: Date,
  limit: number,
  first: First,
  n: Num,
): AssignmentSummary {
  const sent = and(
    eq(assignments.organizationId, organizationId),
    gte(assignments.sentAt, from),
    lte(assignments.sentAt, to),
  );
  const live = and(sent, ne(assignments.status, "revoked"));
  // Completed by the period end: submitted (day ≤ end ⇔ instant ≤ the period's last instant) and accepted
  // or still submitted.
  const completed = and(
    live,
    lte(assignments.submittedAt, to),
    inArray(assignments.status, ["submitted", "accepted"]),
  );
  const counts = tx
    .select({
      sent: sql<number>`count(*)`,
      live: sql<number>`sum(${assignments.status} <> 'revoked')`,
      completed: sql<number>`sum(${completed})`,
    })
    .from(assignments)
    .where(sent)
    .get();
  const records = (where: SQL | undefined, date: SQL<string | null>) =>
    tx
      .select({ id: assignments.id, day: date })
      .from(assignments)
      .where(where)
      .orderBy(asc(assignments.sentAt), asc(assignments.id))
      .limit(limit)
      .values() as [string, string][];
  return {
    sent: n(counts?.sent),
    live: n(counts?.live),
    completed: n(counts?.completed),
    liveRecords: first("questionnaire", records(live, dayOf(assignments.sentAt)), n(counts?.live)),
    completedRecords: first(
      "questionnaire",
      records(completed, dayOf(assignments.submittedAt)),
      n(counts?.completed),
    ),
  };
}

function auditSummary(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  limit: number,
  first: First,
): AuditSummary {
  const inPeriod = and(
    eq(audits.organizationId, organizationId),
    gte(audits.auditDate, period.start),
    lte(audits.auditDate, period.end),
  );
  const byScheme = tx
    .select({ scheme: audits.scheme, count: sql<number>`count(*)` })
    .from(audits)
    .where(inPeriod)
    .groupBy(audits.scheme)
    .all();
  const supplierCount = tx
    .select({ count: sql<number>`count(distinct ${audits.supplierId})` })
    .from(audits)
    .where(inPeriod)
    .get();
  const count = byScheme.reduce((sum, r) => sum + r.count, 0);
  const records = tx
    .select({ id: audits.id, day: audits.auditDate })
    .from(audits)
    .where(inPeriod)
    .orderBy(asc(audits.auditDate), asc(audits.id))
    .limit(limit)
    .values() as [string, string][];
  return {
    count,
    suppliers: Number(supplierCount?.count ?? 0),
    byScheme,
    records: first("audit", records, count),
  };
}

function findingSummary(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  from: Date,
  to: Date,
  limit: number,
  first: First,
  n: Num,
): FindingSummary {
  // As in the row path: raised on the audit's date; a closed finding's closure day is its closed_at, or its
  // last update when it was closed before closure dates were kept.
  const closedOn = sql<
    string | null
  >`case when ${findings.status} = 'closed' then date(coalesce(${findings.closedAt}, ${findings.updatedAt}) / 1000, 'unixepoch') end`;
  // The same instant in milliseconds for the filters: its UTC day is in the period exactly when the
  // instant lies between the period's first and last millisecond, and comparing integers spares a date()
  // per row (20k findings, counted three ways).
  const closedAtMs = sql<
    number | null
  >`case when ${findings.status} = 'closed' then coalesce(${findings.closedAt}, ${findings.updatedAt}) end`;
  const raised = gte(audits.auditDate, period.start);
  const closedInPeriod = sql`(${closedAtMs} >= ${from.getTime()} and ${closedAtMs} <= ${to.getTime()})`;
  const openAtEnd = sql`(${closedAtMs} is null or ${closedAtMs} > ${to.getTime()})`;
  const grave = and(raised, inArray(findings.grade, [...RED_FLAG_GRADES]));
  // The action raised for a finding by the period end, looked up per grave finding through tasks_source
  // (org, source type, source ref). A join let the planner drive from all 50k actions instead (~150 ms).
  const actionRaised = and(
    eq(remediationTasks.organizationId, organizationId),
    eq(remediationTasks.sourceType, "finding"),
    lte(remediationTasks.createdAt, to),
  );
  const withAction = exists(
    tx
      .select({ one: sql`1` })
      .from(remediationTasks)
      .where(and(actionRaised, eq(remediationTasks.sourceRef, findings.id))),
  );
  const scope = and(eq(findings.organizationId, organizationId), lte(audits.auditDate, period.end));
  const joined = and(eq(audits.id, findings.auditId), eq(audits.organizationId, organizationId));
  const groups = tx
    .select({
      grade: findings.grade,
      iloIndicator: findings.iloIndicator,
      raised: sql<number>`sum(${raised})`,
      closedInPeriod: sql<number>`sum(coalesce(${closedInPeriod}, 0))`,
      openAtEnd: sql<number>`sum(${openAtEnd})`,
    })
    .from(findings)
    .innerJoin(audits, joined)
    .where(scope)
    .groupBy(findings.grade, findings.iloIndicator)
    .all()
    .map((g) => ({
      ...g,
      raised: n(g.raised),
      closedInPeriod: n(g.closedInPeriod),
      openAtEnd: n(g.openAtEnd),
    }));
  const graveWithAction = n(
    tx
      .select({ count: sql<number>`count(*)` })
      .from(findings)
      .innerJoin(audits, joined)
      .where(and(scope, grave, withAction))
      .get()?.count,
  );
  const records = (where: SQL | undefined, date: SQL<string | null> | typeof audits.auditDate, by = date) =>
    tx
      .select({ id: findings.id, day: date })
      .from(findings)
      .innerJoin(audits, joined)
      .where(and(scope, where))
      .orderBy(asc(by), asc(findings.id))
      .limit(limit)
      .values() as [string, string][];
  // The actions of the first grave findings, in those findings' order.
  const actionsOf = (graveFindings: [string, string][]): [string, string][] => {
    if (graveFindings.length === 0) return [];
    const rows = tx
      .select({
        ref: remediationTasks.sourceRef,
        id: remediationTasks.id,
        day: dayOf(remediationTasks.createdAt),
      })
      .from(remediationTasks)
      .where(
        and(
          eq(remediationTasks.organizationId, organizationId),
          eq(remediationTasks.sourceType, "finding"),
          // Unary plus keeps the planner on tasks_source (org, type, ref) for these few refs rather than
          // walking every action up to the period end through tasks_org_created (~90 ms at 50k).
          sql`+${remediationTasks.createdAt} <= ${to.getTime()}`,
          inArray(
            remediationTasks.sourceRef,
            graveFindings.map(([id]) => id),
          ),
        ),
      )
      .all();
    const byRef = new Map(rows.map((r) => [r.ref, [r.id, r.day!] as [string, string]]));
    return graveFindings.map(([id]) => byRef.get(id)!);
  };
  const sum = (
    pick: (g: FindingSummary["groups"][number]) => number,
    only = (_: FindingSummary["groups"][number]) => true,
  ) => groups.filter(only).reduce((total, g) => total + pick(g), 0);
  const isGrave = (g: FindingSummary["groups"][number]) => RED_FLAG_GRADES.includes(g.grade);
  // The indicator texts (as recorded) that name an ILO indicator: the red-flag findings are the grave ones
  // raised in the period with one of these.
  const flaggedTexts = [
    ...new Set(
      groups
        .filter((g) => isGrave(g) && g.raised > 0 && indicatorNumber(g.iloIndicator) !== null)
        .map((g) => g.iloIndicator!),
    ),
  ];
  return {
    groups,
    graveWithAction,
    records: {
      raised: first(
        "finding",
        records(raised, audits.auditDate),
        sum((g) => g.raised),
      ),
      closed: first(
        "finding",
        records(closedInPeriod, closedOn),
        sum((g) => g.closedInPeriod),
      ),
      open: first(
        "finding",
        records(openAtEnd, audits.auditDate),
        sum((g) => g.openAtEnd),
      ),
      grave: first(
        "finding",
        records(grave, audits.auditDate),
        sum((g) => g.raised, isGrave),
      ),
      graveActions: first(
        "action",
        actionsOf(records(and(grave, withAction), audits.auditDate)),
        graveWithAction,
      ),
      flagged: first(
        "finding",
        flaggedTexts.length === 0
          ? []
          : records(and(grave, inArray(findings.iloIndicator, flaggedTexts)), audits.auditDate),
        sum(
          (g) => g.raised,
          (g) => isGrave(g) && flaggedTexts.includes(g.iloIndicator!),
        ),
      ),
    },
  };
}

function actionSummary(
  tx: DbOrTx,
  organizationId: string,
  period: DayRange,
  from: Date,
  to: Date,
  limit: number,
  first: First,
  n: Num,
): ActionSummary {
  const t = remediationTasks;
  const raisedOn = dayOf(t.createdAt);
  const closedOn = sql<string | null>`case when ${t.status} = 'completed' then ${dayOf(t.completedAt)} end`;
  // Filters compare the closing instant in milliseconds with the period's first and last instant (the
  // same test as its UTC day against the period's days, without a date() per row of 50k).
  const closedAtMs = sql<number | null>`case when ${t.status} = 'completed' then ${t.completedAt} end`;
  const scope = and(eq(t.organizationId, organizationId), lte(t.createdAt, to));
  const raised = gte(t.createdAt, from);
  const closed = sql`(${closedAtMs} >= ${from.getTime()} and ${closedAtMs} <= ${to.getTime()})`;
  const open = sql`(${closedAtMs} is null or ${closedAtMs} > ${to.getTime()})`;
  const overdue = and(open, sql`${t.dueDate} < ${period.end}`);
  const answers = and(raised, eq(t.sourceType, "answer"));
  // One pass over the actions up to the period end, grouped by (answer-sourced and raised in the period,
  // indicator): the totals are the sums of the groups, and the answer red flags per indicator are the
  // groups of the first kind.
  const groups = tx
    .select({
      answerFlag: sql<number>`${answers}`.as("answer_flag"),
      iloIndicator: sql<string | null>`case when ${answers} then ${t.iloIndicator} end`.as("flag_indicator"),
      raised: sql<number>`sum(${raised})`,
      closed: sql<number>`sum(coalesce(${closed}, 0))`,
      open: sql<number>`sum(${open})`,
      overdue: sql<number>`sum(${overdue})`,
      count: sql<number>`count(*)`,
    })
    .from(t)
    .where(scope)
    .groupBy(sql`answer_flag`, sql`flag_indicator`)
    .all();
  const total = (pick: (g: (typeof groups)[number]) => number | null) =>
    groups.reduce((sum, g) => sum + n(pick(g)), 0);
  const counts = {
    raised: total((g) => g.raised),
    closed: total((g) => g.closed),
    open: total((g) => g.open),
    overdue: total((g) => g.overdue),
  };
  const answerFlags = groups
    .filter((g) => n(g.answerFlag) === 1)
    .map((g) => ({ iloIndicator: g.iloIndicator, count: n(g.count) }));
  const flaggedTexts = answerFlags
    .filter((a) => indicatorNumber(a.iloIndicator) !== null)
    .map((a) => a.iloIndicator!);
  const records = (
    where: SQL | undefined,
    date: SQL<string | null> | typeof t.dueDate,
    by: unknown = t.createdAt,
  ) =>
    tx
      .select({ id: t.id, day: date })
      .from(t)
      .where(and(scope, where))
      .orderBy(asc(by as SQL), asc(t.id))
      .limit(limit)
      .values() as [string, string][];
  return {
    raised: n(counts.raised),
    closed: n(counts.closed),
    open: n(counts.open),
    overdue: n(counts.overdue),
    answerFlags,
    records: {
      raised: first("action", records(raised, raisedOn), n(counts.raised)),
      closed: first("action", records(closed, closedOn, t.completedAt), n(counts.closed)),
      open: first("action", records(open, raisedOn), n(counts.open)),
      overdue: first("action", records(overdue, t.dueDate, t.dueDate), n(counts.overdue)),
      flagged: first(
        "action",
        flaggedTexts.length === 0
          ? []
          : records(and(answers, inArray(t.iloIndicator, flaggedTexts)), raisedOn),
        answerFlags
          .filter((a) => flaggedTexts.includes(a.iloIndicator!))
          .reduce((total, a) => total + a.count, 0),
      ),
    },
  };
}
