import { GRIEVANCE_INDICATORS, type GrievanceIndicator } from "~db/schema/grievances.constants";
import { median, MIN_CELL, wasSubstantiated, type EffectivenessCase } from "./effectiveness";
import { INDICATOR_LABELS } from "./indicators";

/**
 * The worker channel's figures for a statement's reporting period, as they stood on its last day (pure,
 * so the period boundaries are tested without a database). Events count when they happened inside the
 * period: a case received before the period and closed in it counts as closed in it, not as received; a
 * case closed in the period and reopened after its end was closed on the last day. The state on the
 * last day comes from the dated transitions (the audit log), so a later reopen never rewrites the past.
 * Counts and case ids only: nothing a reporter wrote, no site and no language leaves this module (D28),
 * and warning-sign counts under MIN_CELL are withheld as on the dashboard.
 */
export type PeriodCase = Pick<
  EffectivenessCase,
  "receivedOn" | "indicators" | "acknowledgedOn" | "decidedOn" | "closedOn" | "actionId" | "state"
> & { id: string };

/** One dated transition of a case, from the audit log ("grievance.close" etc.). */
export type CaseTransition = { caseId: string; event: string; day: string };

export type DatedIds = { ids: string[]; dates: string[] };

export type GrievancePeriodFacts = {
  /** Cases received on or before the period end exist: the channel has records that could count. */
  casesOnRecord: number;
  received: DatedIds;
  /** Of the cases received in the period, those acknowledged by its end (dated by the acknowledgement). */
  acknowledged: DatedIds;
  acknowledgedWithin7: number;
  medianDaysToAcknowledge: number | null;
  /** Cases closed in the period, whenever they were received (dated by the closure). */
  closed: DatedIds;
  medianDaysToClose: number | null;
  /** Cases received by the period end and not closed on its last day (dated by receipt). */
  openAtEnd: DatedIds;
  /** Cases decided in the period (their last decision in it), and of those the substantiated ones. */
  decided: DatedIds;
  substantiated: DatedIds;
  /** Warning signs ticked in the reports received in the period; null = fewer than MIN_CELL, withheld. */
  byIndicator: { key: GrievanceIndicator; label: string; count: number | null }[];
};

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const DECISIONS = new Set(["substantiate", "not_substantiate"]);

export function grievancePeriodFacts(
  cases: PeriodCase[],
  transitions: CaseTransition[],
  period: { start: string; end: string },
): GrievancePeriodFacts {
  const inPeriod = (d: string | null) => d !== null && d >= period.start && d <= period.end;
  const byCase = new Map<string, CaseTransition[]>();
  for (const t of transitions) {
    if (t.day > period.end) continue;
    const list = byCase.get(t.caseId);
    if (list) list.push(t);
    else byCase.set(t.caseId, [t]);
  }
  const onRecord = cases.filter((c) => c.receivedOn <= period.end);
  const received = onRecord.filter((c) => inPeriod(c.receivedOn));
  const out = {
    received: dated(received.map((c) => [c.id, c.receivedOn])),
    acknowledged: [] as [string, string][],
    ackDays: [] as number[],
    closed: [] as [string, string][],
    closeDays: [] as number[],
    open: [] as [string, string][],
    decided: [] as [string, string][],
    substantiated: [] as [string, string][],
  };
  for (const c of received) {
    if (c.acknowledgedOn !== null && c.acknowledgedOn <= period.end) {
      out.acknowledged.push([c.id, c.acknowledgedOn]);
      out.ackDays.push(days(c.receivedOn, c.acknowledgedOn));
    }
  }
  for (const c of onRecord) {
    const history = byCase.get(c.id);
    // Cases worked before transitions were kept in the audit log: their milestones stand in for them.
    const steps: CaseTransition[] =
      history ??
      [
        ...(c.decidedOn
          ? [
              {
                caseId: c.id,
                event: wasSubstantiated(c) ? "substantiate" : "not_substantiate",
                day: c.decidedOn,
              },
            ]
          : []),
        ...(c.closedOn ? [{ caseId: c.id, event: "close", day: c.closedOn }] : []),
      ].filter((t) => t.day <= period.end);
    let closedAtEnd = false;
    let lastClose: string | null = null;
    let lastDecision: CaseTransition | null = null;
    for (const t of steps) {
      if (t.event === "close") {
        closedAtEnd = true;
        if (inPeriod(t.day)) lastClose = t.day;
      } else if (t.event === "reopen") closedAtEnd = false;
      else if (DECISIONS.has(t.event) && inPeriod(t.day)) lastDecision = t;
    }
    if (lastClose !== null) {
      out.closed.push([c.id, lastClose]);
      out.closeDays.push(days(c.receivedOn, lastClose));
    }
    if (!closedAtEnd) out.open.push([c.id, c.receivedOn]);
    if (lastDecision) {
      out.decided.push([c.id, lastDecision.day]);
      if (lastDecision.event === "substantiate") out.substantiated.push([c.id, lastDecision.day]);
    }
  }
  return {
    casesOnRecord: onRecord.length,
    received: out.received,
    acknowledged: dated(out.acknowledged),
    acknowledgedWithin7: out.ackDays.filter((d) => d <= 7).length,
    medianDaysToAcknowledge: median(out.ackDays),
    closed: dated(out.closed),
    medianDaysToClose: median(out.closeDays),
    openAtEnd: dated(out.open),
    decided: dated(out.decided),
    substantiated: dated(out.substantiated),
    byIndicator: GRIEVANCE_INDICATORS.map((key) => {
      const n = received.filter((c) => c.indicators.includes(key)).length;
      return { key, label: INDICATOR_LABELS[key], count: n > 0 && n < MIN_CELL ? null : n };
    }),
  };
}

function dated(rows: [string, string][]): DatedIds {
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
  return { ids: rows.map((r) => r[0]), dates: rows.map((r) => r[1]) };
}
