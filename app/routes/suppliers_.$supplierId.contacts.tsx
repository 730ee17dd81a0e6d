import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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
import { ContactFields } from "~/suppliers/ui/ContactFields";
import { ContactList } from "~/suppliers/ui/ContactList";
import { formErrorOrSummary, FormError, Notice } from "~/ui/form";
import { failureFor } from "~/ui/intent";
import { PageHeader } from "~/ui/layout";
import { RecordFormCard } from "~/ui/RecordFormCard";

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

export default function SupplierContacts() {
  const { supplier, contacts, editId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const add = failureFor(result, "add");
  const update = failureFor(result, "update");
  // The buttons in the list (make primary, remove) have no form of their own to show a refusal in.
  const listFailure = failureFor(result, "primary") ?? failureFor(result, "delete");
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
      {listFailure ? (
        <FormError error={Object.values(listFailure.fieldErrors)[0] ?? listFailure.formError} />
      ) : null}
      <ContactList contacts={contacts} />

      {editing ? (
        <RecordFormCard
          title={`Edit ${editing.name}`}
          intent="update"
          hidden={{ contactId: editing.id ?? "" }}
          formError={update?.formError}
          busy={busy}
          submitLabel="Save contact"
          cancelTo="?"
        >
          <ContactFields values={update?.values ?? editing} errors={update?.fieldErrors ?? {}} />
        </RecordFormCard>
      ) : null}

      <RecordFormCard
        title="Add a contact"
        intent="add"
        formError={formErrorOrSummary(add)}
        busy={busy}
        submitLabel="Add contact"
        busyLabel="Adding…"
      >
        <ContactFields values={add?.values ?? {}} errors={add?.fieldErrors ?? {}} />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="isPrimary" value="on" /> Make this the primary contact
        </label>
      </RecordFormCard>
    </div>
  );
}
