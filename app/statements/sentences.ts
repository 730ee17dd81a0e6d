import { formatDays, percent, valueOf, type StatementFacts } from "./facts";
import { formatLongDate } from "./period";
import type { FigureBlock } from "./regimes";

/**
 * The sentences the product writes about the organisation. Each one is generated from a fact and printed
 * only while that fact holds, so a statement never claims what the records do not show (an organisation
 * whose grave findings did not all get a corrective action is not told it "always" raises one). They are
 * produced when the PDF is rendered from the facts of the version, never stored as editable text.
 */
export type FactSentence = {
  id: string;
  block: FigureBlock;
  holds: (f: StatementFacts) => boolean;
  text: (f: StatementFacts) => string;
  /**
   * The sentence says the records hold nothing for its block ("training is not recorded"): true and
   * printed, but it does not cover a criterion for the checker.
   */
  absence?: true;
};

const n = (f: StatementFacts, key: Parameters<typeof valueOf>[1]) => valueOf(f, key) ?? 0;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const endOf = (f: StatementFacts) => formatLongDate(f.period.end);
const has = (f: StatementFacts, key: Parameters<typeof valueOf>[1]) => valueOf(f, key) !== null;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
/** "were" / "was" after a count. */
const verb = (count: number) => (count === 1 ? "was" : "were");

