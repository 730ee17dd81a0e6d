import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { ilabGoods } from "~/suppliers/goods.server";
import { createSupplier, createSupplierSchema, supplierOptions } from "~/suppliers/suppliers.server";
import { ProfileFields } from "~/suppliers/ui/ProfileFields";
import { Select, Field, FormError, formErrorOrSummary } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Add a supplier · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const wanted = new URL(request.url).searchParams.get("parent");
  const parents = supplierOptions(ctx, { include: wanted });
  // Preselect only one of this tenant's suppliers; any other id is ignored.
  const selectedParentId = parents.some((p) => p.id === wanted) ? wanted : null;
  return { parents, selectedParentId, goodsNames: ilabGoods().names };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const form = await readForm(request);
  const parsed = parseForm(createSupplierSchema, form);
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const supplier = createSupplier(ctx, parsed.data);
      return redirect(`/suppliers/${supplier.id}?created=1`);
    },
    { values: parsed.values },
  );
}

export default function NewSupplier() {
  const { parents, selectedParentId, goodsNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = ((result && "values" in result ? result.values : undefined) ?? {}) as Record<
    string,
    unknown
  >;
  const busy = useNavigation().state === "submitting";

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Add a supplier"
        subtitle="A direct supplier is tier 1; a sub-supplier sits one tier below the supplier it sells to."
      />
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          <FormError error={formErrorOrSummary({ formError, fieldErrors: errors })} />
          <ProfileFields values={values} errors={errors} goodsNames={goodsNames} />
          <h2 className="border-t border-slate-200 pt-4 text-sm font-semibold text-slate-900">
            Primary contact
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Contact name"
              name="contactName"
              required
              defaultValue={String(values.contactName ?? "")}
              error={errors.contactName}
            />
            <Field
              label="Contact email"
              name="contactEmail"
              type="email"
              required
              defaultValue={String(values.contactEmail ?? "")}
              error={errors.contactEmail}
              hint="Questionnaires are sent to this address."
            />
          </div>
          <Select
            label="Sub-supplier of (optional)"
            name="parentSupplierId"
            defaultValue={String(values.parentSupplierId ?? selectedParentId ?? "")}
            error={errors.parentSupplierId}
            hint="Leave empty for a supplier you buy from directly (tier 1). More parents can be added on the supplier's page."
          >
            <option value="">None: a direct supplier (tier 1)</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.countryName}, tier {p.tier})
              </option>
            ))}
          </Select>
          <div className="flex items-center gap-3 pt-2">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "Adding…" : "Add supplier"}
            </button>
            <Link to="/suppliers" className="link text-sm">
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
