import { type ActionFunctionArgs } from "@remix-run/node";
import { uploadJson, withUploadForm } from "~/evidence/upload.server";
import { requireSupplierActions } from "~/remediation/supplier-access.server";
import { runSupplierIntent } from "~/remediation/supplier-intents.server";

/**
 * The supplier's upload form with a progress bar (app/evidence/ui/UploadForm.tsx): JSON answers, in
 * the supplier's language. Only the upload intent: the page answers every other form itself.
 */
export async function action({ request }: ActionFunctionArgs) {
  return uploadJson(async () => {
    const access = requireSupplierActions(request);
    return withUploadForm(request, access.ctx.organizationId, "upload", (form, upload) => {
      form.set("intent", "upload");
      return runSupplierIntent(access, form, upload);
    });
  });
}
