import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { createAudit, createAuditSchema, listSupplierOptions } from "~/audits/audits.server";
import { AUDIT_SCHEMES } from "~/audits/catalogue";
import { AuditSiteField } from "~/audits/ui/AuditSiteField";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { listSupplierSites } from "~/suppliers/sites.server";
import { Field, FieldError, FormError } from "~/ui/form";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Record an audit · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "audits:write");
  const suppliers = listSupplierOptions(ctx);
  const wanted = new URL(request.url).searchParams.get("supplierId");
  // Only preselect a supplier of this tenant; any other id is silently ignored.
  const selectedSupplierId = suppliers.some((s) => s.id === wanted) ? wanted : null;
  return {
    suppliers,
    sites: listSupplierSites(ctx),
    selectedSupplierId,
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "audits:write");
  const parsed = parseForm(createAuditSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const audit = createAudit(ctx, parsed.data);
      return redirect(`/audits/${audit.id}`);
    },
    { values: parsed.values },
  );
}

export default function NewAudit() {
  const { suppliers, sites, selectedSupplierId, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = (result && "values" in result ? result.values : undefined) as
    Record<string, string> | undefined;
  const busy = useNavigation().state === "submitting";
  const [supplierId, setSupplierId] = useState(values?.supplierId ?? selectedSupplierId ?? "");

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Record an audit"
        subtitle="Add the audit first; you can grade findings and upload the report and evidence next."
      />
      {suppliers.length === 0 ? (
        <EmptyState title="No suppliers yet">
          An audit is always of a supplier. Ask procurement to add the supplier first.
        </EmptyState>
      ) : (
        <Card>
          <Form method="post" className="space-y-4" noValidate>
            <FormError
              error={
                formError ??
                errors._form ??
                (Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined)
              }
            />
            <div>
              <label htmlFor="f-supplierId" className="label">
                Supplier
              </label>
              <select
                id="f-supplierId"
                name="supplierId"
                className="input"
                value={supplierId}
                onChange={(e) => setSupplierId(e.target.value)}
                aria-invalid={errors.supplierId ? true : undefined}
                aria-describedby={errors.supplierId ? "f-supplierId-error" : undefined}
                required
              >
                <option value="" disabled>
                  Choose a supplier…
                </option>
                {suppliers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.country}, tier {s.tier})
                  </option>
                ))}
              </select>
              <FieldError id="f-supplierId-error" error={errors.supplierId} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="f-scheme" className="label">
                  Scheme
                </label>
                <select
                  id="f-scheme"
                  name="scheme"
                  className="input"
                  defaultValue={values?.scheme ?? ""}
                  aria-invalid={errors.scheme ? true : undefined}
                  aria-describedby={errors.scheme ? "f-scheme-error" : undefined}
                  required
                >
                  <option value="" disabled>
                    Choose a scheme…
                  </option>
                  {AUDIT_SCHEMES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <FieldError id="f-scheme-error" error={errors.scheme} />
              </div>
              <Field
                label="Audit date"
                name="auditDate"
                type="date"
                required
                defaultValue={values?.auditDate ?? today}
                error={errors.auditDate}
              />
            </div>
            <AuditSiteField
              sites={sites}
              supplierId={supplierId}
              supplierCountry={suppliers.find((s) => s.id === supplierId)?.country}
              values={values}
              errors={errors}
            />
            <div>
              <label htmlFor="f-summary" className="label">
                Summary (optional)
              </label>
              <textarea
                id="f-summary"
                name="summary"
                rows={4}
                maxLength={5000}
                className="input"
                placeholder="Scope, who was interviewed, overall impression."
                defaultValue={values?.summary ?? ""}
                aria-invalid={errors.summary ? true : undefined}
              />
              <FieldError error={errors.summary} />
            </div>
            <div className="flex items-center justify-end gap-2 pt-2">
              <Link to="/audits" className="btn-secondary">
                Cancel
              </Link>
              <button type="submit" className="btn-primary" disabled={busy}>
                {busy ? "Saving…" : "Record audit"}
              </button>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
