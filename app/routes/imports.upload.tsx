import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { uploadJson } from "~/evidence/upload.server";
import { createImportJob } from "~/imports/imports.server";
import { receiveImportUpload } from "~/imports/upload.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/**
 * The import page's upload form with a progress bar (app/evidence/ui/UploadForm.tsx): the same steps
 * as the page's own action, answered as JSON (`redirect` to the new job's mapping page).
 */
export async function action({ request }: ActionFunctionArgs) {
  return uploadJson(async () => {
    const { ctx } = requireMember(request, "suppliers:write");
    // The file streams to disk with the size, row and text checks; nothing is stored in the database yet.
    const received = await receiveImportUpload(request);
    if (!received.ok) {
      return formFailure(400, { formError: received.message, fieldErrors: { file: received.message } });
    }
    return handle(async () => redirect(`/imports/${(await createImportJob(ctx, received.upload)).id}`), {});
  });
}
