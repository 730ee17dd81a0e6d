import { type LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForDownload } from "~/grievances/cases.server";
import { requireGrievanceMember } from "~/grievances/guard.server";
import { handle } from "~/infra/http.server";
import { downloadResponse } from "~/infra/storage.server";

/**
 * A file the reporter attached to a case (D41), for the grievance roles only (everyone else 404, like
 * the case). The download is logged before the file is streamed as an attachment; see downloadResponse.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireGrievanceMember(request);
  return handle(() =>
    downloadResponse(attachmentForDownload(ctx, params.caseId ?? "", params.attachmentId ?? "")),
  );
}
