import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { smsWebhook } from "~/grievances/channels/webhook.server";

/**
 * Deliberately public: the text-message provider posts workers' SMS and WhatsApp messages here. The
 * provider's signature over the body (with the organisation's sealed auth token) is the credential;
 * no cookie is read (D46). GET answers 405.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return smsWebhook(request, params.orgId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return smsWebhook(request, params.orgId ?? "");
}
