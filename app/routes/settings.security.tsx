import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { parseFormNoSecrets } from "~/orgs/forms.server";
import { requireMember, requirePermission } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import {
  beginTwoFactorSetup,
  codeSchema,
  confirmTwoFactorSetup,
  disableTwoFactor,
  passwordConfirmSchema,
  regenerateRecoveryCodes,
  requireTwoFactorSchema,
  setOrganizationTwoFactor,
  twoFactorStatus,
} from "~/orgs/two-factor.server";
import { OrganizationTwoFactorCard, RecoveryCodes, TwoFactorCard } from "~/orgs/ui/SecuritySettings";
import { Notice } from "~/ui/form";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Account security · Clearsource" }];

// The one page a member without required two-factor may still open: where they set it up.
const GUARD = { allowWithoutTwoFactor: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const member = requireMember(request, "account:security", GUARD);
  const status = await twoFactorStatus(member.ctx);
  return {
    ...status,
    canManageOrganization: can(member.role, "members:manage"),
    mustSetUp: status.requiredByOrganization && !status.enabled,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = requireMember(request, "account:security", GUARD);
  const form = await readForm(request);
  const ctx = member.ctx;
  switch (form.get("intent")) {
    case "start-setup":
      return handle(
        async () => {
          await beginTwoFactorSetup(ctx);
          return { ok: true as const, intent: "start-setup" as const };
        },
        { intent: "start-setup" },
      );
    case "confirm-setup":
      return confirmIntent(ctx, form);
    case "regenerate-codes":
    case "disable":
      return passwordIntent(ctx, form, form.get("intent") as "regenerate-codes" | "disable");
    case "require-two-factor": {
      requirePermission(member, "members:manage");
      const parsed = parseForm(requireTwoFactorSchema, form, { intent: "require-two-factor" });
      if (!parsed.ok) return parsed.response;
      return handle(
        () => {
          setOrganizationTwoFactor(ctx, parsed.data);
          return { ok: true as const, intent: "require-two-factor" as const };
        },
        { intent: "require-two-factor" },
      );
    }
  }
  return formFailure(400, { formError: "Unknown action" });
}

async function confirmIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(codeSchema, form, { intent: "confirm-setup" });
  if (!parsed.ok) return parsed.response;
  return handle(
    async () => ({
      ok: true as const,
      intent: "confirm-setup" as const,
      codes: await confirmTwoFactorSetup(ctx, parsed.data),
    }),
    { intent: "confirm-setup" },
  );
}

async function passwordIntent(ctx: Ctx, form: FormData, intent: "regenerate-codes" | "disable") {
  const parsed = parseFormNoSecrets(passwordConfirmSchema, form);
  if (!parsed.ok) return formFailure(400, { intent, fieldErrors: parsed.response.data.fieldErrors });
  return handle(
    async () => {
      if (intent === "disable") {
        await disableTwoFactor(ctx, parsed.data);
        return { ok: true as const, intent };
      }
      return { ok: true as const, intent, codes: await regenerateRecoveryCodes(ctx, parsed.data) };
    },
    { intent },
  );
}

export default function SecuritySettings() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const codes = result && result.ok && "codes" in result ? result.codes : null;
  return (
    <div className="space-y-6">
      <PageHeader title="Account security" subtitle="How you sign in to Clearsource." />
      {result?.ok && result.intent === "disable" ? <Notice>Two-factor sign-in is off.</Notice> : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}
      <TwoFactorCard view={view} failure={failure} />
      {view.canManageOrganization ? <OrganizationTwoFactorCard view={view} failure={failure} /> : null}
    </div>
  );
}
