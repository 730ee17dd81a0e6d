import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import {
  addContact,
  contactSchema,
  deleteContact,
  setPrimaryContact,
  updateContact,
} from "~/suppliers/contacts.server";
import { getSupplierDetail } from "~/suppliers/suppliers.server";
import { Field, FormError, Notice } from "~/ui/form";
import { Badge, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Contacts · ${data?.supplier.name ?? "Supplier"} · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const { supplier, contacts } = await handle(() => getSupplierDetail(ctx, params.supplierId ?? ""));
  const editId = new URL(request.url).searchParams.get("edit");
  return { supplier: { id: supplier.id, name: supplier.name }, contacts, editId };
}

const idOnly = z.object({ contactId: z.string().trim().min(1, "Choose a contact.").max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const form = await readForm(request);
  const supplierId = params.supplierId ?? "";
  switch (form.get("intent")) {
    case "add":
      return addIntent(ctx, supplierId, form);
    case "update":
      return updateIntent(ctx, form);
    case "primary":
      return primaryIntent(ctx, form);
    case "delete":
      return deleteIntent(ctx, form);
  }
  throw new Response("Unknown action", { status: 400 });
}

function addIntent(ctx: Ctx, supplierId: string, form: FormData) {
  const parsed = parseForm(contactSchema, form, { intent: "add" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      addContact(ctx, supplierId, parsed.data);
      return { ok: true as const, intent: "add" as const, message: "Contact added." };
    },
    { intent: "add", values: parsed.values },
  );
}

function updateIntent(ctx: Ctx, form: FormData) {
  // Built here, not at module scope: .server values are empty in the browser bundle.
  const parsed = parseForm(contactSchema.extend(idOnly.shape), form, { intent: "update" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      updateContact(ctx, parsed.data.contactId, parsed.data);
      return { ok: true as const, intent: "update" as const, message: "Contact saved." };
    },
    { intent: "update", values: parsed.values },
  );
}

function primaryIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(idOnly, form, { intent: "primary" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      setPrimaryContact(ctx, parsed.data.contactId);
      return { ok: true as const, intent: "primary" as const, message: "Primary contact changed." };
    },
    { intent: "primary" },
  );
}

function deleteIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(idOnly, form, { intent: "delete" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      deleteContact(ctx, parsed.data.contactId);
      return { ok: true as const, intent: "delete" as const, message: "Contact removed." };
    },
    { intent: "delete" },
  );
}

function ContactFields({
  values,
  errors,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const v = (k: string) => (values[k] === null || values[k] === undefined ? "" : String(values[k]));
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required defaultValue={v("name")} error={errors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          required
          defaultValue={v("email")}
          error={errors.email}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Phone (optional)" name="phone" defaultValue={v("phone")} error={errors.phone} />
        <Field
          label="Job title (optional)"
          name="jobTitle"
          defaultValue={v("jobTitle")}
          error={errors.jobTitle}
        />
        <Field
          label="Language (optional)"
          name="language"
          defaultValue={v("language")}
          error={errors.language}
          hint='e.g. "es", "zh-Hans"'
        />
      </div>
    </>
  );
}

export default function SupplierContacts() {
  const { supplier, contacts, editId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failure = result?.ok === false ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const formError = failure?.formError;
  const values = failure?.values;
  const failedIntent = failure?.intent;
  const editing = contacts.find((c) => c.id && c.id === editId);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={`Contacts at ${supplier.name}`}
        subtitle="Exactly one contact is primary: questionnaires go to that address."
        actions={
          <Link to={`/suppliers/${supplier.id}`} className="btn-secondary">
            Back to supplier
          </Link>
        }
      />
      {result?.ok ? <Notice>{result.message}</Notice> : null}
      {/* The buttons in the list (make primary, remove) have no form of their own to show a refusal in. */}
      {failedIntent === "primary" || failedIntent === "delete" ? (
        <FormError error={Object.values(errors)[0] ?? formError} />
      ) : null}

      <Card>
        <ul className="divide-y divide-slate-100 text-sm">
          {contacts.map((c) => (
            <li key={c.id ?? "primary"} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span>
                <span className="font-medium text-slate-800">{c.name}</span>
                {c.jobTitle ? <span className="text-slate-500"> · {c.jobTitle}</span> : null}
                <span className="block text-xs text-slate-500">
                  {c.email}
                  {c.phone ? ` · ${c.phone}` : ""}
                  {c.language ? ` · ${c.language}` : ""}
                </span>
              </span>
              <span className="flex items-center gap-3">
                {c.isPrimary ? <Badge tone="green">Primary</Badge> : null}
                {c.id ? (
                  <Link to={`?edit=${c.id}`} className="link text-xs">
                    Edit
                  </Link>
                ) : null}
                {c.id && !c.isPrimary ? (
                  <>
                    <Form method="post">
                      <input type="hidden" name="intent" value="primary" />
                      <input type="hidden" name="contactId" value={c.id} />
                      <button type="submit" className="text-xs font-medium text-sky-700 hover:underline">
                        Make primary
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="contactId" value={c.id} />
                      <button type="submit" className="text-xs text-red-600 hover:underline">
                        Remove
                      </button>
                    </Form>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </Card>

      {editing ? (
        <Card title={`Edit ${editing.name}`}>
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="contactId" value={editing.id ?? ""} />
            <FormError error={failedIntent === "update" ? formError : undefined} />
            <ContactFields
              values={failedIntent === "update" && values ? values : editing}
              errors={failedIntent === "update" ? errors : {}}
            />
            <div className="flex items-center gap-3">
              <button type="submit" className="btn-primary" disabled={busy}>
                Save contact
              </button>
              <Link to="?" className="link text-sm">
                Cancel
              </Link>
            </div>
          </Form>
        </Card>
      ) : null}

      <Card title="Add a contact">
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="add" />
          <FormError
            error={
              failedIntent === "add"
                ? (formError ??
                  (Object.keys(errors).length ? "Please correct the highlighted fields." : undefined))
                : undefined
            }
          />
          <ContactFields
            values={failedIntent === "add" && values ? values : {}}
            errors={failedIntent === "add" ? errors : {}}
          />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="isPrimary" value="on" /> Make this the primary contact
          </label>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Adding…" : "Add contact"}
          </button>
        </Form>
      </Card>
    </div>
  );
}
