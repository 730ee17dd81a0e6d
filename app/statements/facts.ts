import { ILO_INDICATORS } from "~/audits/catalogue";
import type { GrievancePeriodFacts } from "~/grievances/period-facts";
import { countryName } from "~/suppliers/countries";
import type { TrainingPeriodFacts } from "~/training/rates";
import { FINDING_GRADES, type FindingGrade } from "~db/schema/audits.constants";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";
import { RISK_LEVELS, type RiskLevel } from "~db/schema/suppliers.constants";

export { GRADE_LABELS } from "~/audits/catalogue";

/**
 * The figures printed in a statement, computed by a pure function from dated rows that the caller has
 * scoped to one organisation. Every figure belongs to the reporting period:
 * - events (questionnaires sent, audits, findings, actions) count when they happened inside the period;
 * - closures count only when the closure itself falls inside the period (a finding closed after the year
 *   end is "open at the period end", not "closed");
 * - states ("open at period end", "risk level") are judged on the last day of the period, from dated
 *   history, never from today's value;
 * - a figure with nothing behind it says so (`value: null` + `noData`), it is never printed as 0.
 * Each indicator lists the records it counts, so the appendix can trace every number back.
 */

/** Finding grades that make a finding a red flag for forced labour (never averaged away). */
export const RED_FLAG_GRADES: readonly FindingGrade[] = ["zero_tolerance", "critical"];

export type DayRange = { start: string; end: string };

export type FactInputs = {
  period: DayRange;
  /** The day the facts were gathered (YYYY-MM-DD). */
  asOf: string;
  /** Suppliers recorded on or before the period end (with the tier as currently mapped), or their summary. */
  suppliers: SupplierRow[] | SupplierSummary;
  /** The latest stored risk assessment of each supplier computed on or before the period end. */
  riskAtEnd: RiskRow[] | RiskSummary;
  /** Whether the organisation has any stored risk history at all (to tell "none yet" from "none then"). */
  riskHistoryExists: boolean;
  /** Questionnaires sent during the period, or their summary. */
  assignments: AssignmentRow[] | AssignmentSummary;
  /** Audits dated within the period, or their summary. */
  audits: AuditRow[] | AuditSummary;
  /** Findings of audits dated on or before the period end (raised = the audit date), or their summary. */
  findings: FindingRow[] | FindingSummary;
  /** Remedies to workers recorded in the period (app/remediation's totals), or null when not read. */
  remedies?: {
    remedies: number;
    workers: number;
    amounts: { currency: string; amountMinor: number }[];
    byKind: { kind: string; remedies: number; workers: number }[];
  } | null;
  /** Remediation actions raised on or before the period end, or their summary (rows with finding rows). */
  actions: ActionRow[] | ActionSummary;
  /** The worker channel's figures for the period (app/grievances), or null when not read. */
  grievances?: GrievancePeriodFacts | null;
  /** Training completions of the period (app/training), or null when not read. */
  training?: TrainingPeriodFacts | null;
};

export type AssignmentRow = {
  id: string;
  supplierId: string;
  status: AssignmentStatus;
  sentOn: string;
  submittedOn: string | null;
};
export type AuditRow = { id: string; supplierId: string; scheme: string; auditDate: string };
export type FindingRow = {
  id: string;
  supplierId: string;
  grade: FindingGrade;
  iloIndicator: string | null;
  raisedOn: string;
  /** The day it was closed, if it is closed. */
  closedOn: string | null;
};
export type ActionRow = {
  id: string;
  supplierId: string;
  sourceType: "answer" | "finding";
  sourceRef: string;
  iloIndicator: string | null;
  dueDate: string;
  raisedOn: string;
  closedOn: string | null;
};

/** Records of one type behind a figure, as parallel arrays (ids[i] dated dates[i]): 100k suppliers are two
 * arrays of shared strings, not 100k objects. When only the first records are listed (the PDF prints 20 per
 * figure), `total` counts them all. */
export type RecordGroup = { type: RecordType; ids: string[]; dates: string[]; total?: number };

/*
 * Summaries: what the figures need of each family, counted by the database (one grouped query per family)
 * rather than held as rows. The row forms above are summarised into the same shapes by the functions
 * below, so both paths compute every figure with the same code.
 */
