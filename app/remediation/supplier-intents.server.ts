import type { ZodType } from "zod";
import { evidenceMetaSchema, uploadEvidence } from "~/evidence/evidence.server";
import { formatLimitMb } from "~/evidence/file-types";
import type { ReceivedUpload } from "~/evidence/upload.server";
import { withdrawEvidenceNow, withdrawSchema } from "~/evidence/withdraw.server";
import { env } from "~/infra/env.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import {
  progressSchema,
  respondSchema,
  respondToFinding,
  startWork,
  submitEvidence,
  submitPlan,
  submitPlanSchema,
} from "./actions.server";
import type { SupplierAccess } from "./supplier-access.server";
import { supplierActionsT, type SupplierActionsKey } from "./supplier-i18n.server";

type StepIntent = "respond" | "submit_plan" | "start_work" | "submit_evidence";
type Run = (ctx: SupplierAccess["ctx"], id: string, input: never, o: { supplierId: string }) => unknown;

const STEPS: Record<StepIntent, { schema: ZodType; run: Run }> = {
  respond: { schema: respondSchema, run: respondToFinding },
  submit_plan: { schema: submitPlanSchema, run: submitPlan },
  start_work: { schema: progressSchema, run: startWork },
  submit_evidence: { schema: progressSchema, run: submitEvidence },
};

/**
 * The supplier's forms, one intent each, always for an action of the link's own supplier (the verbs get
 * `supplierId` and answer "not found" for any other). Results carry the intent and the action id
 * (`target`), so the page shows each message beside the right action.
 */
export async function runSupplierIntent(
  access: SupplierAccess,
  form: FormData,
  /** The form's file, already streamed to storage (withUploadForm). */
  file: ReceivedUpload | null = null,
) {
  const intent = String(form.get("intent") ?? "");
  const actionId = String(form.get("actionId") ?? "");
  const t = supplierActionsT(access.language);
  const opts = { supplierId: access.supplierId };
  if (intent === "upload") {
    if (!file) {
      const message = t("evidence.choose");
      return formFailure(400, {
        intent,
        target: actionId,
        formError: message,
        fieldErrors: { file: message },
      });
    }
    // The supplier may say until when the file is valid (a permit, a certificate); owner and
    // replacement stay the buyer's choice.
    const meta = parseForm(evidenceMetaSchema.pick({ expiresOn: true }), form, { intent, target: actionId });
    if (!meta.ok) return inSupplierWords(meta.response, t);
    return handle(
      async () => {
        await uploadEvidence(access.ctx, {
          actionId,
          supplierId: access.supplierId,
          expiresOn: meta.data.expiresOn,
          file,
        });
        return { ok: true as const, intent, target: actionId, notice: t("saved.upload") };
      },
      { intent, target: actionId, values: meta.values },
    ).then((r) => ("ok" in r ? r : inSupplierWords(r, t)));
  }
  if (intent === "withdraw_evidence") {
    form.delete("intent");
    form.delete("actionId");
    const parsed = parseForm(withdrawSchema, form, { intent, target: actionId });
    const words = { reason: "err.withdrawReason" } as const;
    if (!parsed.ok) return inSupplierWords(parsed.response, t, words);
    return handle(
      async () => {
        // Only a file of this action of the link's own supplier: anything else is "not found".
        const r = await withdrawEvidenceNow(access.ctx, parsed.data, {
          supplierId: access.supplierId,
          actionId,
        });
        const notice = t(r.stateChanged ? "saved.withdraw_back" : "saved.withdraw_evidence");
        return { ok: true as const, intent, target: actionId, notice };
      },
      { intent, target: actionId, values: parsed.values },
    ).then((r) => {
      if ("ok" in r) return r;
      // Refused by the file's state (a verification relied on it, withdrawn meanwhile): in their words.
      if (r.init?.status === 409) return formFailure(409, { ...r.data, formError: t("err.withdrawRefused") });
      return inSupplierWords(r, t, words);
    });
  }
  if (!(intent in STEPS)) return formFailure(400, { formError: "Unknown form submission." });
  const step = STEPS[intent as StepIntent];
  form.delete("intent");
  form.delete("actionId");
  const parsed = parseForm(step.schema, form, { intent, target: actionId });
  if (!parsed.ok) return inSupplierWords(parsed.response, t);
  return handle(
    () => {
      (step.run as (ctx: SupplierAccess["ctx"], id: string, input: unknown, o: typeof opts) => unknown)(
        access.ctx,
        actionId,
        parsed.data,
        opts,
      );
      return { ok: true as const, intent, target: actionId, notice: t(`saved.${intent as StepIntent}`) };
    },
    { intent, target: actionId, values: parsed.values },
  ).then((r) => ("ok" in r ? r : inSupplierWords(r, t)));
}

const FIELD_KEYS: Record<string, SupplierActionsKey> = {
  planTargetDate: "err.date",
  expiresOn: "err.expiry",
  reason: "err.reason",
  response: "err.response",
};

/**
 * Form failures in the supplier's language: the schemas' and verbs' messages are the buyer's English, so
 * each field error is replaced by the supplier-language message for that field.
 */
function inSupplierWords(
  failure: ReturnType<typeof formFailure<string>>,
  t: (k: SupplierActionsKey, vars?: Record<string, string>) => string,
  /** This form's own words for a field, where they differ from the other forms'. */
  words: Partial<Record<string, SupplierActionsKey>> = {},
) {
  const { data, init } = failure;
  const fieldErrors = Object.fromEntries(
    Object.entries(data.fieldErrors).map(([k, message]) => [
      k,
      k === "file" ? fileError(message, t) : t(words[k] ?? FIELD_KEYS[k] ?? "err.field"),
    ]),
  );
  return formFailure(init?.status ?? 400, {
    intent: data.intent,
    target: data.target,
    values: data.values,
    fieldErrors,
    formError: Object.keys(fieldErrors).length ? undefined : data.formError,
  });
}

/** The evidence module's refusals of a file (by content, size, emptiness) in the supplier's words. */
function fileError(message: string, t: (k: SupplierActionsKey, vars?: Record<string, string>) => string) {
  if (/larger than/i.test(message))
    return t("err.fileTooLarge", { mb: formatLimitMb(env().UPLOAD_MAX_BYTES) });
  if (/not an accepted type/i.test(message)) return t("err.fileType");
  if (/empty/i.test(message)) return t("err.fileEmpty");
  return message;
}
