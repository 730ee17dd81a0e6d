import { uploadEvidence } from "~/evidence/evidence.server";
import type { ReceivedUpload } from "~/evidence/upload.server";
import { formFailure, handle } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";

/**
 * The audit page's upload form, for both its answers: the page's own action (no JavaScript) and the
 * progress bar's resource route (routes/audits.$auditId_.upload.tsx). The audit was checked to be the
 * tenant's before the body was read.
 */
export async function auditUploadIntent(
  member: Member,
  auditId: string,
  form: FormData,
  file: ReceivedUpload | null,
) {
  requirePermission(member, "evidence:upload");
  if (!file) {
    const message = "Choose a file to upload.";
    return formFailure(400, { intent: "upload", formError: message, fieldErrors: { file: message } });
  }
  const findingId = form.get("findingId");
  return handle(
    async () => {
      const row = await uploadEvidence(member.ctx, {
        auditId,
        findingId: typeof findingId === "string" && findingId !== "" ? findingId : null,
        file,
      });
      return { ok: true as const, intent: "upload" as const, notice: `Uploaded ${row.fileName}.` };
    },
    { intent: "upload" },
  );
}