export type AssignmentSummary = {
  /** Sent in the period, revoked ones included. */
  sent: number;
  /** Sent in the period and not revoked. */
  live: number;
  /** Of those, completed by the period end. */
  completed: number;
  liveRecords: RecordGroup;
  completedRecords: RecordGroup;
};
export type AuditSummary = {
  count: number;
  suppliers: number;
  byScheme: { scheme: string; count: number }[];
  records: RecordGroup;
};
export type FindingSummary = {
  /** Per grade and ILO indicator as recorded: raised in the period, closed in it, open at its end. */
  groups: {
    grade: FindingGrade;
    iloIndicator: string | null;
    raised: number;
    closedInPeriod: number;
    openAtEnd: number;
  }[];
  /** Zero-tolerance / critical findings raised in the period with a corrective action raised by its end. */
  graveWithAction: number;
  records: {
    raised: RecordGroup;
    closed: RecordGroup;
    open: RecordGroup;
    grave: RecordGroup;
    /** The actions (type "action") raised for the grave findings. */
    graveActions: RecordGroup;
    /** Grave findings raised in the period that name an ILO indicator (the red-flag findings). */
    flagged: RecordGroup;
  };
};
export type ActionSummary = {
  raised: number;
  closed: number;
  open: number;
  overdue: number;
  /** Answer-sourced actions raised in the period, per ILO indicator as recorded (red-flag answers). */
  answerFlags: { iloIndicator: string | null; count: number }[];
  records: {
    raised: RecordGroup;
    closed: RecordGroup;
    open: RecordGroup;
    overdue: RecordGroup;
    /** Answer-sourced actions raised in the period that name an ILO indicator. */
    flagged: RecordGroup;
  };
};
export type RecordRef = { type: RecordType; id: string; date: string };

export type SupplierRow = { id: string; name: string; country: string; tier: number; addedOn: string };
/** What the figures need of 100k suppliers, aggregated by the database rather than held as rows. */
export type SupplierSummary = {
  byCountryTier: { country: string; tier: number; count: number }[];
  /** At most MAX_NAMES_PER_COUNTRY names per country, the first in alphabetical order. */
  names: { country: string; name: string }[];
  records: RecordGroup;
};
export type RiskRow = { supplierId: string; assessmentId: string; level: RiskLevel; computedOn: string };
export type RiskSummary = {
  byLevel: { level: RiskLevel; count: number }[];
  records: RecordGroup;
  highRecords: RecordGroup;
};

const isHigh = (level: RiskLevel) => level === "high" || level === "critical";

