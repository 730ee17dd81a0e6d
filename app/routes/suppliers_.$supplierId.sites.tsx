import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { posterLink } from "~/grievances/poster.server";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { createSite, deleteSite, siteSchema, updateSite } from "~/suppliers/sites.server";
import { getSupplierDetail } from "~/suppliers/suppliers.server";
import { SiteFields } from "~/suppliers/ui/SiteFields";
import { SiteTable } from "~/suppliers/ui/SiteTable";
import { formErrorOrSummary, FormError, Notice } from "~/ui/form";
import { failureFor } from "~/ui/intent";
import { PageHeader } from "~/ui/layout";
import { RecordFormCard } from "~/ui/RecordFormCard";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sites · ${data?.supplier.name ?? "Supplier"} · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const { supplier, sites } = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  const editId = new URL(request.url).searchParams.get("edit");
  const posters = Object.fromEntries(sites.map((site) => [site.id, posterLink(supplier.id, site)]));
  return {
    supplier: { id: supplier.id, name: supplier.name, country: supplier.country },
    sites,
    posters,
    editId,
  };
}

const idOnly = z.object({ siteId: z.string().trim().min(1, "Choose a site.").max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create":
      return createIntent(ctx, params.supplierId ?? "", form);
    case "update":
      return updateIntent(ctx, form);
    case "delete":
      return deleteIntent(ctx, form);
  }
  throw new Response("Unknown action", { status: 400 });
}

function createIntent(ctx: Ctx, supplierId: string, form: FormData) {
  const parsed = parseForm(siteSchema, form, { intent: "create" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      createSite(ctx, supplierId, parsed.data);
      return { ok: true as const, intent: "create" as const, message: "Site added." };
    },
    { intent: "create", values: parsed.values },
  );
}

function updateIntent(ctx: Ctx, form: FormData) {
  // Built here, not at module scope: .server values are empty in the browser bundle.
  const parsed = parseForm(z.intersection(siteSchema, idOnly), form, { intent: "update" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      updateSite(ctx, parsed.data.siteId, parsed.data);
      return { ok: true as const, intent: "update" as const, message: "Site saved." };
    },
    { intent: "update", values: parsed.values },
  );
}

function deleteIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(idOnly, form, { intent: "delete" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      deleteSite(ctx, parsed.data.siteId);
      return { ok: true as const, intent: "delete" as const, message: "Site removed." };
    },
    { intent: "delete" },
  );
}

export default function SupplierSites() {
  const { supplier, sites, posters, editId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const create = failureFor(result, "create");
  const update = failureFor(result, "update");
  // The remove buttons in the list have no form of their own to show a refusal in.
  const remove = failureFor(result, "delete");
  const editing = sites.find((x) => x.id === editId);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={`Sites of ${supplier.name}`}
        subtitle="Facilities where work for you is done, with the workforce figures the risk review needs."
        actions={
          <Link to={`/suppliers/${supplier.id}`} className="btn-secondary">
            Back to supplier
          </Link>
        }
      />
      {result?.ok ? <Notice>{result.message}</Notice> : null}
      {remove ? <FormError error={Object.values(remove.fieldErrors)[0] ?? remove.formError} /> : null}
      <SiteTable sites={sites} posters={posters} />

      {editing ? (
        <RecordFormCard
          title={`Edit ${editing.name}`}
          intent="update"
          hidden={{ siteId: editing.id }}
          formError={formErrorOrSummary(update)}
          busy={busy}
          submitLabel="Save site"
          cancelTo="?"
        >
          <SiteFields values={update?.values ?? editing} errors={update?.fieldErrors ?? {}} />
        </RecordFormCard>
      ) : null}

      <RecordFormCard
        title="Add a site"
        intent="create"
        formError={formErrorOrSummary(create)}
        busy={busy}
        submitLabel="Add site"
        busyLabel="Adding…"
      >
        <SiteFields
          values={create?.values ?? { country: supplier.country }}
          errors={create?.fieldErrors ?? {}}
        />
      </RecordFormCard>
    </div>
  );
}
