import type { ZodType } from "zod";
import {
  evidenceDetailsSchema,
  evidenceMetaSchema,
  getEvidence,
  updateEvidenceDetails,
  uploadEvidence,
  verifyEvidenceHash,
} from "~/evidence/evidence.server";
import type { ReceivedUpload } from "~/evidence/upload.server";
import { describeHashCheck } from "~/evidence/verify-intent.server";
import { withdrawEvidenceNow, withdrawSchema } from "~/evidence/withdraw.server";
import type { Ctx } from "~/infra/context";
import { NotFoundError } from "~/infra/errors";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import {
  acceptPlan,
  assignBuyerOwner,
  closeAction,
  commentSchema,
  escalateAction,
  escalateSchema,
  ownerSchema,
  progressSchema,
  rejectEvidence,
  rejectEvidenceSchema,
  reopenAction,
  reopenSchema,
  returnPlan,
  returnPlanSchema,
  startWork,
  submitEvidence,
  submitPlan,
  submitPlanSchema,
  verifyAction,
  verifySchema,
} from "./actions.server";
import { getActionDetail } from "./detail.server";
import { recordRemedy, remedySchema } from "./remedies.server";
import { shareActionsWithSupplier, shareSchema } from "./supplier-access.server";

type Intent =
  | "submit_plan"
  | "accept_plan"
  | "return_plan"
  | "start_work"
  | "submit_evidence"
  | "reject_evidence"
  | "verify"
  | "close"
  | "escalate"
  | "reopen"
  | "owner"
  | "remedy"
  | "upload"
  | "evidence_details"
  | "withdraw_evidence";

type Step = { schema: ZodType; run: (ctx: Ctx, id: string, data: never) => unknown; notice: string };

const STEPS: Record<Exclude<Intent, "upload" | "evidence_details" | "withdraw_evidence">, Step> = {
  submit_plan: { schema: submitPlanSchema, run: submitPlan, notice: "Plan submitted." },
  accept_plan: { schema: commentSchema, run: acceptPlan, notice: "Plan accepted." },
  return_plan: { schema: returnPlanSchema, run: returnPlan, notice: "Plan returned to the supplier." },
  start_work: { schema: progressSchema, run: startWork, notice: "Marked as in progress." },
  submit_evidence: {
    schema: progressSchema,
    run: submitEvidence,
    notice: "Evidence submitted for verification.",
  },
  reject_evidence: { schema: rejectEvidenceSchema, run: rejectEvidence, notice: "Evidence sent back." },
  verify: {
    schema: verifySchema,
    run: verifyAction,
    notice: "Verified. Close the action to close its finding.",
  },
  close: {
    schema: commentSchema,
    run: closeAction,
    notice: "Closed. The finding is closed and the supplier's risk has been recomputed.",
  },
  escalate: { schema: escalateSchema, run: escalateAction, notice: "Escalation recorded." },
  reopen: {
    schema: reopenSchema,
    run: reopenAction,
    notice: "Reopened. A new plan is owed; the deadlines restart from today.",
  },
  owner: { schema: ownerSchema, run: assignBuyerOwner, notice: "Owner saved." },
  remedy: { schema: remedySchema, run: recordRemedy, notice: "Remedy to workers recorded." },
};

/**
 * The buyer's forms on an action page, one intent each: parse with the verb's schema (field errors and
 * what was typed come back to the same form), run the one verb, answer with a notice.
 */
export async function runBuyerIntent(
  member: Member,
  actionId: string,
  intent: string,
  form: FormData,
  /** The form's file, already streamed to storage (withUploadForm). */
  file: ReceivedUpload | null = null,
) {
  if (intent === "share") {
    form.delete("intent");
    const parsed = parseForm(shareSchema, form, { intent });
    if (!parsed.ok) return parsed.response;
    const supplierId = getActionDetail(member.ctx, actionId).action.supplierId;
    return handle(
      async () => {
        await shareActionsWithSupplier(member.ctx, supplierId, parsed.data);
        return { ok: true as const, intent, notice: `Link emailed to ${parsed.data.recipientEmail}.` };
      },
      { intent, values: parsed.values },
    );
  }
  if (intent === "upload") {
    requirePermission(member, "evidence:upload");
    if (!file) {
      const message = "Choose a file to upload.";
      return formFailure(400, { intent: "upload", formError: message, fieldErrors: { file: message } });
    }
    const meta = parseForm(evidenceMetaSchema, form, { intent });
    if (!meta.ok) return meta.response;
    return handle(
      async () => {
        const row = await uploadEvidence(member.ctx, { actionId, file, ...meta.data });
        return {
          ok: true as const,
          intent,
          notice:
            row.version > 1
              ? `Uploaded ${row.fileName} as version ${row.version}.`
              : `Uploaded ${row.fileName}.`,
        };
      },
      { intent, values: meta.values },
    );
  }
  if (intent === "verify_hash") {
    requirePermission(member, "evidence:read");
    const evidenceId = String(form.get("evidenceId") ?? "");
    return handle(
      async () => {
        const file = getEvidence(member.ctx, evidenceId);
        // Only this action's files (and their earlier versions) are checked from its page.
        if (file.actionId !== actionId) throw new NotFoundError("Evidence not found");
        const said = describeHashCheck(await verifyEvidenceHash(member.ctx, file.id));
        if (said.match) return { ok: true as const, intent, notice: said.text };
        return formFailure(409, { intent, formError: said.text });
      },
      { intent },
    );
  }
  if (intent === "evidence_details") {
    requirePermission(member, "evidence:upload");
    form.delete("intent");
    const parsed = parseForm(evidenceDetailsSchema, form, { intent });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        const file = getEvidence(member.ctx, parsed.data.evidenceId);
        // Only this action's files are changed from its page (another action's id is "not found").
        if (file.actionId !== actionId) throw new NotFoundError("Evidence not found");
        updateEvidenceDetails(member.ctx, parsed.data);
        return { ok: true as const, intent, notice: `Saved the owner and expiry of ${file.fileName}.` };
      },
      { intent, values: parsed.values },
    );
  }
  if (intent === "withdraw_evidence") {
    requirePermission(member, "evidence:upload");
    form.delete("intent");
    const parsed = parseForm(withdrawSchema, form, { intent });
    if (!parsed.ok) return parsed.response;
    return handle(
      async () => {
        // Only this action's files are withdrawn from its page (another action's id is "not found").
        const r = await withdrawEvidenceNow(member.ctx, parsed.data, { actionId });
        return { ok: true as const, intent, notice: withdrawnNotice(r) };
      },
      { intent, values: parsed.values },
    );
  }
  const step = STEPS[intent as keyof typeof STEPS];
  if (!step) return formFailure(400, { formError: "Unknown form submission." });
  form.delete("intent");
  const parsed = parseForm(step.schema, form, { intent });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      (step.run as (ctx: Ctx, id: string, data: unknown) => unknown)(member.ctx, actionId, parsed.data);
      return { ok: true as const, intent, notice: step.notice };
    },
    { intent, values: parsed.values },
  );
}

function withdrawnNotice(r: {
  fileName: string;
  versions: number;
  retained: boolean;
  stateChanged: boolean;
}) {
  const what = r.versions > 1 ? `${r.fileName} and its ${r.versions - 1} earlier version(s)` : r.fileName;
  return (
    `Withdrew ${what}. ` +
    (r.retained
      ? "It is kept on record because a verification or remedy relied on it, but no longer counts as evidence."
      : "The file was deleted; who withdrew it, when and why stay on record.") +
    (r.stateChanged ? " No evidence is left to verify, so the action is back in progress." : "")
  );
}
