import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { formFailure, formValues, handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { removeSsoSettings, saveSsoSettings, ssoSettings, ssoSettingsSchema } from "~/sso/connections.server";
import { ProviderSetup } from "~/sso/ui/ProviderSetup";
import { SsoSettingsForm } from "~/sso/ui/SsoSettingsForm";
import { FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { IntentButton } from "~/ui/IntentButton";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "members:manage");
  return ssoSettings(ctx);
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "members:manage");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "save":
      return saveIntent(ctx, form);
    case "remove":
      return handle(
        () => {
          removeSsoSettings(ctx);
          return { ok: true as const, intent: "remove" as const, created: false };
        },
        { intent: "remove" },
      );
  }
  return formFailure(400, { formError: "Unknown action" });
}

async function saveIntent(ctx: Ctx, form: FormData) {
  // The typed client secret never goes back to the browser, not even after a refused save.
  const values = formValues(form);
  delete values.clientSecret;
  const parsed = parseForm(ssoSettingsSchema, form, { intent: "save", values });
  if (!parsed.ok) return parsed.response;
  return handle(
    async () => {
      const { created } = await saveSsoSettings(ctx, parsed.data);
      return { ok: true as const, intent: "save" as const, created };
    },
    { intent: "save", values: parsed.values },
  );
}

export default function SsoSettings() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useSubmittingIntent();
  const failedRemove = result && !result.ok && result.intent === "remove" ? result : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Single sign-on"
        subtitle="Let your staff sign in with your organisation's identity provider (OpenID Connect)."
      />
      {result?.ok && result.intent === "save" ? (
        <Notice>{result.created ? "Single sign-on is set up." : "Single sign-on settings saved."}</Notice>
      ) : null}
      {result?.ok && result.intent === "remove" ? (
        <Notice>Single sign-on is removed: everyone logs in with a password again.</Notice>
      ) : null}
      <FormError error={failedRemove?.formError} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={view.connection ? "Identity provider" : "Connect an identity provider"}>
            {/* Keyed by the save: after one, the form starts from what was stored (no secret in it). */}
            <SsoSettingsForm
              key={view.connection?.updatedAt ?? "new"}
              view={view}
              failure={failureFor(result, "save")}
              busy={submitting === "save"}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="At your identity provider">
            <ProviderSetup view={view} />
          </Card>
          {view.connection ? (
            <Card title="Remove">
              <p className="mb-3 text-sm text-slate-600">
                Members keep their accounts; those who never set a password use “Forgot your password?”.
              </p>
              <IntentButton intent="remove" fields={{}} className="btn-secondary">
                Remove single sign-on
              </IntentButton>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
