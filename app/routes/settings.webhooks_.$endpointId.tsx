import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";
import { getEndpoint, listDeliveries } from "~/webhooks/endpoints.server";
import { replayDeliveryIntent, unknownIntent, updateEndpointIntent } from "~/webhooks/intents.server";
import { webhookRetentionDays } from "~/webhooks/retention.server";
import { DeliveryLog } from "~/webhooks/ui/DeliveryLog";
import { EndpointForm } from "~/webhooks/ui/EndpointForm";
import { EndpointHealth } from "~/webhooks/ui/EndpointsTable";

export const meta: MetaFunction = () => [{ title: "Webhook deliveries · Clearsource" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "webhooks:manage");
  const q = new URL(request.url).searchParams;
  return handle(() => ({
    endpoint: getEndpoint(ctx, params.endpointId!),
    log: listDeliveries(ctx, params.endpointId!, { before: q.get("before"), status: q.get("status") }),
    status: q.get("status") ?? "",
    retentionDays: webhookRetentionDays(),
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "webhooks:manage");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "replay":
      return replayDeliveryIntent(ctx, params.endpointId!, form);
    case "update":
      return updateEndpointIntent(ctx, params.endpointId!, form);
  }
  return unknownIntent(form);
}

const FILTERS = [
  ["", "All"],
  ["failed", "Given up"],
  ["pending", "Waiting to retry"],
  ["delivered", "Delivered"],
] as const;

export default function WebhookEndpointPage() {
  const { endpoint, log, status, retentionDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const failure = result && !result.ok ? result : undefined;
  const next = log.nextBefore
    ? `?${new URLSearchParams({ before: log.nextBefore, ...(status ? { status } : {}) })}`
    : null;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title="Webhook deliveries" subtitle={endpoint.url} />
      <p className="text-sm">
        <Link to="/settings/webhooks" className="link">
          ← All endpoints
        </Link>{" "}
        · <EndpointHealth e={endpoint} />
      </p>
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {failure?.intent === "replay" ? (
        <p role="alert" className="text-sm text-red-700">
          {failure.formError ?? Object.values(failure.fieldErrors)[0]}
        </p>
      ) : null}
      <Card title="Delivery log">
        <nav aria-label="Filter deliveries" className="mb-3 flex gap-3 text-sm">
          {FILTERS.map(([value, label]) => (
            <Link
              key={value}
              to={value ? `?status=${value}` : "?"}
              className={status === value ? "font-semibold" : "link"}
              aria-current={status === value ? "page" : undefined}
            >
              {label}
            </Link>
          ))}
        </nav>
        <DeliveryLog rows={log.rows} nextHref={next} retentionDays={retentionDays} />
      </Card>
      <Card title="Endpoint settings">
        <EndpointForm
          intent="update"
          initial={endpoint}
          failure={failure?.intent === "update" ? failure : undefined}
          busy={busy === "update"}
          submitLabel="Save endpoint"
        />
      </Card>
    </div>
  );
}
