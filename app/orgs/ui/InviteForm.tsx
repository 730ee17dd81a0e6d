import { Form } from "@remix-run/react";
import type { RefObject } from "react";
import type { FormFailure } from "~/infra/validation";
import { Field, FormError, Select, stringValue } from "~/ui/form";
import { RoleOptions } from "./RoleOptions";

/** Invite a teammate by email with a role (intent invite); after a refused invite it shows what was typed. */
export function InviteForm({
  failure,
  busy,
  formRef,
}: {
  failure?: FormFailure;
  busy: boolean;
  /** The page resets the form after an invitation went out. */
  formRef: RefObject<HTMLFormElement>;
}) {
  return (
    <Form method="post" ref={formRef} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="invite" />
      <FormError
        error={
          failure?.formError && !Object.keys(failure.fieldErrors ?? {}).length ? failure.formError : undefined
        }
      />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        placeholder="name@company.com"
        defaultValue={stringValue(failure?.values, "email")}
        error={failure?.fieldErrors?.email}
      />
      <Select
        label="Role"
        id="invite-role"
        name="role"
        defaultValue={stringValue(failure?.values, "role") ?? "procurement"}
        error={failure?.fieldErrors?.role}
      >
        <RoleOptions />
      </Select>
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? "Sending…" : "Send invitation"}
      </button>
      <p className="text-xs text-slate-500">
        They receive a link by email that works once and expires. Inviting the same address again replaces the
        earlier link.
      </p>
    </Form>
  );
}
