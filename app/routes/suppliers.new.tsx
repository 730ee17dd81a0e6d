import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { COUNTRIES } from "~/suppliers/countries";
import { SECTORS } from "~/suppliers/sectors";
import { createSupplier, createSupplierSchema, supplierOptions } from "~/suppliers/suppliers.server";
import { Field, FieldError, FormError } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Add a supplier · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const parents = supplierOptions(ctx);
  const wanted = new URL(request.url).searchParams.get("parent");
  // Preselect only one of this tenant's suppliers; any other id is ignored.
  const selectedParentId = parents.some((p) => p.id === wanted) ? wanted : null;
  return { parents, selectedParentId, countries: COUNTRIES, sectors: SECTORS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const parsed = parseForm(createSupplierSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  return handle(() => {
    const supplier = createSupplier(ctx, parsed.data);
    return redirect(`/suppliers/${supplier.id}?created=1`);
  });
}

function Select({
  label,
  name,
  error,
  defaultValue,
  children,
  hint,
}: {
  label: string;
  name: string;
  error?: string;
  defaultValue: string;
  children: React.ReactNode;
  hint?: string;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      >
        {children}
      </select>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export default function NewSupplier() {
  const { parents, selectedParentId, countries, sectors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = (result && "values" in result ? result.values : undefined) as
    Record<string, string> | undefined;
  const busy = useNavigation().state === "submitting";

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Add a supplier"
        subtitle="A direct supplier is tier 1; a sub-supplier sits one tier below the supplier it sells to."
      />
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          <FormError
            error={
              formError ??
              (Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined)
            }
          />
          <Field
            label="Supplier name"
            name="name"
            required
            defaultValue={values?.name ?? ""}
            error={errors.name}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select
              label="Country"
              name="country"
              defaultValue={values?.country ?? ""}
              error={errors.country}
            >
              <option value="" disabled>
                Choose a country…
              </option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
            <Select label="Sector" name="sector" defaultValue={values?.sector ?? ""} error={errors.sector}>
              <option value="" disabled>
                Choose a sector…
              </option>
              {sectors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Contact name"
              name="contactName"
              required
              defaultValue={values?.contactName ?? ""}
              error={errors.contactName}
            />
            <Field
              label="Contact email"
              name="contactEmail"
              type="email"
              required
              defaultValue={values?.contactEmail ?? ""}
              error={errors.contactEmail}
              hint="Questionnaires are sent to this address."
            />
          </div>
          <Select
            label="Sub-supplier of (optional)"
            name="parentSupplierId"
            defaultValue={values?.parentSupplierId ?? selectedParentId ?? ""}
            error={errors.parentSupplierId}
            hint="Leave empty for a supplier you buy from directly (tier 1)."
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
