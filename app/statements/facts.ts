import { ILO_INDICATORS } from "~/audits/catalogue";
import { countryName } from "~/suppliers/countries";
import { FINDING_GRADES, type FindingGrade } from "~db/schema/audits.constants";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";
import { RISK_LEVELS, type RiskLevel } from "~db/schema/suppliers.constants";

export { GRADE_LABELS } from "~/audits/catalogue";

/**
 * The live figures printed in a statement, computed by a pure function from rows the caller has already
 * scoped to one organisation and (where the rows are events) to the reporting period. The whole object is
 * stored with each generated PDF, so a printed number can always be traced back.
 */

export type FactInputs = {
  period: { start: string; end: string };
  /** The day the facts were gathered (YYYY-MM-DD); "overdue" is judged against it. */
  asOf: string;
  /** Every supplier currently mapped. */
  suppliers: { name: string; country: string; tier: number; riskLevel: RiskLevel | null }[];
  /** Questionnaires sent during the period. */
  assignments: { supplierId: string; status: AssignmentStatus }[];
  /** Audits dated within the period. */
  audits: { supplierId: string; scheme: string }[];
  /** Findings of those audits. */
  findings: { grade: FindingGrade; status: "open" | "closed"; iloIndicator: string | null }[];
  /** Remediation tasks raised during the period. */
  tasks: {
    status: "open" | "completed";
    dueDate: string;
    sourceType: "answer" | "finding";
    iloIndicator: string | null;
  }[];
};

export type StatementFacts = {
  period: { start: string; end: string };
  asOf: string;
  suppliers: {
    total: number;
    byTier: { tier: number; count: number }[];
    byCountry: {
      country: string;
      countryName: string;
      count: number;
      tier1: number;
      deeper: number;
      names: string[];
    }[];
    byRiskLevel: { level: RiskLevel | "unscored"; count: number }[];
    highRisk: number;
  };
  questionnaires: {
    sent: number;
    completed: number;
    accepted: number;
    revoked: number;
    /** Completed ÷ sent (revoked excluded), null when nothing was sent. */
    responseRate: number | null;
    suppliersCovered: number;
  };
  audits: { total: number; suppliersAudited: number; byScheme: { scheme: string; count: number }[] };
  findings: {
    total: number;
    open: number;
    closed: number;
    byGrade: { grade: FindingGrade; total: number; open: number }[];
  };
  remediation: {
    raised: number;
    open: number;
    completed: number;
    overdue: number;
    completionRate: number | null;
  };
  redFlags: {
    total: number;
    byIndicator: { indicator: number; name: string; answers: number; findings: number }[];
  };
};

const COMPLETED: ReadonlySet<AssignmentStatus> = new Set(["submitted", "accepted"]);

/** "7", "ILO 7", "7. Retention…" → 7; anything outside 1–11 → null. */
export function indicatorNumber(value: string | null | undefined): number | null {
  const match = value?.match(/\d+/);
  if (!match) return null;
  const n = Number(match[0]);
  return ILO_INDICATORS[String(n)] ? n : null;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function computeStatementFacts(input: FactInputs): StatementFacts {
  const { suppliers } = input;

  const tiers = new Map<number, number>();
  const countries = new Map<string, { count: number; tier1: number; deeper: number; names: string[] }>();
  const levels = new Map<string, number>();
  for (const s of suppliers) {
    tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
    const c = countries.get(s.country) ?? { count: 0, tier1: 0, deeper: 0, names: [] };
    c.count++;
    if (s.tier <= 1) c.tier1++;
    else c.deeper++;
    c.names.push(s.name);
    countries.set(s.country, c);
    const level = s.riskLevel ?? "unscored";
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }

  const live = input.assignments.filter((a) => a.status !== "revoked");
  const completed = live.filter((a) => COMPLETED.has(a.status));

  const schemes = new Map<string, number>();
  for (const a of input.audits) schemes.set(a.scheme, (schemes.get(a.scheme) ?? 0) + 1);

  const openTasks = input.tasks.filter((t) => t.status === "open");

  const flags = new Map<number, { answers: number; findings: number }>();
  const flag = (n: number | null, kind: "answers" | "findings") => {
    if (n === null) return;
    const f = flags.get(n) ?? { answers: 0, findings: 0 };
    f[kind]++;
    flags.set(n, f);
  };
  // A red-flag answer always raises a remediation task, so answer-sourced tasks count the red-flag answers.
  for (const t of input.tasks)
    if (t.sourceType === "answer") flag(indicatorNumber(t.iloIndicator), "answers");
  for (const f of input.findings) flag(indicatorNumber(f.iloIndicator), "findings");
  const byIndicator = [...flags.entries()]
    .sort(([a], [b]) => a - b)
    .map(([indicator, f]) => ({ indicator, name: ILO_INDICATORS[String(indicator)], ...f }));

  return {
    period: input.period,
    asOf: input.asOf,
    suppliers: {
      total: suppliers.length,
      byTier: [...tiers.entries()].sort(([a], [b]) => a - b).map(([tier, count]) => ({ tier, count })),
      byCountry: [...countries.entries()]
        .map(([country, c]) => ({
          country,
          countryName: countryName(country),
          ...c,
          names: [...c.names].sort((a, b) => a.localeCompare(b)),
        }))
        .sort((a, b) => b.count - a.count || a.countryName.localeCompare(b.countryName)),
      byRiskLevel: [...RISK_LEVELS, "unscored" as const]
        .map((level) => ({ level, count: levels.get(level) ?? 0 }))
        .filter((r) => r.count > 0),
      highRisk: (levels.get("high") ?? 0) + (levels.get("critical") ?? 0),
    },
    questionnaires: {
      sent: live.length,
      completed: completed.length,
      accepted: live.filter((a) => a.status === "accepted").length,
      revoked: input.assignments.length - live.length,
      responseRate: ratio(completed.length, live.length),
      suppliersCovered: new Set(live.map((a) => a.supplierId)).size,
    },
    audits: {
      total: input.audits.length,
      suppliersAudited: new Set(input.audits.map((a) => a.supplierId)).size,
      byScheme: [...schemes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([scheme, count]) => ({ scheme, count })),
    },
    findings: {
      total: input.findings.length,
      open: input.findings.filter((f) => f.status === "open").length,
      closed: input.findings.filter((f) => f.status === "closed").length,
      byGrade: FINDING_GRADES.map((grade) => {
        const of = input.findings.filter((f) => f.grade === grade);
        return { grade, total: of.length, open: of.filter((f) => f.status === "open").length };
      }),
    },
    remediation: {
      raised: input.tasks.length,
      open: openTasks.length,
      completed: input.tasks.length - openTasks.length,
      overdue: openTasks.filter((t) => t.dueDate < input.asOf).length,
      completionRate: ratio(input.tasks.length - openTasks.length, input.tasks.length),
    },
    redFlags: {
      total: byIndicator.reduce((sum, r) => sum + r.answers + r.findings, 0),
      byIndicator,
    },
  };
}

export function percent(rate: number | null): string {
  return rate === null ? "n/a" : `${Math.round(rate * 100)} %`;
}
