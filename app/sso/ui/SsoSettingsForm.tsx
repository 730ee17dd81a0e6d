import { Form } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import type { FormFailure } from "~/infra/validation";
import { ROLE_LABELS } from "~/orgs/permissions";
import type { SsoSettingsView } from "~/sso/connections.server";
import { SSO_PROVISIONED_ROLES } from "~/sso/constants";
import { Checkbox, Field, FormError, Select, stringValue, TextArea } from "~/ui/form";

/**
 * The organisation's OpenID Connect provider (intent save). The client secret field is always empty:
 * the stored secret is never sent back to the browser; leaving the field blank keeps it.
 */
export function SsoSettingsForm({
  view,
  failure,
  busy,
}: {
  view: SsoSettingsView;
  failure?: FormFailure;
  busy: boolean;
}) {
  const c = view.connection;
  const v = failure?.values;
  const errors = failure?.fieldErrors ?? {};
  const text = (name: string, fallback: string) => stringValue(v, name) ?? fallback;
  const checked = (name: string, fallback: boolean) => (v ? stringValue(v, name) === "on" : fallback);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError error={failure?.formError && !Object.keys(errors).length ? failure.formError : undefined} />
      <Field
        label="Issuer URL"
        name="issuer"
        required
        placeholder="https://login.microsoftonline.com/<tenant id>/v2.0"
        hint="Your identity provider's issuer: its discovery document is read from <issuer>/.well-known/openid-configuration when you save."
        defaultValue={text("issuer", c?.issuer ?? "")}
        error={errors.issuer}
      />
      <Field
        label="Client id"
        name="clientId"
        required
        autoComplete="off"
        defaultValue={text("clientId", c?.clientId ?? "")}
        error={errors.clientId}
      />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        required={!c}
        hint={
          c
            ? `A secret is stored (set ${formatDate(c.secretSetAt)}); it is never shown again. Leave blank to keep it.`
            : "Stored encrypted and never shown again."
        }
        error={errors.clientSecret}
      />
      <TextArea
        label="Allowed email domains"
        name="domains"
        rows={2}
        required
        placeholder="example.com"
        hint="People with a verified address at these domains may sign in. Each needs a member of this organisation with an address there."
        defaultValue={text("domains", c?.domains.join("\n") ?? "")}
        error={errors.domains}
      />
      <Select
        label="Role for people signing in the first time"
        name="defaultRole"
        defaultValue={text("defaultRole", c?.defaultRole ?? "procurement")}
        hint="They join this organisation on their first sign-in; an admin can change the role later."
        error={errors.defaultRole}
      >
        {SSO_PROVISIONED_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      <Checkbox name="enabled" defaultChecked={checked("enabled", c?.enabled ?? true)}>
        Single sign-on is on
      </Checkbox>
      <Checkbox name="requireSso" defaultChecked={checked("requireSso", c?.requireSso ?? false)}>
        <span>
          Require single sign-on: members can no longer log in with a password (the break-glass admin
          excepted), and their password sessions end now.
        </span>
      </Checkbox>
      <Select
        label="Break-glass admin"
        name="breakGlassUserId"
        defaultValue={text("breakGlassUserId", c?.breakGlassUserId ?? view.admins[0]?.userId ?? "")}
        hint="This admin may still log in with a password (and two-factor) when the identity provider is down."
        error={errors.breakGlassUserId}
      >
        <option value="">Nobody</option>
        {view.admins.map((a) => (
          <option key={a.userId} value={a.userId}>
            {a.name} ({a.email})
          </option>
        ))}
      </Select>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "Checking the provider…" : c ? "Save changes" : "Turn on single sign-on"}
      </button>
    </Form>
  );
}
