import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { requireMember } from "~/orgs/guard.server";
import { Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";
import { listEndpoints } from "~/webhooks/endpoints.server";
import {
  createEndpointIntent,
  deleteEndpointIntent,
  rotateSecretIntent,
  toggleEndpointIntent,
  unknownIntent,
} from "~/webhooks/intents.server";
import { EndpointForm } from "~/webhooks/ui/EndpointForm";
import { EndpointsTable } from "~/webhooks/ui/EndpointsTable";
import { SecretOnce } from "~/webhooks/ui/SecretOnce";

export const meta: MetaFunction = () => [{ title: "Webhooks · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "webhooks:manage");
  return { endpoints: listEndpoints(ctx) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "webhooks:manage");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create":
      return createEndpointIntent(ctx, form);
    case "toggle":
      return toggleEndpointIntent(ctx, form);
    case "rotate":
      return rotateSecretIntent(ctx, form);
    case "delete":
      return deleteEndpointIntent(ctx, form);
  }
  return unknownIntent(form);
}

export default function WebhookSettings() {
  const { endpoints } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="Webhooks"
        subtitle="Tell your own systems when a supplier's risk level changes, a questionnaire comes back, a finding is raised, an action becomes overdue or a statement is approved."
      />
      {result?.ok && result.intent === "create" ? (
        <SecretOnce secret={result.secret} note={`Endpoint ${result.url} added.`} />
      ) : null}
      {result?.ok && result.intent === "rotate" ? (
        <SecretOnce
          secret={result.secret}
          note={
            result.previousValidUntil
              ? `Until ${result.previousValidUntil.slice(0, 16).replace("T", " ")} UTC every delivery carries a signature with the previous secret too.`
              : "The previous secret no longer signs."
          }
        />
      ) : null}
      {result?.ok && "notice" in result ? <Notice>{result.notice}</Notice> : null}
      {failure && failure.intent !== "create" && failure.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {failure.formError}
        </p>
      ) : null}
      <Card title="Endpoints">
        <EndpointsTable
          endpoints={endpoints}
          rotateError={
            failure?.intent === "rotate"
              ? {
                  endpointId: failure.target,
                  message: Object.values(failure.fieldErrors)[0] ?? failure.formError,
                }
              : undefined
          }
        />
      </Card>
      <Card title="Add an endpoint">
        <EndpointForm
          intent="create"
          failure={failure?.intent === "create" ? failure : undefined}
          busy={busy === "create"}
          submitLabel="Add endpoint"
        />
      </Card>
    </div>
  );
}