export function summariseSuppliers(rows: SupplierRow[] | SupplierSummary): SupplierSummary {
  if (!Array.isArray(rows)) return rows;
  const counts = new Map<string, { country: string; tier: number; count: number }>();
  const names = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.country}|${r.tier}`;
    const c = counts.get(key) ?? { country: r.country, tier: r.tier, count: 0 };
    c.count++;
    counts.set(key, c);
    const list = names.get(r.country);
    if (list) list.push(r.name);
    else names.set(r.country, [r.name]);
  }
  return {
    byCountryTier: [...counts.values()],
    names: [...names.entries()].flatMap(([country, list]) =>
      list
        .sort(collator.compare)
        .slice(0, MAX_NAMES_PER_COUNTRY)
        .map((name) => ({ country, name })),
    ),
    records: group(
      "supplier",
      rows,
      (r) => r.id,
      (r) => r.addedOn,
    ),
  };
}

export function summariseRisk(rows: RiskRow[] | RiskSummary): RiskSummary {
  if (!Array.isArray(rows)) return rows;
  const counts = new Map<RiskLevel, number>();
  for (const r of rows) counts.set(r.level, (counts.get(r.level) ?? 0) + 1);
  const high = rows.filter((r) => isHigh(r.level));
  return {
    byLevel: [...counts.entries()].map(([level, count]) => ({ level, count })),
    records: group(
      "risk_assessment",
      rows,
      (r) => r.assessmentId,
      (r) => r.computedOn,
    ),
    highRecords: group(
      "risk_assessment",
      high,
      (r) => r.assessmentId,
      (r) => r.computedOn,
    ),
  };
}
export type RecordType =
  | "supplier"
  | "risk_assessment"
  | "questionnaire"
  | "audit"
  | "finding"
  | "action"
  | "grievance_case"
  | "training_completion";

export const INDICATOR_KEYS = [
  "suppliers_mapped",
  "suppliers_scored",
  "suppliers_high_risk",
  "questionnaires_sent",
  "questionnaires_completed",
  "questionnaire_response_rate",
  "audits",
  "suppliers_audited",
  "findings_raised",
  "grave_findings_raised",
  "grave_findings_with_action",
  "findings_closed",
  "findings_open_at_end",
  "actions_raised",
  "actions_closed",
  "actions_open_at_end",
  "actions_overdue_at_end",
  "red_flags",
  "remedies",
  "workers_remedied",
  "grievances_received",
  "grievances_acknowledged",
  "grievance_median_days_to_acknowledge",
  "grievances_decided",
  "grievances_substantiated",
  "grievances_closed",
  "grievance_median_days_to_close",
  "grievances_open_at_end",
  "staff_training_completions",
  "staff_trained",
  "staff_training_rate",
  "supplier_training_completions",
  "supplier_staff_trained",
  "suppliers_reached_by_training",
  "supplier_training_rate",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type Indicator = {
  key: IndicatorKey;
  label: string;
  /** A count or a ratio (0–1); null when the records hold nothing to compute it from. */
  value: number | null;
  unit: "count" | "ratio" | "days";
  /** Printed instead of a number when value is null: what is missing. */
  noData: string | null;
  /** The records the figure counts (ids and dates), for the appendix. */
  records: RecordGroup[];
};

export type StatementFacts = {
  period: DayRange;
  asOf: string;
  indicators: Indicator[];
  supplyChain: {
    byTier: { tier: number; count: number }[];
    byCountry: {
      country: string;
      countryName: string;
      count: number;
      tier1: number;
      deeper: number;
      /** The first names in alphabetical order (at most MAX_NAMES_PER_COUNTRY); `count` has the total. */
      names: string[];
    }[];
  };
  /** Risk levels on the last day of the period, from stored history. */
  riskAtEnd: {
    byLevel: { level: RiskLevel | "unscored"; count: number }[];
    /** No stored score exists on or before the period end (say so rather than print today's levels). */
    noHistory: boolean;
  };
  questionnaires: { revokedExcluded: number };
  audits: { byScheme: { scheme: string; count: number }[] };
  findings: {
    byGrade: {
      grade: FindingGrade;
      raised: number;
      closedInPeriod: number;
      openAtEnd: number;
    }[];
  };
  redFlags: {
    byIndicator: { indicator: number; name: string; answers: number; findings: number }[];
  };
  /** What corrective actions gave back to workers in the period (money per currency, never converted). */
  remedies: NonNullable<FactInputs["remedies"]>;
  /**
   * The worker channel in the period beyond the indicators (absent from facts frozen before grievances
   * fed statements). Warning-sign counts under 3 are null ("fewer than 3"), as on the dashboard.
   */
  grievances?: {
    casesOnRecord: number;
    acknowledgedWithin7: number;
    byIndicator: { label: string; count: number | null }[];
  };
  /** Training in the period beyond the indicators (absent from facts frozen before training fed them). */
  training?: {
    courses: number;
    headcountYear: number;
    staffInScope: number | null;
    staffCourseTitles: string[];
    supplierCourseTitles: string[];
    suppliersOnRecord: number | null;
  };
};

/** Supplier names kept per country (the PDF prints them; the count covers the rest). */
export const MAX_NAMES_PER_COUNTRY = 12;
const collator = new Intl.Collator("en");

const COMPLETED: ReadonlySet<AssignmentStatus> = new Set(["submitted", "accepted"]);

/** "7", "ILO 7", "7. Retention…" → 7; anything outside 1–11 → null. */
export function indicatorNumber(value: string | null | undefined): number | null {
  const match = value?.match(/\d+/);
  if (!match) return null;
  const n = Number(match[0]);
  return ILO_INDICATORS[String(n)] ? n : null;
}

const inRange = (day: string | null, r: DayRange) => day !== null && day >= r.start && day <= r.end;
/** Open on the last day of the period: raised by then and not closed by then. */
const openAt = (raisedOn: string, closedOn: string | null, end: string) =>
  raisedOn <= end && (closedOn === null || closedOn > end);

export function computeStatementFacts(input: FactInputs): StatementFacts {
  const { period } = input;
  const end = period.end;
  const ind: Indicator[] = [];
  const add = (
    key: IndicatorKey,
    label: string,
    value: number | null,
    records: RecordGroup[],
    noData: string | null = null,
    unit: Indicator["unit"] = "count",
  ) => ind.push({ key, label, value, unit, noData: value === null ? noData : null, records });

  // ---- Supply chain as recorded by the period end ----------------------------------------------------
  const supply = summariseSuppliers(input.suppliers);
  const tiers = new Map<number, number>();
  const countries = new Map<string, { count: number; tier1: number; deeper: number; names: string[] }>();
  let supplierTotal = 0;
  for (const s of supply.byCountryTier) {
    supplierTotal += s.count;
    tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + s.count);
    const c = countries.get(s.country) ?? { count: 0, tier1: 0, deeper: 0, names: [] };
    c.count += s.count;
    if (s.tier <= 1) c.tier1 += s.count;
    else c.deeper += s.count;
    countries.set(s.country, c);
  }
  for (const n of supply.names) countries.get(n.country)?.names.push(n.name);
  add(
    "suppliers_mapped",
    "Suppliers recorded by the period end",
    supplierTotal === 0 ? null : supplierTotal,
    [supply.records],
    "No suppliers were recorded by the period end.",
  );

  // ---- Risk on the last day of the period ------------------------------------------------------------
  const risk = summariseRisk(input.riskAtEnd);
  const levelCounts = new Map<string, number>(risk.byLevel.map((l) => [l.level, l.count]));
  const scoredCount = risk.byLevel.reduce((n, l) => n + l.count, 0);
  const unscored = Math.max(0, supplierTotal - scoredCount);
  const noRiskAtEnd = scoredCount === 0;
  const riskNoData = input.riskHistoryExists
    ? `No risk score is stored for any supplier on or before ${end}.`
    : "No risk scores are stored: risk levels at the period end are unknown.";
  add(
    "suppliers_scored",
    "Suppliers with a risk score at the period end",
    noRiskAtEnd ? null : scoredCount,
    [risk.records],
    riskNoData,
  );
  add(
    "suppliers_high_risk",
    "Suppliers at high or critical risk at the period end",
    noRiskAtEnd ? null : (risk.highRecords.total ?? risk.highRecords.ids.length),
    [risk.highRecords],
    riskNoData,
  );

  // ---- Questionnaires sent in the period -------------------------------------------------------------
  const q = summariseAssignments(input.assignments, period);
  const noQuestionnaires = "No questionnaires were sent in the period.";
  add(
    "questionnaires_sent",
    "Questionnaires sent in the period",
    q.live === 0 ? null : q.live,
    [q.liveRecords],
    noQuestionnaires,
  );
  add(
    "questionnaires_completed",
    "Questionnaires completed by the period end",
    q.live === 0 ? null : q.completed,
    [q.completedRecords],
    noQuestionnaires,
  );
  add(
    "questionnaire_response_rate",
    "Questionnaire response rate",
    q.live === 0 ? null : q.completed / q.live,
    [],
    noQuestionnaires,
    "ratio",
  );

  // ---- Audits dated in the period --------------------------------------------------------------------
  const au = summariseAudits(input.audits);
  const noAudits = "No audits are recorded for the period.";
  add("audits", "Audits carried out in the period", au.count === 0 ? null : au.count, [au.records], noAudits);
  add(
    "suppliers_audited",
    "Suppliers audited in the period",
    au.count === 0 ? null : au.suppliers,
    [],
    noAudits,
  );

  // ---- Findings ---------------------------------------------------------------------------------------
  const fs = summariseFindings(input.findings, input.actions, period);
  let raisedCount = 0;
  let closedCount = 0;
  let openCount = 0;
  let graveCount = 0;
  for (const g of fs.groups) {
    raisedCount += g.raised;
    closedCount += g.closedInPeriod;
    openCount += g.openAtEnd;
    if (RED_FLAG_GRADES.includes(g.grade)) graveCount += g.raised;
  }
  // Audits in the period that found nothing make "0 findings" a fact; no audits and no findings is no data.
  const anyFindingHistory = raisedCount + openCount + closedCount > 0 || au.count > 0;
  const noFindings = "No audit findings were raised in the period or open during it.";
  add(
    "findings_raised",
    "Audit findings raised in the period",
    anyFindingHistory ? raisedCount : null,
    [fs.records.raised],
    noFindings,
  );
  add(
    "grave_findings_raised",
    "Zero-tolerance or critical findings raised in the period",
    anyFindingHistory ? graveCount : null,
    [fs.records.grave],
    noFindings,
  );
  add(
    "grave_findings_with_action",
    "Of these, with a corrective action raised by the period end",
    graveCount === 0 ? null : fs.graveWithAction,
    [fs.records.graveActions],
    "No zero-tolerance or critical findings were raised in the period.",
  );
  add(
    "findings_closed",
    "Audit findings closed in the period",
    anyFindingHistory ? closedCount : null,
    [fs.records.closed],
    noFindings,
  );
  add(
    "findings_open_at_end",
    "Audit findings open at the period end",
    anyFindingHistory ? openCount : null,
    [fs.records.open],
    noFindings,
  );

  // ---- Remediation actions ----------------------------------------------------------------------------
  const ac = summariseActions(input.actions, period);
  // Actions are raised by red-flag answers and grave findings: with questionnaires or findings on record,
  // "0 actions" is a fact; with neither, there is nothing that could have raised one.
  const anyActionHistory = ac.raised + ac.closed + ac.open > 0 || q.live > 0 || anyFindingHistory;
  const noActions = "No remediation actions were raised in the period or open during it.";
  add(
    "actions_raised",
    "Remediation actions raised in the period",
    anyActionHistory ? ac.raised : null,
    [ac.records.raised],
    noActions,
  );
  add(
    "actions_closed",
    "Remediation actions closed in the period",
    anyActionHistory ? ac.closed : null,
    [ac.records.closed],
    noActions,
  );
  add(
    "actions_open_at_end",
    "Remediation actions open at the period end",
    anyActionHistory ? ac.open : null,
    [ac.records.open],
    noActions,
  );
  add(
    "actions_overdue_at_end",
    "Of these, past their due date at the period end",
    anyActionHistory ? ac.overdue : null,
    [ac.records.overdue],
    noActions,
  );

  // ---- Red flags: answers that indicate forced labour, and zero-tolerance / critical findings ----------
  const flags = new Map<number, { answers: number; findings: number }>();
  let flagTotal = 0;
  const flag = (n: number | null, kind: "answers" | "findings", count: number) => {
    if (n === null || count === 0) return;
    const f = flags.get(n) ?? { answers: 0, findings: 0 };
    f[kind] += count;
    flags.set(n, f);
    flagTotal += count;
  };
  // A red-flag answer raises a remediation action when it is recorded, so answer-sourced actions raised in
  // the period are the red-flag answers of the period.
  for (const a of ac.answerFlags) flag(indicatorNumber(a.iloIndicator), "answers", a.count);
  // Only grave findings are red flags: a minor payslip finding is not evidence of forced labour.
  for (const g of fs.groups)
    if (RED_FLAG_GRADES.includes(g.grade)) flag(indicatorNumber(g.iloIndicator), "findings", g.raised);
  const byIndicator = [...flags.entries()]
    .sort(([a], [b]) => a - b)
    .map(([indicator, f]) => ({ indicator, name: ILO_INDICATORS[String(indicator)], ...f }));
  const sourcesExist = q.sent > 0 || au.count > 0 || anyActionHistory;
  add(
    "red_flags",
    "Red flags recorded in the period (by ILO indicator)",
    sourcesExist ? flagTotal : null,
    [ac.records.flagged, fs.records.flagged],
    "No questionnaires, audits or remediation actions are recorded for the period.",
  );

  // ---- Remedies to workers (fees repaid, wages back-paid, documents returned) ----------------------------
  const remedies = input.remedies ?? { remedies: 0, workers: 0, amounts: [], byKind: [] };
  const noRemedies = "No remedies to workers are recorded for the period.";
  add("remedies", "Remedies to workers recorded in the period", remedies.remedies || null, [], noRemedies);
  add(
    "workers_remedied",
    "Workers reached by those remedies",
    remedies.remedies ? remedies.workers : null,
    [],
    noRemedies,
  );

  const grievances = grievanceIndicators(input.grievances ?? null, add);
  const training = trainingIndicators(input.training ?? null, add);

  return {
    period,
    asOf: input.asOf,
    indicators: ind,
    supplyChain: {
      byTier: [...tiers.entries()].sort(([a], [b]) => a - b).map(([tier, count]) => ({ tier, count })),
      byCountry: [...countries.entries()]
        .map(([country, c]) => ({
          country,
          countryName: countryName(country),
          ...c,
          names: c.names.sort(collator.compare),
        }))
        .sort((a, b) => b.count - a.count || collator.compare(a.countryName, b.countryName)),
    },
    riskAtEnd: {
      byLevel: [
        ...RISK_LEVELS.map((level) => ({ level, count: levelCounts.get(level) ?? 0 })),
        { level: "unscored" as const, count: noRiskAtEnd ? 0 : unscored },
      ].filter((r) => r.count > 0),
      noHistory: noRiskAtEnd,
    },
    questionnaires: { revokedExcluded: q.sent - q.live },
    audits: {
      byScheme: [...au.byScheme].sort((a, b) => a.scheme.localeCompare(b.scheme)),
    },
    findings: {
      byGrade: FINDING_GRADES.map((grade) => {
        const row = { grade, raised: 0, closedInPeriod: 0, openAtEnd: 0 };
        for (const g of fs.groups)
          if (g.grade === grade) {
            row.raised += g.raised;
            row.closedInPeriod += g.closedInPeriod;
            row.openAtEnd += g.openAtEnd;
          }
        return row;
      }),
    },
    redFlags: { byIndicator },
    remedies,
    ...(grievances ? { grievances } : {}),
    ...(training ? { training } : {}),
  };
}

type AddIndicator = (
  key: IndicatorKey,
  label: string,
  value: number | null,
  records: RecordGroup[],
  noData?: string | null,
  unit?: Indicator["unit"],
) => void;

const dated = (type: RecordType, d: { ids: string[]; dates: string[] }): RecordGroup => ({
  type,
  ids: d.ids,
  dates: d.dates,
});

/**
 * The worker channel's indicators. A period no case touched (none received in it, none open or closed
 * during it) has no data, never "0 substantiated of 0"; a share or a median needs cases behind it.
 */
function grievanceIndicators(
  g: GrievancePeriodFacts | null,
  add: AddIndicator,
): StatementFacts["grievances"] {
  const touched =
    g !== null &&
    g.received.ids.length + g.closed.ids.length + g.openAtEnd.ids.length + g.decided.ids.length > 0;
  const none = "No grievance reports were received in the period or open during it.";
  const count = (d: { ids: string[] } | undefined) => (touched && d ? d.ids.length : null);
  const received = touched ? g.received.ids.length : 0;
  const noneReceived = touched ? "No grievance reports were received in the period." : none;
  const noneDecided = touched ? "No grievance case was decided in the period." : none;
  const noneClosed = touched ? "No grievance case was closed in the period." : none;
  add(
    "grievances_received",
    "Grievance reports received in the period",
    count(g?.received),
    g ? [dated("grievance_case", g.received)] : [],
    none,
  );
  add(
    "grievances_acknowledged",
    "Of these, acknowledged by the period end",
    received > 0 ? g!.acknowledged.ids.length : null,
    g ? [dated("grievance_case", g.acknowledged)] : [],
    noneReceived,
  );
  add(
    "grievance_median_days_to_acknowledge",
    "Median time from receipt to acknowledgement",
    touched ? g.medianDaysToAcknowledge : null,
    [],
    touched ? "No report received in the period was acknowledged by its end." : none,
    "days",
  );
  add(
    "grievances_decided",
    "Grievance cases decided in the period",
    count(g?.decided),
    g ? [dated("grievance_case", g.decided)] : [],
    none,
  );
  add(
    "grievances_substantiated",
    "Of these, substantiated",
    touched && g.decided.ids.length > 0 ? g.substantiated.ids.length : null,
    g ? [dated("grievance_case", g.substantiated)] : [],
    noneDecided,
  );
  add(
    "grievances_closed",
    "Grievance cases closed in the period",
    count(g?.closed),
    g ? [dated("grievance_case", g.closed)] : [],
    none,
  );
  add(
    "grievance_median_days_to_close",
    "Median time from receipt to closure",
    touched ? g.medianDaysToClose : null,
    [],
    noneClosed,
    "days",
  );
  add(
    "grievances_open_at_end",
    "Grievance cases open at the period end",
    count(g?.openAtEnd),
    g ? [dated("grievance_case", g.openAtEnd)] : [],
    none,
  );
  if (!g) return undefined;
  return {
    casesOnRecord: g.casesOnRecord,
    acknowledgedWithin7: g.acknowledgedWithin7,
    byIndicator: g.byIndicator.filter((i) => i.count !== 0).map((i) => ({ label: i.label, count: i.count })),
  };
}

/**
 * Training indicators. With no course recorded at all, training is not recorded in Clearsource; with
 * courses but no completion in the period, the figures say none is recorded for it: never 0 or "0 %".
 * A rate needs its denominator from the records (the headcount in scope, the suppliers on record).
 */
function trainingIndicators(t: TrainingPeriodFacts | null, add: AddIndicator): StatementFacts["training"] {
  const recorded = t !== null && t.courses > 0;
  const notRecorded = "Training is not recorded in Clearsource.";
  const staff = recorded && t.staff.completions > 0 ? t.staff : null;
  const supplier = recorded && t.supplier.completions > 0 ? t.supplier : null;
  const noStaff = recorded ? "No staff training completions are recorded for the period." : notRecorded;
  const noSupplier = recorded
    ? "No supplier staff training completions are recorded for the period."
    : notRecorded;
  const staffRecords = t ? [dated("training_completion", t.staff)] : [];
  const supplierRecords = t ? [dated("training_completion", t.supplier)] : [];
  const year = t?.staff.headcountYear;
  add(
    "staff_training_completions",
    "Staff training completions in the period",
    staff?.completions ?? null,
    staffRecords,
    noStaff,
  );
  add(
    "staff_trained",
    "Staff who completed training in the period",
    staff?.people ?? null,
    staffRecords,
    noStaff,
  );
  add(
    "staff_training_rate",
    year
      ? `Staff trained, as a share of the ${year} headcount in scope`
      : "Staff trained, as a share of staff in scope",
    staff?.rate ?? null,
    [],
    staff ? `No headcount of staff in scope is recorded for ${year}, so no rate is given.` : noStaff,
    "ratio",
  );
  add(
    "supplier_training_completions",
    "Supplier staff training completions in the period",
    supplier?.completions ?? null,
    supplierRecords,
    noSupplier,
  );
  add(
    "supplier_staff_trained",
    "Supplier staff who completed training in the period",
    supplier?.people ?? null,
    supplierRecords,
    noSupplier,
  );
  add(
    "suppliers_reached_by_training",
    "Suppliers whose staff completed training in the period",
    supplier?.suppliersReached ?? null,
    [],
    noSupplier,
  );
  add(
    "supplier_training_rate",
    "Suppliers reached, as a share of suppliers recorded by the period end",
    supplier?.rate ?? null,
    [],
    supplier ? "No suppliers were recorded by the period end." : noSupplier,
    "ratio",
  );
  if (!t) return undefined;
  return {
    courses: t.courses,
    headcountYear: t.staff.headcountYear,
    staffInScope: t.staff.inScope,
    staffCourseTitles: t.staff.courseTitles,
    supplierCourseTitles: t.supplier.courseTitles,
    suppliersOnRecord: t.supplier.suppliersOnRecord,
  };
}

/** The questionnaire figures of assignment rows (a summary passes through). */
export function summariseAssignments(
  rows: AssignmentRow[] | AssignmentSummary,
  period: DayRange,
): AssignmentSummary {
  if (!Array.isArray(rows)) return rows;
  const live = rows.filter((a) => a.status !== "revoked");
  const completed = live.filter(
    (a) => a.submittedOn !== null && a.submittedOn <= period.end && COMPLETED.has(a.status),
  );
  return {
    sent: rows.length,
    live: live.length,
    completed: completed.length,
    liveRecords: group(
      "questionnaire",
      live,
      (a) => a.id,
      (a) => a.sentOn,
    ),
    completedRecords: group(
      "questionnaire",
      completed,
      (a) => a.id,
      (a) => a.submittedOn!,
    ),
  };
}

export function summariseAudits(rows: AuditRow[] | AuditSummary): AuditSummary {
  if (!Array.isArray(rows)) return rows;
  const schemes = new Map<string, number>();
  for (const a of rows) schemes.set(a.scheme, (schemes.get(a.scheme) ?? 0) + 1);
  return {
    count: rows.length,
    suppliers: new Set(rows.map((a) => a.supplierId)).size,
    byScheme: [...schemes.entries()].map(([scheme, count]) => ({ scheme, count })),
    records: group(
      "audit",
      rows,
      (a) => a.id,
      (a) => a.auditDate,
    ),
  };
}

/** The finding figures of finding rows; grave findings are matched to the action rows raised for them. */
export function summariseFindings(
  rows: FindingRow[] | FindingSummary,
  actions: ActionRow[] | ActionSummary,
  period: DayRange,
): FindingSummary {
  if (!Array.isArray(rows)) return rows;
  if (!Array.isArray(actions)) throw new Error("Finding rows need the action rows to match actions to them");
  const end = period.end;
  const raised = rows.filter((f) => inRange(f.raisedOn, period));
  const closedInPeriod = rows.filter((f) => inRange(f.closedOn, period));
  const openAtEnd = rows.filter((f) => openAt(f.raisedOn, f.closedOn, end));
  const groups = new Map<string, FindingSummary["groups"][number]>();
  const groupOf = (f: FindingRow) => {
    const key = `${f.grade}|${f.iloIndicator ?? ""}|${f.iloIndicator === null}`;
    let g = groups.get(key);
    if (!g) {
      g = { grade: f.grade, iloIndicator: f.iloIndicator, raised: 0, closedInPeriod: 0, openAtEnd: 0 };
      groups.set(key, g);
    }
    return g;
  };
  for (const f of raised) groupOf(f).raised++;
  for (const f of closedInPeriod) groupOf(f).closedInPeriod++;
  for (const f of openAtEnd) groupOf(f).openAtEnd++;
  const grave = raised.filter((f) => RED_FLAG_GRADES.includes(f.grade));
  const actionFor = new Map<string, ActionRow>();
  for (const a of actions) if (a.sourceType === "finding") actionFor.set(a.sourceRef, a);
  const graveWithAction = grave.filter((f) => {
    const a = actionFor.get(f.id);
    return a !== undefined && a.raisedOn <= end;
  });
  const byId = (f: FindingRow) => f.id;
  const raisedOn = (f: FindingRow) => f.raisedOn;
  return {
    groups: [...groups.values()],
    graveWithAction: graveWithAction.length,
    records: {
      raised: group("finding", raised, byId, raisedOn),
      closed: group("finding", closedInPeriod, byId, (f) => f.closedOn!),
      open: group("finding", openAtEnd, byId, raisedOn),
      grave: group("finding", grave, byId, raisedOn),
      graveActions: group(
        "action",
        graveWithAction.map((f) => actionFor.get(f.id)!),
        (a) => a.id,
        (a) => a.raisedOn,
      ),
      flagged: group(
        "finding",
        grave.filter((f) => indicatorNumber(f.iloIndicator) !== null),
        byId,
        raisedOn,
      ),
    },
  };
}

export function summariseActions(rows: ActionRow[] | ActionSummary, period: DayRange): ActionSummary {
  if (!Array.isArray(rows)) return rows;
  const end = period.end;
  const raised = rows.filter((a) => inRange(a.raisedOn, period));
  const closed = rows.filter((a) => inRange(a.closedOn, period));
  const open = rows.filter((a) => openAt(a.raisedOn, a.closedOn, end));
  const overdue = open.filter((a) => a.dueDate < end);
  const answers = raised.filter((a) => a.sourceType === "answer");
  const flags = new Map<string | null, number>();
  for (const a of answers) flags.set(a.iloIndicator, (flags.get(a.iloIndicator) ?? 0) + 1);
  const byId = (a: ActionRow) => a.id;
  const raisedOn = (a: ActionRow) => a.raisedOn;
  return {
    raised: raised.length,
    closed: closed.length,
    open: open.length,
    overdue: overdue.length,
    answerFlags: [...flags.entries()].map(([iloIndicator, count]) => ({ iloIndicator, count })),
    records: {
      raised: group("action", raised, byId, raisedOn),
      closed: group("action", closed, byId, (a) => a.closedOn!),
      open: group("action", open, byId, raisedOn),
      overdue: group("action", overdue, byId, (a) => a.dueDate),
      flagged: group(
        "action",
        answers.filter((a) => indicatorNumber(a.iloIndicator) !== null),
        byId,
        raisedOn,
      ),
    },
  };
}

function group<T>(type: RecordType, rows: T[], id: (r: T) => string, date: (r: T) => string): RecordGroup {
  const ids = new Array<string>(rows.length);
  const dates = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    ids[i] = id(rows[i]);
    dates[i] = date(rows[i]);
  }
  return { type, ids, dates };
}

export function recordCount(i: Indicator): number {
  return i.records.reduce((n, g) => n + (g.total ?? g.ids.length), 0);
}

/** Whether every record behind every figure is listed (false when only the first ones were read). */
export function listsEveryRecord(f: StatementFacts): boolean {
  return f.indicators.every((i) => i.records.every((g) => g.total === undefined || g.total === g.ids.length));
}

/** The first `limit` records of an indicator (all when no limit), as objects for printing. */
export function recordList(i: Indicator, limit = Infinity): RecordRef[] {
  const out: RecordRef[] = [];
  for (const g of i.records)
    for (let k = 0; k < g.ids.length && out.length < limit; k++)
      out.push({ type: g.type, id: g.ids[k], date: g.dates[k] });
  return out;
}

export function indicator(f: StatementFacts, key: IndicatorKey): Indicator {
  const found = f.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`Unknown indicator ${key}`);
  return found;
}

/** The value of an indicator, or null when it has no data (or the facts predate the indicator). */
export function valueOf(f: StatementFacts, key: IndicatorKey): number | null {
  return f.indicators.find((i) => i.key === key)?.value ?? null;
}

export function percent(rate: number | null): string {
  return rate === null ? "no data" : `${Math.round(rate * 100)} %`;
}

/** An indicator as printed: the number (or percentage), or the sentence saying what is missing. */
export function formatIndicator(i: Indicator): string {
  if (i.value === null) return i.noData ?? "No data.";
  if (i.unit === "days") return formatDays(i.value);
  return i.unit === "ratio" ? percent(i.value) : String(i.value);
}

export type Comparison = {
  key: IndicatorKey;
  label: string;
  current: string;
  previous: string;
  /** current − previous, when both are numbers. */
  change: number | null;
  unit: Indicator["unit"];
};

/** Year-over-year comparison of the indicators with an earlier statement's facts. */
export function compareFacts(current: StatementFacts, previous: StatementFacts): Comparison[] {
  return current.indicators.map((c) => {
    const p = previous.indicators.find((i) => i.key === c.key);
    const change = c.value !== null && p?.value != null ? c.value - p.value : null;
    return {
      key: c.key,
      label: c.label,
      current: formatIndicator(c),
      previous: p ? formatIndicator(p) : "not reported",
      change,
      unit: c.unit,
    };
  });
}

/** Whole or half days (a median of an even count), e.g. "3 days", "1 day", "2.5 days". */
export function formatDays(value: number): string {
  const rounded = Math.round(value * 2) / 2;
  return `${rounded} ${rounded === 1 ? "day" : "days"}`;
}

export function formatChange(c: Comparison): string {
  if (c.change === null) return "—";
  if (c.unit === "days") return `${c.change > 0 ? "+" : ""}${Math.round(c.change * 2) / 2} days`;
  if (c.unit === "ratio") {
    const points = Math.round(c.change * 100);
    return `${points > 0 ? "+" : ""}${points} pts`;
  }
  return `${c.change > 0 ? "+" : ""}${c.change}`;
}
