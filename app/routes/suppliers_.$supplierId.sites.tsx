import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { createSite, deleteSite, siteSchema, updateSite } from "~/suppliers/sites.server";
import { CountryOptions, Select } from "~/suppliers/supplier-form";
import { getSupplierDetail } from "~/suppliers/suppliers.server";
import { Field, FormError, Notice } from "~/ui/form";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sites · ${data?.supplier.name ?? "Supplier"} · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const { supplier, sites } = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  const editId = new URL(request.url).searchParams.get("edit");
  return { supplier: { id: supplier.id, name: supplier.name, country: supplier.country }, sites, editId };
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

function SiteFields({ values, errors }: { values: Record<string, unknown>; errors: Record<string, string> }) {
  const v = (k: string) => (values[k] === null || values[k] === undefined ? "" : String(values[k]));
  const dorm = values.dormitories === true ? "yes" : values.dormitories === false ? "no" : v("dormitories");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Site name" name="name" required defaultValue={v("name")} error={errors.name} />
        <Select label="Country" name="country" defaultValue={v("country")} error={errors.country}>
          <CountryOptions />
        </Select>
      </div>
      <Field label="Address (optional)" name="address" defaultValue={v("address")} error={errors.address} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Latitude (optional)"
          name="latitude"
          inputMode="decimal"
          defaultValue={v("latitude")}
          error={errors.latitude}
          hint="Decimal degrees, −90 to 90."
        />
        <Field
          label="Longitude (optional)"
          name="longitude"
          inputMode="decimal"
          defaultValue={v("longitude")}
          error={errors.longitude}
          hint="Decimal degrees, −180 to 180."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field
          label="Workers"
          name="workersTotal"
          inputMode="numeric"
          defaultValue={v("workersTotal")}
          error={errors.workersTotal}
        />
        <Field
          label="Migrant workers %"
          name="migrantWorkersPct"
          inputMode="decimal"
          defaultValue={v("migrantWorkersPct")}
          error={errors.migrantWorkersPct}
        />
        <Field
          label="Agency workers %"
          name="agencyWorkersPct"
          inputMode="decimal"
          defaultValue={v("agencyWorkersPct")}
          error={errors.agencyWorkersPct}
        />
        <Select label="Dormitories" name="dormitories" defaultValue={dorm} error={errors.dormitories}>
          <option value="">Not known</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </Select>
      </div>
    </>
  );
}

export default function SupplierSites() {
  const { supplier, sites, editId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failure = result?.ok === false ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const formError = failure?.formError;
  const values = failure?.values;
  const failedIntent = failure?.intent;
  const editing = sites.find((x) => x.id === editId);
  const summary = (message?: string) =>
    message ?? (Object.keys(errors).length ? "Please correct the highlighted fields." : undefined);

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
      {/* The remove buttons in the list have no form of their own to show a refusal in. */}
      {failedIntent === "delete" ? <FormError error={Object.values(errors)[0] ?? formError} /> : null}

      {sites.length ? (
        <div className="card overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>Site</th>
                <th>Country</th>
                <th className="text-right">Workers</th>
                <th className="text-right">Migrant</th>
                <th className="text-right">Agency</th>
                <th>Dormitories</th>
                <th>Location</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sites.map((x) => (
                <tr key={x.id}>
                  <td>
                    {x.name}
                    {x.address ? <span className="block text-xs text-slate-500">{x.address}</span> : null}
                  </td>
                  <td>{x.countryName}</td>
                  <td className="text-right tabular-nums">{x.workersTotal ?? "—"}</td>
                  <td className="text-right tabular-nums">
                    {x.migrantWorkersPct !== null ? `${x.migrantWorkersPct}%` : "—"}
                  </td>
                  <td className="text-right tabular-nums">
                    {x.agencyWorkersPct !== null ? `${x.agencyWorkersPct}%` : "—"}
                  </td>
                  <td>{x.dormitories === null ? "—" : x.dormitories ? "Yes" : "No"}</td>
                  <td className="text-xs text-slate-500">
                    {x.latitude !== null && x.longitude !== null ? `${x.latitude}, ${x.longitude}` : "—"}
                  </td>
                  <td className="whitespace-nowrap text-right">
                    <Link to={`?edit=${x.id}`} className="link mr-3 text-xs">
                      Edit
                    </Link>
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="siteId" value={x.id} />
                      <button type="submit" className="text-xs text-red-600 hover:underline">
                        Remove
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No sites recorded yet">Add the factories, farms or warehouses below.</EmptyState>
      )}

      {editing ? (
        <Card title={`Edit ${editing.name}`}>
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="siteId" value={editing.id} />
            <FormError error={failedIntent === "update" ? summary(formError) : undefined} />
            <SiteFields
              values={failedIntent === "update" && values ? values : editing}
              errors={failedIntent === "update" ? errors : {}}
            />
            <div className="flex items-center gap-3">
              <button type="submit" className="btn-primary" disabled={busy}>
                Save site
              </button>
              <Link to="?" className="link text-sm">
                Cancel
              </Link>
            </div>
          </Form>
        </Card>
      ) : null}

      <Card title="Add a site">
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormError error={failedIntent === "create" ? summary(formError) : undefined} />
          <SiteFields
            values={failedIntent === "create" && values ? values : { country: supplier.country }}
            errors={failedIntent === "create" ? errors : {}}
          />
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Adding…" : "Add site"}
          </button>
        </Form>
      </Card>
    </div>
  );
}
