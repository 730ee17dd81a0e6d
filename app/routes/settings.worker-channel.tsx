import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  removeChannelIntent,
  saveChannelIntent,
  unknownChannelIntent,
} from "~/grievances/channels/channel-intents.server";
import { smsChannelSettings } from "~/grievances/channels/config.server";
import { SmsChannelSettings } from "~/grievances/ui/SmsChannelSettings";
import { readForm } from "~/infra/form.server";
import { requireMember } from "~/orgs/guard.server";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Worker channel by text · Clearsource" }];

/** Admins connect the SMS/WhatsApp number of the worker channel (D46). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "grievances:channel");
  return { settings: smsChannelSettings(ctx) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "grievances:channel");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "save":
      return saveChannelIntent(ctx, form);
    case "remove":
      return removeChannelIntent(ctx);
  }
  return unknownChannelIntent();
}

export default function WorkerChannelSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Worker channel by text"
        subtitle="Let workers report by SMS or WhatsApp, anonymously, in their language."
      />
      <SmsChannelSettings
        settings={settings}
        notice={result?.ok ? result.notice : undefined}
        failure={result && !result.ok ? (result as never) : undefined}
      />
    </div>
  );
}
