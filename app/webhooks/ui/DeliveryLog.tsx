import { Link } from "@remix-run/react";
import { DataTable } from "~/ui/DataTable";
import { IntentButton } from "~/ui/IntentButton";
import { Badge, EmptyState } from "~/ui/layout";
import type { DeliveryRow } from "../endpoints.server";

const TONE = { delivered: "green", pending: "amber", delivering: "blue", failed: "red" } as const;
const WORDS = {
  delivered: "Delivered",
  pending: "Waiting to retry",
  delivering: "Sending",
  failed: "Given up",
} as const;

const time = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : "—");

/** One endpoint's deliveries, newest first: outcome, attempts, the receiver's answer, and replay. */
export function DeliveryLog({
  rows,
  nextHref,
  retentionDays,
}: {
  rows: DeliveryRow[];
  nextHref: string | null;
  /** Finished deliveries older than this are removed from the log (WEBHOOK_RETENTION_DAYS). */
  retentionDays: number;
}) {
  if (rows.length === 0)
    return <EmptyState title="No deliveries yet">Events appear here as they happen.</EmptyState>;
  return (
    <>
      <DataTable columns={["Event", "Status", "Attempts", "Last answer", "Sent", ""]} box="flush">
        {rows.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery">
            <td className="text-xs">
              <code>{d.eventType}</code>
              <div className="text-slate-500">
                <code>{d.eventId}</code>
                {d.replay > 0 ? ` · replay ${d.replay}` : ""}
              </div>
              <details className="mt-1">
                <summary className="cursor-pointer text-slate-600">Body</summary>
                <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2">
                  {d.payload}
                </pre>
              </details>
            </td>
            <td>
              <Badge tone={TONE[d.status]}>{WORDS[d.status]}</Badge>
              {d.nextAttemptAt ? (
                <div className="text-xs text-slate-500">next try {time(d.nextAttemptAt)}</div>
              ) : null}
            </td>
            <td>{d.attempts}</td>
            <td className="max-w-xs break-words text-xs">
              {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.attempts ? "no answer" : "—"}
              {d.lastDurationMs !== null ? ` · ${d.lastDurationMs} ms` : ""}
              {d.lastError ? <div className="text-red-700">{d.lastError}</div> : null}
            </td>
            <td className="whitespace-nowrap text-xs">{time(d.deliveredAt ?? d.lastAttemptAt)}</td>
            <td>
              {d.status === "delivered" || d.status === "failed" ? (
                <IntentButton intent="replay" fields={{ deliveryId: d.id }} className="btn-secondary">
                  Send again
                </IntentButton>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {nextHref ? (
        <p className="mt-3">
          <Link to={nextHref} className="link">
            Older deliveries
          </Link>
        </p>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">
        Deliveries are kept for {retentionDays} days after their last attempt; ones still to be sent are
        always kept.
      </p>
    </>
  );
}
