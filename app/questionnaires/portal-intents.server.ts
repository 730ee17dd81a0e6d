import { data, redirect } from "@remix-run/node";
import type { ReceivedUpload } from "~/evidence/upload.server";
import { portalT } from "~/i18n/portal";
import { formFailure, formValues, handle } from "~/infra/http.server";
import {
  autosaveAnswer,
  autosaveDeclaration,
  removeAnswerFile,
  saveDraft,
  setPortalLanguage,
  submitAnswers,
  uploadAnswerFile,
  type PortalAccess,
} from "./portal.server";

/**
 * The supplier portal's forms, one function per intent. Each result carries its intent, so the page and
 * each fetcher (typed `useFetcher<typeof uploadIntent>`) read their own result without casts.
 */
export function portalIntent(
  access: PortalAccess,
  form: FormData,
  /** The form's file, already streamed to storage (withUploadForm). */
  file: ReceivedUpload | null = null,
) {
  switch (form.get("intent")) {
    case "upload":
      return uploadIntent(access, form, file);
    case "autosave":
      return autosaveIntent(access, form);
    case "autosave-declaration":
      return autosaveDeclarationIntent(access, form);
    case "remove-file":
      return removeFileIntent(access, form);
    case "language":
      return languageIntent(access, form);
    case "submit":
      return submitIntent(access, form);
  }
  return saveIntent(access, form);
}

/** One file for one question, posted by that question's upload fetcher. */
export async function uploadIntent(access: PortalAccess, form: FormData, file: ReceivedUpload | null) {
  const t = portalT(access.language);
  const questionId = String(form.get("questionId") ?? "");
  if (!file) {
    const message = t("portal.fileChoose");
    return formFailure(400, {
      intent: "upload",
      target: questionId,
      formError: message,
      fieldErrors: { file: message },
    });
  }
  return handle(
    async () => {
      await uploadAnswerFile(access, questionId, file);
      return { ok: true as const, intent: "upload" as const, target: questionId };
    },
    { intent: "upload", target: questionId },
  );
}

/** One answer saved on its own while the supplier types; the page is not reloaded for it. */
export function autosaveIntent(access: PortalAccess, form: FormData) {
  const questionId = String(form.get("questionId") ?? "");
  const values = form.getAll("value").filter((v): v is string => typeof v === "string");
  const result = autosaveAnswer(access, questionId, form.get("multi") === "1" ? values : (values[0] ?? ""));
  // Not a form failure: one message for the one field, shown beside it.
  if (result.ok)
    return { ok: true as const, intent: "autosave" as const, questionId, savedAt: result.savedAt };
  return data(
    { ok: false as const, intent: "autosave" as const, questionId, error: result.error },
    { status: result.status },
  );
}

/** One field of the declaration saved on its own (name, job title, the attestation tick). */
export function autosaveDeclarationIntent(access: PortalAccess, form: FormData) {
  const field = String(form.get("field") ?? "");
  const result = autosaveDeclaration(access, field, String(form.get("value") ?? ""));
  if (result.ok)
    return { ok: true as const, intent: "autosave-declaration" as const, field, savedAt: result.savedAt };
  return data(
    { ok: false as const, intent: "autosave-declaration" as const, field, error: result.error },
    { status: result.status },
  );
}

export function removeFileIntent(access: PortalAccess, form: FormData) {
  return handle(
    async () => {
      await removeAnswerFile(access, String(form.get("evidenceId") ?? ""));
      return { ok: true as const, intent: "remove-file" as const };
    },
    { intent: "remove-file" },
  );
}

export function languageIntent(access: PortalAccess, form: FormData) {
  return handle(
    () => {
      setPortalLanguage(access, String(form.get("lang") ?? ""));
      return redirect(`/portal/${access.assignmentId}`);
    },
    { intent: "language" },
  );
}

export async function submitIntent(access: PortalAccess, form: FormData) {
  const t = portalT(access.language);
  const values = formValues(form);
  return handle(
    async () => {
      const result = await submitAnswers(access, values);
      if (result.ok) return redirect(`/portal/${access.assignmentId}?submitted=1`);
      return formFailure(400, {
        intent: "submit",
        formError: t("submit.incomplete"),
        fieldErrors: result.fieldErrors,
        values,
      });
    },
    { intent: "submit", values },
  );
}

/** The no-JavaScript path: every answer of the page posted at once, kept as a draft. */
export function saveIntent(access: PortalAccess, form: FormData) {
  const t = portalT(access.language);
  const values = formValues(form);
  return handle(
    () => {
      const result = saveDraft(access, values);
      if (Object.keys(result.fieldErrors).length > 0)
        return formFailure(400, {
          intent: "save",
          formError: t("submit.incomplete"),
          fieldErrors: result.fieldErrors,
          values,
        });
      return { ok: true as const, intent: "save" as const, notice: t("portal.saved") };
    },
    { intent: "save", values },
  );
}
