import { type ActionFunctionArgs } from "@remix-run/node";
import { getAudit } from "~/audits/audits.server";
import { auditUploadIntent } from "~/audits/upload-intent.server";
import { uploadJson, withUploadForm } from "~/evidence/upload.server";
import { handle } from "~/infra/http.server";
import { requireMember, requirePermission } from "~/orgs/guard.server";

/** The audit page's upload form with a progress bar (app/evidence/ui/UploadForm.tsx): JSON answers. */
export async function action({ request, params }: ActionFunctionArgs) {
  return uploadJson(async () => {
    const member = requireMember(request, "evidence:upload");
    requirePermission(member, "audits:read");
    const auditId = params.auditId ?? "";
    // The audit must be this tenant's before a byte of the body is read.
    await handle(() => getAudit(member.ctx, auditId));
    return withUploadForm(request, member.ctx.organizationId, "upload", (form, upload) =>
      auditUploadIntent(member, auditId, form, upload),
    );
  });
}
