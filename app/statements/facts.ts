import { ILO_INDICATORS } from "~/audits/catalogue";
import { countryName } from "~/suppliers/countries";
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
  /** Questionnaires sent during the period. */
  assignments: {
    id: string;
    supplierId: string;
    status: AssignmentStatus;
    sentOn: string;
    submittedOn: string | null;
  }[];
  /** Audits dated within the period. */
  audits: { id: string; supplierId: string; scheme: string; auditDate: string }[];
  /** Findings of audits dated on or before the period end (raised = the audit date). */
  findings: {
    id: string;
    supplierId: string;
    grade: FindingGrade;
    iloIndicator: string | null;
    raisedOn: string;
    /** The day it was closed, if it is closed. */
    closedOn: string | null;
  }[];
  /** Remedies to workers recorded in the period (app/remediation's totals), or null when not read. */
  remedies?: {
    remedies: number;
    workers: number;
    amounts: { currency: string; amountMinor: number }[];
    byKind: { kind: string; remedies: number; workers: number }[];
  } | null;
  /** Remediation actions raised on or before the period end. */
  actions: {
    id: string;
    supplierId: string;
    sourceType: "answer" | "finding";
    sourceRef: string;
    iloIndicator: string | null;
    dueDate: string;
    raisedOn: string;
    closedOn: string | null;
  }[];
};

/** Records of one type behind a figure, as parallel arrays (ids[i] dated dates[i]): 100k suppliers are two
 * arrays of shared strings, not 100k objects. */
