import { Card } from "~/ui/layout";
import { compareFacts, formatChange, formatIndicator, type StatementFacts } from "../facts";
import { formatLongDate } from "../period";

/** The period's indicators as the PDF prints them, with the earlier statement's beside them. */
export function FactsPanel({
  facts,
  previous,
  frozen,
  annexUrl,
}: {
  facts: StatementFacts;
  previous: { label: string; facts: StatementFacts } | null;
  frozen: boolean;
  annexUrl: string;
}) {
  const rows = previous ? compareFacts(facts, previous.facts) : null;
  return (
    <Card title="Figures for the period">
      <p className="mb-2 text-xs text-slate-500">
        {formatLongDate(facts.period.start)} – {formatLongDate(facts.period.end)} · as of{" "}
        {formatLongDate(facts.asOf)}
        {frozen ? " (frozen at approval)" : " (live from the records)"} ·{" "}
        <a href={annexUrl} className="link">
          records behind each figure (CSV)
        </a>
      </p>
      <table className="table text-sm">
        <thead>
          <tr>
            <th>Indicator</th>
            <th className="text-right">This period</th>
            {rows ? <th className="text-right">{previous!.label}</th> : null}
            {rows ? <th className="text-right">Change</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {facts.indicators.map((i, n) => (
            <tr key={i.key} data-indicator={i.key}>
              <td>{i.label}</td>
              <td className="text-right">{formatIndicator(i)}</td>
              {rows ? <td className="text-right">{rows[n].previous}</td> : null}
              {rows ? <td className="text-right">{formatChange(rows[n])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {!previous ? (
        <p className="mt-2 text-xs text-slate-500">
          No earlier approved statement: no year-over-year comparison.
        </p>
      ) : null}
    </Card>
  );
}
