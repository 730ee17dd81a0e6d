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
import { getSupplierDetail, updateSupplier, updateSupplierSchema } from "~/suppliers/suppliers.server";
import { ProfileFields } from "~/suppliers/ui/ProfileFields";
import { FormError, formErrorOrSummary } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.supplier.name ?? "supplier"} · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const { supplier } = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  return { supplier, goodsNames: ilabGoods().names };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const form = await readForm(request);
  const parsed = parseForm(updateSupplierSchema, form);
  if (!parsed.ok) return parsed.response;
  const id = params.supplierId ?? "";
  return handle(
    () => {
      updateSupplier(ctx, id, parsed.data);
      return redirect(`/suppliers/${id}`);
    },
    { values: parsed.values },
  );
}

export default function EditSupplier() {
  const { supplier, goodsNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = ((result && "values" in result ? result.values : undefined) ?? supplier) as Record<
    string,
    unknown
  >;
  const busy = useNavigation().state === "submitting";

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Edit ${supplier.name}`}
        subtitle="Contacts, sites and supply-chain links are managed from the supplier's page."
      />
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          <FormError error={formErrorOrSummary({ formError, fieldErrors: errors })} />
          <ProfileFields values={values} errors={errors} goodsNames={goodsNames} />
          <div className="flex items-center gap-3 pt-2">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "Saving…" : "Save changes"}
            </button>
            <Link to={`/suppliers/${supplier.id}`} className="link text-sm">
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
