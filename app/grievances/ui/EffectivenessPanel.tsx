import { Form } from "@remix-run/react";
import type { Effectiveness } from "~/grievances/effectiveness";
import { Card } from "~/ui/layout";
import { CountBars } from "./CountBars";

const days = (d: number | null) => (d === null ? "no data" : `${d} day${d === 1 ? "" : "s"}`);
const pct = (n: number | null) => (n === null ? "no data" : `${Math.round(n * 100)} %`);

function Figure({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold text-slate-900">{value}</dd>
      {note ? <dd className="text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** The channel's indicators for a year: counts only, small sites and languages merged (D28). */
export function EffectivenessPanel({
  e,
  years,
}: {
  e: Effectiveness & { year: number; asOf: string };
  years: number[];
}) {
  return (
    <div className="space-y-6">
      <Form method="get" className="flex items-end gap-2">
        <div>
          <label htmlFor="eff-year" className="label">
            Reports received in
          </label>
          <select id="eff-year" name="year" defaultValue={e.year} className="input w-auto">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Show
        </button>
      </Form>
      <Card title={`Reports received in ${e.year} (as of ${e.asOf})`}>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label="Reports" value={e.reports} />
          <Figure
            label="Time to acknowledge (median)"
            value={days(e.acknowledge.medianDays)}
            note={`${e.acknowledge.within7} of ${e.acknowledge.acknowledged} acknowledged within 7 days`}
          />
          <Figure
            label="Waiting for acknowledgement"
            value={e.acknowledge.pending}
            note={`${e.acknowledge.overdue} past the 7-day clock`}
          />
          <Figure
            label="Time to close (median)"
            value={days(e.close.medianDays)}
            note={`${e.close.closed} closed`}
          />
          <Figure
            label="Substantiated"
            value={pct(e.decided.share)}
            note={`${e.decided.substantiated} of ${e.decided.decided} decided`}
          />
          <Figure
            label="Remedies delivered"
            value={e.remedies.records}
            note={`${e.remedies.workers} workers, recorded in ${e.year}`}
          />
        </dl>
      </Card>
      <Card title="Where and how workers reported">
        <div className="grid gap-6 lg:grid-cols-2">
          <CountBars title="Reports by site" rows={e.bySite} />
          <CountBars title="Reports by language" rows={e.byLanguage} />
          <CountBars
            title="Warning signs reported (a report may tick several)"
            rows={e.byIndicator.map((i) => ({ label: i.label, count: i.count }))}
          />
        </div>
        <p className="mt-4 text-xs text-slate-500">
          Counts only: nothing a worker wrote appears here. A site or language with fewer than 3 reports is
          not named (merged into “other”), and a warning sign ticked in fewer than 3 reports shows as “fewer
          than 3”, so no figure points at one worker.
        </p>
      </Card>
    </div>
  );
}
