import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import { DataTable } from "~/ui/DataTable";
import { FieldError } from "~/ui/form";
import { IntentButton } from "~/ui/IntentButton";
import { Badge, EmptyState } from "~/ui/layout";
import type { EndpointView } from "../endpoints.server";
import { OVERLAP_CHOICES } from "../overlap";

export function EndpointHealth({
  e,
}: {
  e: Pick<EndpointView, "enabled" | "health" | "consecutiveFailures">;
}) {
  if (!e.enabled) return <Badge tone="slate">Paused</Badge>;
  if (e.health === "failing")
    return <Badge tone="red">Failing ({e.consecutiveFailures} failed attempts in a row)</Badge>;
  return <Badge tone="green">Active</Badge>;
}

/** The organisation's receivers: status, queue, and the buttons to pause, rotate the secret or remove. */
export function EndpointsTable({
  endpoints,
  rotateError,
}: {
  endpoints: EndpointView[];
  rotateError?: { endpointId?: string; message?: string };
}) {
  if (endpoints.length === 0)
    return (
      <EmptyState title="No webhook endpoints yet">
        Add a receiver below to be told when things change.
      </EmptyState>
    );
  return (
    <DataTable columns={["Endpoint", "Events", "Status", "Deliveries", "Actions"]} box="flush">
      {endpoints.map((e) => (
        <tr key={e.id} data-testid="webhook-endpoint">
          <td className="max-w-xs break-all">
            <Link to={`/settings/webhooks/${e.id}`} className="link font-medium">
              {e.url}
            </Link>
            {e.description ? <div className="text-xs text-slate-500">{e.description}</div> : null}
            {e.previousSecretExpiresAt ? (
              <div className="text-xs text-slate-500">
                Previous secret also signs until {formatDate(new Date(e.previousSecretExpiresAt), "en")}{" "}
                {e.previousSecretExpiresAt.slice(11, 16)} UTC
              </div>
            ) : null}
          </td>
          <td className="text-xs">
            {e.eventTypes.map((t) => (
              <div key={t}>
                <code>{t}</code>
              </div>
            ))}
          </td>
          <td>
            <EndpointHealth e={e} />
          </td>
          <td className="whitespace-nowrap text-sm">
            {e.counts.delivered} delivered · {e.counts.pending} queued · {e.counts.failed} given up
          </td>
          <td className="space-y-2">
            <IntentButton
              intent="toggle"
              fields={{ endpointId: e.id, enabled: e.enabled ? "false" : "true" }}
              className="btn-secondary"
            >
              {e.enabled ? "Pause" : "Resume"}
            </IntentButton>
            <Form method="post" className="flex items-center gap-1">
              <input type="hidden" name="intent" value="rotate" />
              <input type="hidden" name="endpointId" value={e.id} />
              <label className="sr-only" htmlFor={`overlap-${e.id}`}>
                Previous secret keeps working for
              </label>
              <select
                id={`overlap-${e.id}`}
                name="overlapHours"
                className="input w-auto text-xs"
                defaultValue="24"
              >
                {OVERLAP_CHOICES.map(([h, label]) => (
                  <option key={h} value={h}>
                    {label}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn-secondary whitespace-nowrap">
                Rotate secret
              </button>
            </Form>
            {rotateError?.endpointId === e.id ? <FieldError error={rotateError.message} /> : null}
            <IntentButton intent="delete" fields={{ endpointId: e.id }} className="btn-danger">
              Remove
            </IntentButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
