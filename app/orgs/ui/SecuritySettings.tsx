import { Form } from "@remix-run/react";
import { Field, FormError, Notice } from "~/ui/form";
import { Badge, Card } from "~/ui/layout";

export type SecurityView = {
  enabled: boolean;
  pending: { secret: string; uri: string; qrDataUrl: string } | null;
  recoveryCodesLeft: number;
  requiredByOrganization: boolean;
  canManageOrganization: boolean;
  mustSetUp: boolean;
};

type Failure = { intent?: string; formError?: string; fieldErrors?: Record<string, string | undefined> };

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Card title="Your recovery codes">
      <p className="text-sm text-slate-700">
        Each code lets you log in once without your phone. Store them somewhere safe now: they are not shown
        again (you can make new ones at any time).
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-2 py-1">
            {c}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function PasswordForm({
  intent,
  label,
  failure,
  danger,
}: {
  intent: string;
  label: string;
  failure?: Failure;
  danger?: boolean;
}) {
  const mine = failure?.intent === intent ? failure : undefined;
  return (
    <Form method="post" className="space-y-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError error={mine?.formError} />
      <Field
        label="Your password"
        name="password"
        id={`${intent}-password`}
        type="password"
        autoComplete="current-password"
        required
        error={mine?.fieldErrors?.password}
      />
      <button type="submit" className={danger ? "btn-danger" : "btn-secondary"}>
        {label}
      </button>
    </Form>
  );
}

export function TwoFactorCard({ view, failure }: { view: SecurityView; failure?: Failure }) {
  const confirm = failure?.intent === "confirm-setup" ? failure : undefined;
  return (
    <Card
      title="Two-factor sign-in"
      actions={view.enabled ? <Badge tone="green">On</Badge> : <Badge tone="slate">Off</Badge>}
    >
      {view.mustSetUp ? (
        <Notice>
          Your organisation requires two-factor sign-in. Set it up to continue using Clearsource.
        </Notice>
      ) : null}
      {view.enabled ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Log-in asks for a code from your authenticator app after your password. Recovery codes left:{" "}
            <strong>{view.recoveryCodesLeft}</strong>.
          </p>
          <PasswordForm intent="regenerate-codes" label="Make new recovery codes" failure={failure} />
          {view.requiredByOrganization ? (
            <p className="text-sm text-slate-500">
              Your organisation requires it, so it cannot be turned off.
            </p>
          ) : (
            <PasswordForm intent="disable" label="Turn off two-factor sign-in" failure={failure} danger />
          )}
        </div>
      ) : view.pending ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Scan this code with an authenticator app (for example 1Password, Google Authenticator or Aegis),
            then enter the 6-digit code it shows.
          </p>
          <img
            src={view.pending.qrDataUrl}
            alt="QR code for your authenticator app"
            width={200}
            height={200}
          />
          <p className="text-sm text-slate-500">
            Cannot scan? Enter this key by hand:{" "}
            <code className="break-all font-mono">{view.pending.secret}</code>
          </p>
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="confirm-setup" />
            <FormError error={confirm?.formError} />
            <Field
              label="Code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={40}
              error={confirm?.fieldErrors?.code}
            />
            <button type="submit" className="btn-primary">
              Turn on two-factor sign-in
            </button>
          </Form>
        </div>
      ) : (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="start-setup" />
          <p className="text-sm text-slate-700">
            Protect your account with a code from an authenticator app on your phone, asked after your
            password.
          </p>
          <button type="submit" className="btn-primary">
            Set up two-factor sign-in
          </button>
        </Form>
      )}
    </Card>
  );
}

export function OrganizationTwoFactorCard({ view, failure }: { view: SecurityView; failure?: Failure }) {
  const mine = failure?.intent === "require-two-factor" ? failure : undefined;
  return (
    <Card title="Organisation policy">
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="require-two-factor" />
        <input type="hidden" name="required" value={view.requiredByOrganization ? "off" : "on"} />
        <FormError error={mine?.formError ?? mine?.fieldErrors?.required} />
        <p className="text-sm text-slate-700">
          {view.requiredByOrganization
            ? "Every member must use two-factor sign-in; members without it are asked to set it up before anything else."
            : "Members may use two-factor sign-in. Requiring it sends every member without it to set it up first."}
        </p>
        <button type="submit" className="btn-secondary">
          {view.requiredByOrganization
            ? "Stop requiring two-factor sign-in"
            : "Require two-factor sign-in for everyone"}
        </button>
      </Form>
    </Card>
  );
}
