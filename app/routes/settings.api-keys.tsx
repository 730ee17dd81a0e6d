import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import {
  createApiKey,
  createApiKeySchema,
  listApiKeys,
  revokeApiKey,
  revokeApiKeySchema,
} from "~/api/keys.server";
import { ApiKeysTable } from "~/api/ui/ApiKeysTable";
import { CreateApiKeyForm } from "~/api/ui/CreateApiKeyForm";
import { NewKeyNotice } from "~/api/ui/NewKeyNotice";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "API keys · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "members:manage");
  const defaultExpiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  return { keys: listApiKeys(ctx), defaultExpiry };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "members:manage");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create":
      return createIntent(ctx, form);
    case "revoke":
      return revokeIntent(ctx, form);
  }
  return formFailure(400, { formError: "Unknown action" });
}

function createIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(createApiKeySchema, form, { intent: "create" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const created = createApiKey(ctx, parsed.data);
      return { ok: true as const, intent: "create" as const, label: parsed.data.label, token: created.token };
    },
    { intent: "create", values: parsed.values },
  );
}

function revokeIntent(ctx: Ctx, form: FormData) {
  const context = { intent: "revoke" as const, target: String(form.get("keyId") ?? "") };
  const parsed = parseForm(revokeApiKeySchema, form, context);
  if (!parsed.ok) return parsed.response;
  return handle(() => {
    revokeApiKey(ctx, parsed.data);
    return {
      ok: true as const,
      ...context,
      notice: "Key revoked. Requests with it are refused from now on.",
    };
  }, context);
}

export default function ApiKeys() {
  const { keys, defaultExpiry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const creating = useSubmittingIntent() === "create";
  const createForm = useRef<HTMLFormElement>(null);
  const failed = result && !result.ok && result.intent !== "create" ? result : undefined;

  useEffect(() => {
    if (result?.ok && result.intent === "create") createForm.current?.reset();
  }, [result]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        subtitle="Keys let your ERP or scripts use the Clearsource API with the scopes you choose."
      />
      {result?.ok && result.intent === "create" ? (
        <NewKeyNotice label={result.label} token={result.token} />
      ) : null}
      {result?.ok && result.intent === "revoke" ? <Notice>{result.notice}</Notice> : null}
      {failed ? (
        <FormError
          error={failed.formError ?? Object.values(failed.fieldErrors ?? {})[0] ?? "That did not work."}
        />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Create a key">
          <CreateApiKeyForm
            failure={failureFor(result, "create")}
            busy={creating}
            defaultExpiry={defaultExpiry}
            formRef={createForm}
          />
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Keys (${keys.length})`}>
            {keys.length === 0 ? (
              <EmptyState title="No API keys yet">
                Keys you create appear here with their last use.
              </EmptyState>
            ) : (
              <ApiKeysTable keys={keys} />
            )}
          </Card>
          <p className="text-sm text-slate-600">
            What the API offers: the{" "}
            <Link className="link" to="/api/v1/reference">
              API reference
            </Link>{" "}
            (also as{" "}
            <a className="link" href="/api/v1/openapi.json">
              OpenAPI 3.1
            </a>
            ).
          </p>
        </div>
      </div>
    </div>
  );
}