export const FACT_SENTENCES: readonly FactSentence[] = [
  {
    id: "supply_chain_mapped",
    block: "supplyChain",
    holds: (f) => valueOf(f, "suppliers_mapped") !== null,
    text: (f) => {
      const tier1 = f.supplyChain.byTier.find((t) => t.tier <= 1)?.count ?? 0;
      const deeper = n(f, "suppliers_mapped") - tier1;
      return (
        `By ${endOf(f)} we had recorded ${plural(n(f, "suppliers_mapped"), "supplier")} in ` +
        `${plural(f.supplyChain.byCountry.length, "country", "countries")}: ${tier1} direct (tier 1) and ` +
        `${deeper} further up the supply chain.`
      );
    },
  },
  {
    id: "questionnaires_sent",
    block: "dueDiligence",
    holds: (f) => valueOf(f, "questionnaires_sent") !== null,
    text: (f) =>
      `During the period we sent ${plural(n(f, "questionnaires_sent"), "forced-labour self-assessment questionnaire")} ` +
      `to suppliers; ${n(f, "questionnaires_completed")} had been completed by ${endOf(f)}.`,
  },
  {
    id: "audits_done",
    block: "dueDiligence",
    holds: (f) => valueOf(f, "audits") !== null,
    text: (f) =>
      `${plural(n(f, "audits"), "social audit")} of ${plural(n(f, "suppliers_audited"), "supplier")} took place ` +
      `in the period (${f.audits.byScheme.map((s) => `${s.scheme}: ${s.count}`).join(", ")}).`,
  },
  {
    id: "no_audits",
    block: "dueDiligence",
    holds: (f) => valueOf(f, "audits") === null,
    text: () => "No supplier audits are recorded for the period.",
  },
  {
    id: "risk_scored",
    block: "risk",
    holds: (f) => valueOf(f, "suppliers_scored") !== null,
    text: (f) =>
      `On ${endOf(f)}, ${n(f, "suppliers_scored")} of ${plural(n(f, "suppliers_mapped"), "recorded supplier")} ` +
      `had a risk score, based on the country of operation, questionnaire answers and audit findings; ` +
      `${n(f, "suppliers_high_risk")} were at high or critical risk.`,
  },
  {
    id: "risk_unknown",
    block: "risk",
    holds: (f) => valueOf(f, "suppliers_mapped") !== null && valueOf(f, "suppliers_scored") === null,
    text: (f) =>
      `No supplier had a stored risk score on ${endOf(f)}, so risk levels at the period end are not known.`,
  },
  {
    id: "grave_findings_all_actioned",
    block: "remediation",
    holds: (f) =>
      n(f, "grave_findings_raised") > 0 &&
      n(f, "grave_findings_with_action") === n(f, "grave_findings_raised"),
    text: (f) =>
      `Each of the ${plural(n(f, "grave_findings_raised"), "zero-tolerance or critical audit finding")} raised in ` +
      `the period led to a corrective action by ${endOf(f)}.`,
  },
  {
    id: "grave_findings_without_action",
    block: "remediation",
    holds: (f) => n(f, "grave_findings_with_action") < n(f, "grave_findings_raised"),
    text: (f) => {
      const missing = n(f, "grave_findings_raised") - n(f, "grave_findings_with_action");
      return (
        `${missing} of the ${plural(n(f, "grave_findings_raised"), "zero-tolerance or critical audit finding")} ` +
        `raised in the period had no corrective action recorded by ${endOf(f)}.`
      );
    },
  },
  {
    id: "red_flag_answers",
    block: "risk",
    holds: (f) => f.redFlags.byIndicator.some((r) => r.answers > 0),
    text: (f) => {
      const answers = f.redFlags.byIndicator.reduce((sum, r) => sum + r.answers, 0);
      return (
        `${plural(answers, "questionnaire answer")} indicating forced labour (red flags) were recorded in the ` +
        `period, each of which raised a remediation action.`
      );
    },
  },
  {
    id: "actions_summary",
    block: "remediation",
    holds: (f) => n(f, "actions_raised") > 0 || n(f, "actions_open_at_end") > 0,
    text: (f) =>
      `${plural(n(f, "actions_raised"), "remediation action")} ${n(f, "actions_raised") === 1 ? "was" : "were"} ` +
      `raised in the period and ${n(f, "actions_closed")} closed in it; ${n(f, "actions_open_at_end")} ` +
      `${n(f, "actions_open_at_end") === 1 ? "was" : "were"} open on ${endOf(f)}, ` +
      `${n(f, "actions_overdue_at_end")} of them past their due date.`,
  },
  {
    id: "remedies_given",
    block: "remediation",
    holds: (f) => f.remedies.remedies > 0,
    text: (f) => {
      const money = f.remedies.amounts
        .map(
          (a) =>
            `${a.currency} ${(a.amountMinor / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`,
        )
        .join(", ");
      return (
        `Corrective actions gave ${plural(f.remedies.remedies, "remedy", "remedies")} to workers in the period, ` +
        `reaching ${plural(f.remedies.workers, "worker")}` +
        (money ? `, including ${money} paid to workers (fees repaid or wages back-paid).` : ".")
      );
    },
  },
  {
    id: "findings_open_at_end",
    block: "remediation",
    holds: (f) => n(f, "findings_open_at_end") > 0,
    text: (f) => `${plural(n(f, "findings_open_at_end"), "audit finding")} remained open on ${endOf(f)}.`,
  },
  {
    id: "grievances_none",
    block: "grievance",
    // Facts frozen before grievances fed statements carry no grievance figures: they say nothing here.
    holds: (f) => f.grievances !== undefined && !has(f, "grievances_received"),
    text: (f) =>
      f.grievances!.casesOnRecord === 0
        ? "No grievance reports from workers are recorded in Clearsource up to the period end."
        : "No grievance reports from workers were received in the period, and none was open during it.",
    absence: true,
  },
  {
    id: "grievances_received",
    block: "grievance",
    holds: (f) => n(f, "grievances_received") > 0,
    text: (f) => {
      const received = n(f, "grievances_received");
      const acked = n(f, "grievances_acknowledged");
      const median = valueOf(f, "grievance_median_days_to_acknowledge");
      return (
        `${plural(received, "grievance report")} from workers ${verb(received)} received in the period; ` +
        `${acked} ${verb(acked)} acknowledged by ${endOf(f)}` +
        (acked > 0
          ? `, ${f.grievances?.acknowledgedWithin7 ?? 0} of them within 7 days of receipt (median ${formatDays(median ?? 0)}).`
          : ".")
      );
    },
  },
  {
    id: "grievances_warning_signs",
    block: "grievance",
    // Counts under 3 are withheld (as on the dashboard): only signs reported at least 3 times are named.
    holds: (f) => (f.grievances?.byIndicator ?? []).some((i) => i.count !== null),
    text: (f) => {
      const shown = f.grievances!.byIndicator.filter((i) => i.count !== null);
      const withheld = f.grievances!.byIndicator.length - shown.length;
      return (
        `Warning signs of forced labour named in the reports received in the period: ${list(shown.map((i) => `${i.label.toLowerCase()} (${i.count})`))}` +
        (withheld > 0
          ? `; ${plural(withheld, "other sign")}, each reported fewer than 3 times, ${withheld === 1 ? "is" : "are"} not itemised to protect reporters.`
          : ".")
      );
    },
  },
  {
    id: "grievances_decided",
    block: "grievance",
    holds: (f) => n(f, "grievances_decided") > 0,
    text: (f) => {
      const decided = n(f, "grievances_decided");
      const sub = n(f, "grievances_substantiated");
      return (
        `${plural(decided, "grievance case")} ${verb(decided)} decided after investigation in the period: ` +
        `${sub} substantiated` +
        (sub > 0 ? ", each raising a corrective action with the supplier concerned" : "") +
        `, and ${decided - sub} not substantiated.`
      );
    },
  },
  {
    id: "grievances_closed",
    block: "grievance",
    holds: (f) => n(f, "grievances_closed") > 0 || n(f, "grievances_open_at_end") > 0,
    text: (f) => {
      const closed = n(f, "grievances_closed");
      const open = n(f, "grievances_open_at_end");
      const median = valueOf(f, "grievance_median_days_to_close");
      return (
        `${plural(closed, "grievance case")} ${verb(closed)} closed in the period` +
        (median !== null ? ` (median ${formatDays(median)} from receipt to closure)` : "") +
        `; ${open} ${verb(open)} open on ${endOf(f)}.`
      );
    },
  },
  {
    id: "training_not_recorded",
    block: "training",
    holds: (f) => f.training !== undefined && f.training.courses === 0,
    text: () => "Training is not recorded in Clearsource, so no training figures are given for the period.",
    absence: true,
  },
  {
    id: "training_none_in_period",
    block: "training",
    holds: (f) =>
      f.training !== undefined &&
      f.training.courses > 0 &&
      !has(f, "staff_training_completions") &&
      !has(f, "supplier_training_completions"),
    text: (f) =>
      `No completions of the ${plural(f.training!.courses, "training course")} recorded in Clearsource fall ` +
      "within the period.",
    absence: true,
  },
  {
    id: "staff_trained",
    block: "training",
    holds: (f) => has(f, "staff_trained"),
    text: (f) => {
      const t = f.training!;
      const people = n(f, "staff_trained");
      const rate = valueOf(f, "staff_training_rate");
      return (
        `During the period, ${plural(people, "member")} of staff completed training recorded in Clearsource ` +
        `(${plural(n(f, "staff_training_completions"), "completion")}: ${list(t.staffCourseTitles)}); ` +
        (rate !== null
          ? `that is ${percent(rate)} of the ${t.staffInScope} staff in scope recorded for ${t.headcountYear}.`
          : `no headcount of staff in scope is recorded for ${t.headcountYear}, so no completion rate is given.`)
      );
    },
  },
  {
    id: "supplier_staff_trained",
    block: "training",
    holds: (f) => has(f, "supplier_staff_trained"),
    text: (f) => {
      const t = f.training!;
      const rate = valueOf(f, "supplier_training_rate");
      const reached = n(f, "suppliers_reached_by_training");
      return (
        `${plural(n(f, "supplier_staff_trained"), "person", "people")} at ${plural(reached, "supplier")} ` +
        `completed supplier training in the period (${list(t.supplierCourseTitles)})` +
        (rate !== null
          ? `, reaching ${percent(rate)} of the ${t.suppliersOnRecord} suppliers recorded by ${endOf(f)}.`
          : ".")
      );
    },
  },
];

/** The sentences of a figure block that hold for these facts, in order. */
export function sentencesFor(f: StatementFacts, block: FigureBlock): string[] {
  return FACT_SENTENCES.filter((s) => s.block === block && s.holds(f)).map((s) => s.text(f));
}

/** The sentences that cover a block for the checker: those saying the records hold nothing do not. */
export function coveringSentences(f: StatementFacts, block: FigureBlock): string[] {
  return FACT_SENTENCES.filter((s) => s.block === block && !s.absence && s.holds(f)).map((s) => s.text(f));
}
