import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCampaignProgress } from "~/campaigns/campaigns.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/** Polled by the campaign page while the send job runs: how many invitations are queued so far. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:read");
  const progress = await handle(() => getCampaignProgress(ctx, params.campaignId!));
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
