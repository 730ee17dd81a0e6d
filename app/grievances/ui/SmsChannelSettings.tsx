import { Form } from "@remix-run/react";
import type { SmsChannelSettings as Settings } from "~/grievances/channels/config.server";
import { INTAKE_LANGUAGES } from "~/grievances/languages";
import { Field, fieldBinder, FormError, Notice, Select } from "~/ui/form";
import { Card } from "~/ui/layout";

type Failure = {
  ok: false;
  intent?: string;
  formError?: string | null;
  fieldErrors?: Record<string, string>;
  values?: Record<string, unknown>;
};

/**
 * Connect the worker channel's text-message number: the webhook address to give the provider, the
 * account and the auth token (sealed when saved, never shown again), and the fallback reply language.
 */
export function SmsChannelSettings(props: { settings: Settings; notice?: string; failure?: Failure }) {
  const { settings, failure } = props;
  const bind = fieldBinder(
    failure?.values ?? {
      defaultLanguage: settings.channel?.defaultLanguage ?? "en",
      accountSid: settings.channel?.accountSid ?? "",
    },
    failure?.fieldErrors,
  );
  return (
    <div className="space-y-6">
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <Card title="How workers text you">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Workers can report by SMS or WhatsApp to a number you hold with Twilio. The first message opens a
            case and is answered with a receipt code; further messages from the same phone are added to that
            case for 90 days; “STATUS” and the code returns the case&apos;s state and your latest reply.
          </p>
          <p>
            The sender&apos;s number is not stored: only a keyed hash finds the conversation. Replies go out
            from the number the worker wrote to, in the language of their message (or the one chosen below).
          </p>
          <p>In the Twilio Console, set the number&apos;s “A message comes in” webhook (HTTP POST) to:</p>
          <p>
            <code className="break-all rounded bg-slate-100 px-2 py-1" data-testid="sms-webhook-url">
              {settings.webhookUrl}
            </code>
          </p>
        </div>
      </Card>
      <Card title={settings.channel ? "Connected number" : "Connect a number"}>
        {settings.channel ? (
          <p className="mb-3 text-sm text-slate-700">
            Account {settings.channel.accountSid}, auth token ending in …{settings.channel.tokenHint}, replies
            default to{" "}
            {INTAKE_LANGUAGES.find((l) => l.code === settings.channel?.defaultLanguage)?.name ??
              settings.channel.defaultLanguage}
            ; saved on {settings.channel.updatedAt}.
          </p>
        ) : null}
        <Form method="post" className="space-y-3" autoComplete="off">
          <input type="hidden" name="intent" value="save" />
          <Field label="Account SID" {...bind("accountSid")} placeholder="AC…" spellCheck={false} />
          <Field
            label={settings.channel ? "Auth token (enter it again to change anything)" : "Auth token"}
            type="password"
            {...bind("authToken")}
            hint="It signs every message Twilio sends here and authorises replies. Stored sealed, never shown again."
          />
          <Select
            label="Reply language when a message's script does not show it"
            {...bind("defaultLanguage")}
          >
            {INTAKE_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </Select>
          {failure?.intent === "save" ? <FormError error={failure.formError ?? undefined} /> : null}
          <button type="submit" className="btn-primary">
            {settings.channel ? "Save" : "Connect"}
          </button>
        </Form>
        {settings.channel ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="btn-secondary">
              Disconnect the number
            </button>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
