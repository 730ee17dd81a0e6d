import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { uploadJson } from "~/evidence/upload.server";
import { createSiteImportJob } from "~/imports/sites/sites-import.server";
import { receiveImportUpload } from "~/imports/upload.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/** The sites import page's upload form with a progress bar (D32): the page's own steps, answered as JSON. */
export async function action({ request }: ActionFunctionArgs) {
  return uploadJson(async () => {
    const { ctx } = requireMember(request, "suppliers:write");
    const received = await receiveImportUpload(request);
    if (!received.ok) {
      return formFailure(400, { formError: received.message, fieldErrors: { file: received.message } });
    }
    return handle(
      async () => redirect(`/imports/sites/${(await createSiteImportJob(ctx, received.upload)).id}`),
      {},
    );
  });
}
