import { Link } from "@remix-run/react";
import { Badge } from "~/ui/layout";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  SUPPLIER_CAMPAIGN_STATUSES,
  type StatusCounts as Counts,
} from "../status";

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
