import { type ActionFunctionArgs } from "@remix-run/node";
import { uploadJson, withUploadForm } from "~/evidence/upload.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { runBuyerIntent } from "~/remediation/buyer-intents.server";
import { getActionDetail } from "~/remediation/detail.server";

/** The action page's upload form with a progress bar (app/evidence/ui/UploadForm.tsx): JSON answers. */
export async function action({ request, params }: ActionFunctionArgs) {
  return uploadJson(async () => {
    const member = requireMember(request, "remediation:write");
    const actionId = params.taskId ?? "";
    // The action must be this tenant's before a byte of the body is read.
    await handle(() => getActionDetail(member.ctx, actionId));
    return withUploadForm(request, member.ctx.organizationId, "upload", (form, upload) =>
      runBuyerIntent(member, actionId, "upload", form, upload),
    );
  });
}