export type RecordGroup = { type: RecordType; ids: string[]; dates: string[] };
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
export type RecordType = "supplier" | "risk_assessment" | "questionnaire" | "audit" | "finding" | "action";

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
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type Indicator = {
  key: IndicatorKey;
  label: string;
  /** A count or a ratio (0–1); null when the records hold nothing to compute it from. */
  value: number | null;
  unit: "count" | "ratio";
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
    noRiskAtEnd ? null : risk.highRecords.ids.length,
    [risk.highRecords],
    riskNoData,
  );

  // ---- Questionnaires sent in the period -------------------------------------------------------------
  const live = input.assignments.filter((a) => a.status !== "revoked");
  const completed = live.filter(
    (a) => a.submittedOn !== null && a.submittedOn <= end && COMPLETED.has(a.status),
  );
  const noQuestionnaires = "No questionnaires were sent in the period.";
  add(
    "questionnaires_sent",
    "Questionnaires sent in the period",
    live.length === 0 ? null : live.length,
    [
      group(
        "questionnaire",
        live,
        (a) => a.id,
        (a) => a.sentOn,
      ),
    ],
    noQuestionnaires,
  );
  add(
    "questionnaires_completed",
    "Questionnaires completed by the period end",
    live.length === 0 ? null : completed.length,
    [
      group(
        "questionnaire",
        completed,
        (a) => a.id,
        (a) => a.submittedOn!,
      ),
    ],
    noQuestionnaires,
  );
  add(
    "questionnaire_response_rate",
    "Questionnaire response rate",
    live.length === 0 ? null : completed.length / live.length,
    [],
    noQuestionnaires,
    "ratio",
  );

  // ---- Audits dated in the period --------------------------------------------------------------------
  const schemes = new Map<string, number>();
  for (const a of input.audits) schemes.set(a.scheme, (schemes.get(a.scheme) ?? 0) + 1);
  const noAudits = "No audits are recorded for the period.";
  add(
    "audits",
    "Audits carried out in the period",
    input.audits.length === 0 ? null : input.audits.length,
    [
      group(
        "audit",
        input.audits,
        (a) => a.id,
        (a) => a.auditDate,
      ),
    ],
    noAudits,
  );
  add(
    "suppliers_audited",
    "Suppliers audited in the period",
    input.audits.length === 0 ? null : new Set(input.audits.map((a) => a.supplierId)).size,
    [],
    noAudits,
  );

  // ---- Findings ---------------------------------------------------------------------------------------
  const raised = input.findings.filter((f) => inRange(f.raisedOn, period));
  const closedInPeriod = input.findings.filter((f) => inRange(f.closedOn, period));
  const openAtEnd = input.findings.filter((f) => openAt(f.raisedOn, f.closedOn, end));
  // Audits in the period that found nothing make "0 findings" a fact; no audits and no findings is no data.
  const anyFindingHistory =
    raised.length + openAtEnd.length + closedInPeriod.length > 0 || input.audits.length > 0;
  const noFindings = "No audit findings were raised in the period or open during it.";
  add(
    "findings_raised",
    "Audit findings raised in the period",
    anyFindingHistory ? raised.length : null,
    [
      group(
        "finding",
        raised,
        (f) => f.id,
        (f) => f.raisedOn,
      ),
    ],
    noFindings,
  );
  const grave = raised.filter((f) => RED_FLAG_GRADES.includes(f.grade));
  const actionFor = new Map<string, (typeof input.actions)[number]>();
  for (const a of input.actions) if (a.sourceType === "finding") actionFor.set(a.sourceRef, a);
  const graveWithAction = grave.filter((f) => {
    const a = actionFor.get(f.id);
    return a !== undefined && a.raisedOn <= end;
  });
  add(
    "grave_findings_raised",
    "Zero-tolerance or critical findings raised in the period",
    anyFindingHistory ? grave.length : null,
    [
      group(
        "finding",
        grave,
        (f) => f.id,
        (f) => f.raisedOn,
      ),
    ],
    noFindings,
  );
  add(
    "grave_findings_with_action",
    "Of these, with a corrective action raised by the period end",
    grave.length === 0 ? null : graveWithAction.length,
    [
      group(
        "action",
        graveWithAction.map((f) => actionFor.get(f.id)!),
        (a) => a.id,
        (a) => a.raisedOn,
      ),
    ],
    "No zero-tolerance or critical findings were raised in the period.",
  );
  add(
    "findings_closed",
    "Audit findings closed in the period",
    anyFindingHistory ? closedInPeriod.length : null,
    [
      group(
        "finding",
        closedInPeriod,
        (f) => f.id,
        (f) => f.closedOn!,
      ),
    ],
    noFindings,
  );
  add(
    "findings_open_at_end",
    "Audit findings open at the period end",
    anyFindingHistory ? openAtEnd.length : null,
    [
      group(
        "finding",
        openAtEnd,
        (f) => f.id,
        (f) => f.raisedOn,
      ),
    ],
    noFindings,
  );

  // ---- Remediation actions ----------------------------------------------------------------------------
  const actionsRaised = input.actions.filter((a) => inRange(a.raisedOn, period));
  const actionsClosed = input.actions.filter((a) => inRange(a.closedOn, period));
  const actionsOpen = input.actions.filter((a) => openAt(a.raisedOn, a.closedOn, end));
  const overdue = actionsOpen.filter((a) => a.dueDate < end);
  // Actions are raised by red-flag answers and grave findings: with questionnaires or findings on record,
  // "0 actions" is a fact; with neither, there is nothing that could have raised one.
  const anyActionHistory =
    actionsRaised.length + actionsClosed.length + actionsOpen.length > 0 ||
    live.length > 0 ||
    anyFindingHistory;
  const noActions = "No remediation actions were raised in the period or open during it.";
  add(
    "actions_raised",
    "Remediation actions raised in the period",
    anyActionHistory ? actionsRaised.length : null,
    [
      group(
        "action",
        actionsRaised,
        (a) => a.id,
        (a) => a.raisedOn,
      ),
    ],
    noActions,
  );
  add(
    "actions_closed",
    "Remediation actions closed in the period",
    anyActionHistory ? actionsClosed.length : null,
    [
      group(
        "action",
        actionsClosed,
        (a) => a.id,
        (a) => a.closedOn!,
      ),
    ],
    noActions,
  );
  add(
    "actions_open_at_end",
    "Remediation actions open at the period end",
    anyActionHistory ? actionsOpen.length : null,
    [
      group(
        "action",
        actionsOpen,
        (a) => a.id,
        (a) => a.raisedOn,
      ),
    ],
    noActions,
  );
  add(
    "actions_overdue_at_end",
    "Of these, past their due date at the period end",
    anyActionHistory ? overdue.length : null,
    [
      group(
        "action",
        overdue,
        (a) => a.id,
        (a) => a.dueDate,
      ),
    ],
    noActions,
  );

  // ---- Red flags: answers that indicate forced labour, and zero-tolerance / critical findings ----------
  const flags = new Map<number, { answers: number; findings: number }>();
  const flagActions: FactInputs["actions"] = [];
  const flagFindings: FactInputs["findings"] = [];
  const flag = (n: number | null, kind: "answers" | "findings") => {
    if (n === null) return false;
    const f = flags.get(n) ?? { answers: 0, findings: 0 };
    f[kind]++;
    flags.set(n, f);
    return true;
  };
  // A red-flag answer raises a remediation action when it is recorded, so answer-sourced actions raised in
  // the period are the red-flag answers of the period.
  for (const a of actionsRaised)
    if (a.sourceType === "answer" && flag(indicatorNumber(a.iloIndicator), "answers")) flagActions.push(a);
  // Only grave findings are red flags: a minor payslip finding is not evidence of forced labour.
  for (const f of raised)
    if (RED_FLAG_GRADES.includes(f.grade) && flag(indicatorNumber(f.iloIndicator), "findings"))
      flagFindings.push(f);
  const byIndicator = [...flags.entries()]
    .sort(([a], [b]) => a - b)
    .map(([indicator, f]) => ({ indicator, name: ILO_INDICATORS[String(indicator)], ...f }));
  const sourcesExist = input.assignments.length > 0 || input.audits.length > 0 || anyActionHistory;
  add(
    "red_flags",
    "Red flags recorded in the period (by ILO indicator)",
    sourcesExist ? flagActions.length + flagFindings.length : null,
    [
      group(
        "action",
        flagActions,
        (a) => a.id,
        (a) => a.raisedOn,
      ),
      group(
        "finding",
        flagFindings,
        (f) => f.id,
        (f) => f.raisedOn,
      ),
    ],
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
    questionnaires: { revokedExcluded: input.assignments.length - live.length },
    audits: {
      byScheme: [...schemes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([scheme, count]) => ({ scheme, count })),
    },
    findings: {
      byGrade: FINDING_GRADES.map((grade) => ({
        grade,
        raised: raised.filter((f) => f.grade === grade).length,
        closedInPeriod: closedInPeriod.filter((f) => f.grade === grade).length,
        openAtEnd: openAtEnd.filter((f) => f.grade === grade).length,
      })),
    },
    redFlags: { byIndicator },
    remedies,
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
  return i.records.reduce((n, g) => n + g.ids.length, 0);
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

/** The value of an indicator, or null when it has no data. */
export function valueOf(f: StatementFacts, key: IndicatorKey): number | null {
  return indicator(f, key).value;
}

export function percent(rate: number | null): string {
  return rate === null ? "no data" : `${Math.round(rate * 100)} %`;
}

/** An indicator as printed: the number (or percentage), or the sentence saying what is missing. */
export function formatIndicator(i: Indicator): string {
  if (i.value === null) return i.noData ?? "No data.";
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

export function formatChange(c: Comparison): string {
  if (c.change === null) return "—";
  if (c.unit === "ratio") {
    const points = Math.round(c.change * 100);
    return `${points > 0 ? "+" : ""}${points} pts`;
  }
  return `${c.change > 0 ? "+" : ""}${c.change}`;
}
