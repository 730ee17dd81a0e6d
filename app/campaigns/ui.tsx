import { Link } from "@remix-run/react";
import { Badge } from "~/ui/layout";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  SUPPLIER_CAMPAIGN_STATUSES,
  type StatusCounts as Counts,
} from "./status";

/** Response rate as a bar: submitted + accepted over sent. */
export function RateBar({
  rate,
  compact = false,
}: {
  rate: { responded: number; sent: number; percent: number };
  compact?: boolean;
}) {
  return (
    <div>
      {compact ? null : <p className="text-3xl font-semibold text-slate-900">{rate.percent}%</p>}
      <div
        className={`${compact ? "h-2" : "mt-2 h-3"} w-full overflow-hidden rounded bg-slate-100`}
        role="img"
        aria-label={`Response rate ${rate.percent}%`}
      >
        <div className="h-full rounded bg-teal-700" style={{ width: `${rate.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {compact ? `${rate.percent}% · ` : ""}
        {rate.responded} of {rate.sent} responded
      </p>
    </div>
  );
}

/** Counts by status as badges; with `linkTo`, each links to the list filtered by that status. */
export function StatusCounts({ counts, linkTo }: { counts: Counts; linkTo?: (status: string) => string }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {SUPPLIER_CAMPAIGN_STATUSES.filter((s) => counts[s] > 0 || s === "sent").map((s) => {
        const badge = (
          <Badge tone={CAMPAIGN_STATUS_TONES[s]}>
            {CAMPAIGN_STATUS_LABELS[s]} · {counts[s]}
          </Badge>
        );
        return <li key={s}>{linkTo ? <Link to={linkTo(s)}>{badge}</Link> : badge}</li>;
      })}
    </ul>
  );
}
