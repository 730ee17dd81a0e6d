import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { memberLeftSchema, memberSchema, publicAddressSchema } from "~/statements/forms";
import { addGoverningBodyMember, listGoverningBody, recordMemberLeft } from "~/statements/governance.server";
import { publicAddress, setPublicSlug } from "~/statements/public-address.server";
import { listStatements } from "~/statements/statements.server";
import { GoverningBodyCard } from "~/statements/ui/GoverningBodyCard";
import { PublicAddressCard } from "~/statements/ui/PublicAddressCard";
import { StatementList } from "~/statements/ui/StatementList";
import { FormError, Notice } from "~/ui/form";
import { EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Statements · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "statements:read");
  return {
    statements: listStatements(ctx),
    members: listGoverningBody(ctx),
    canWrite: can(role, "statements:write"),
    canManage: can(role, "statements:approve"),
    address: publicAddress(ctx),
    canEditAddress: can(role, "members:manage"),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = requireMember(request, "statements:read");
  const { ctx } = member;
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "public-address") {
    requirePermission(member, "members:manage");
    const parsed = parseForm(publicAddressSchema, form, { intent: "public-address" });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        const { slug } = setPublicSlug(ctx, parsed.data);
        return { ok: true as const, notice: `Public address saved: /transparency/${slug}.` };
      },
      { intent: "public-address", values: parsed.values },
    );
  }
  requirePermission(member, "statements:approve");
  switch (intent) {
    case "add-member": {
      const parsed = parseForm(memberSchema, form, { intent: "add-member" });
      if (!parsed.ok) return parsed.response;
      return handle(
        () => (addGoverningBodyMember(ctx, parsed.data), { ok: true as const, notice: "Member recorded." }),
        {
          intent: "add-member",
          values: parsed.values,
        },
      );
    }
    case "member-left": {
      const parsed = parseForm(memberLeftSchema, form, { intent: "member-left" });
      if (!parsed.ok) return parsed.response;
      return handle(
        () => (recordMemberLeft(ctx, parsed.data), { ok: true as const, notice: "Departure recorded." }),
        {
          intent: "member-left",
          values: parsed.values,
        },
      );
    }
  }
  return formFailure(400, { intent: "add-member", formError: "Unknown form submission." });
}

export default function Statements() {
  const { statements, members, canWrite, canManage, address, canEditAddress, today } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Modern slavery statements"
        subtitle="UK s.54, Australia s.16, Canada S-211 and California SB 657 from the same records."
        actions={
          canWrite ? (
            <Link to="/statements/new" className="btn-primary">
              New statement
            </Link>
          ) : null
        }
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {failure ? <FormError error={failure.formError} /> : null}
      {statements.length === 0 ? (
        <EmptyState title="No statements yet">
          {canWrite
            ? "Start a statement for your last financial year: Clearsource fills in the period's figures from your records."
            : "An executive or admin starts the statement for each financial year."}
        </EmptyState>
      ) : (
        <StatementList statements={statements} today={today} />
      )}
      <GoverningBodyCard
        members={members}
        canManage={canManage}
        errors={
          failure?.intent === "public-address" ? {} : ((failure?.fieldErrors ?? {}) as Record<string, string>)
        }
        today={today}
      />
      <PublicAddressCard
        {...address}
        canEdit={canEditAddress}
        error={
          failure?.intent === "public-address"
            ? (failure.fieldErrors as Record<string, string>)?.slug
            : undefined
        }
        value={failure?.intent === "public-address" ? String(failure.values?.slug ?? "") : undefined}
        year={String(Number(today.slice(0, 4)) - 1)}
      />
    </div>
  );
}
