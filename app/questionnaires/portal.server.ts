import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { RenderedEmail } from "~/email/render.server";
import { uploadEvidence, type UploadEvidenceInput } from "~/evidence/evidence.server";
import { formatDate } from "~/i18n/dates";
import { isSupportedLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from "~/i18n/languages";
import { portalMessages, portalT, type PortalTranslate as Translate } from "~/i18n/portal";
import { nowOf } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { deleteObject } from "~/infra/storage.server";
import { raiseRemediationTask } from "~/remediation/remediation.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { emitEvent } from "~/webhooks/events.server";
import { answers, assignments, evidenceFiles, organizations, suppliers, users } from "~db/schema";
import { EDITABLE_STATUSES, loadAssignment } from "./assignments.server";
import {
  evidenceRequested,
  fieldName,
  isUnanswered,
  localizeTemplate,
  missingRequired,
  scoreAnswers,
  validateAnswer,
  type AnswerValue,
  type Question,
  type Template,
} from "./model";
import type { PortalAccess } from "./portal-access.server";
import { renderReceiptEmail, renderSubmittedNoticeEmail } from "./portal-emails.server";
import { currentRound, recordRevision, returnedQuestions } from "./portal-rounds.server";

export {
  getInvitationLanding,
  PORTAL_COOKIE,
  redeemInvitation,
  requirePortalAccess,
  supplierCtx,
  type PortalAccess,
} from "./portal-access.server";

export type FieldErrors = Record<string, string>;
type RawForm = Record<string, unknown>;

function ownAssignment(tx: DbOrTx, access: PortalAccess) {
  if (access.ctx.actor.type !== "supplier" || access.ctx.actor.id !== access.assignmentId)
    throw new NotFoundError("Questionnaire not found");
  return loadAssignment(tx, access.ctx.organizationId, access.assignmentId);
}

/**
 * Which questions the supplier may change now: all of them while the questionnaire is open, only the
 * returned ones when it came back from review, none once submitted. Enforced here, on every write.
 */
function editableScope(tx: DbOrTx, access: PortalAccess, status: string) {
  const round = currentRound(tx, access.ctx.organizationId, access.assignmentId);
  if (status === "returned") {
    const returned = returnedQuestions(tx, access.ctx.organizationId, access.assignmentId, round);
    return { round, all: false, ids: new Set(returned.map((r) => r.questionId)), returned };
  }
  const open = (EDITABLE_STATUSES as string[]).includes(status);
  return { round, all: open, ids: new Set<string>(), returned: [] as ReturnType<typeof returnedQuestions> };
}

const canEdit = (scope: { all: boolean; ids: Set<string> }, questionId: string) =>
  scope.all || scope.ids.has(questionId);

/** A field error in the supplier's language (the model's messages are English, for the buyer side). */
export function localizedAnswerError(q: Question, raw: unknown, t: Translate): string {
  switch (q.type) {
    case "yes_no":
      return t("err.yesNo");
    case "choice":
    case "multi_choice":
      return t("err.choice");
    case "number":
    case "percentage": {
      const str = String(Array.isArray(raw) ? raw[0] : raw)
        .trim()
        .replace(",", ".");
      if (!/^-?\d+(\.\d+)?$/.test(str)) return t("err.number");
      const min = q.type === "percentage" ? 0 : (q.min ?? 0);
      const max = q.type === "percentage" ? 100 : q.max;
      return max === undefined ? t("err.min", { min }) : t("err.range", { min, max });
    }
    case "short_text":
    case "text":
      return t("err.text", { max: q.maxLength ?? (q.type === "short_text" ? 200 : 4000) });
    case "date":
      return t("err.date");
    case "file":
      return t("err.generic");
  }
}

function upsertAnswer(
  tx: DbOrTx,
  access: PortalAccess,
  questionId: string,
  value: AnswerValue,
  round: number,
  now: Date,
) {
  tx.insert(answers)
    .values({
      organizationId: access.ctx.organizationId,
      assignmentId: access.assignmentId,
      questionId,
      value,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [answers.assignmentId, answers.questionId],
      set: { value, updatedAt: now },
    })
    .run();
  return recordRevision(tx, access.ctx, { assignmentId: access.assignmentId, questionId, round, value }, now);
}

function markInProgress(tx: DbOrTx, access: PortalAccess, now: Date) {
  tx.update(assignments)
    .set({ status: "in_progress", updatedAt: now })
    .where(and(eq(assignments.id, access.assignmentId), eq(assignments.status, "sent")))
    .run();
}

// -------------------------------------------------------------------------------------------------------
// Reading

export type PortalFile = { id: string; fileName: string; sizeBytes: number; contentType: string };

function filesByQuestion(tx: DbOrTx, access: PortalAccess): Record<string, PortalFile[]> {
  const rows = tx
    .select({
      id: evidenceFiles.id,
      questionId: evidenceFiles.questionId,
      fileName: evidenceFiles.fileName,
      sizeBytes: evidenceFiles.sizeBytes,
      contentType: evidenceFiles.contentType,
    })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organizationId, access.ctx.organizationId),
        eq(evidenceFiles.assignmentId, access.assignmentId),
      ),
    )
    .orderBy(asc(evidenceFiles.createdAt))
    .all();
  const out: Record<string, PortalFile[]> = {};
  for (const { questionId, ...f } of rows) if (questionId) (out[questionId] ??= []).push(f);
  return out;
}

function names(tx: DbOrTx, organizationId: string, supplierId: string) {
  const org = tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  const supplier = tx
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, supplierId))
    .get();
  return { organizationName: org?.name ?? "", supplierName: supplier?.name ?? "" };
}

/**
 * The questionnaire as the supplier may see it: in their language, without the scoring rules or the ILO
 * indicators each question tests (which answers earn risk points or count as red flags is the buyer's
 * business, and knowing it would invite gaming).
 */
function supplierTemplate(template: Template, lang: string): Template {
  const localized = localizeTemplate(template, lang);
  return {
    ...localized,
    questions: localized.questions.map((q) => ({ ...q, rule: {}, iloIndicators: [] })),
  };
}

/** Everything the portal page renders, with the questionnaire in the supplier's chosen language. */
export function getPortalView(access: PortalAccess) {
  const tx = db();
  const { row, template, values } = ownAssignment(tx, access);
  const scope = editableScope(tx, access, row.status);
  const lang = access.language;
  return {
    assignmentId: row.id,
    status: row.status,
    editable: scope.all || scope.ids.size > 0,
    /** null = every question may be changed; otherwise only these (returned for changes). */
    editableIds: scope.all ? null : [...scope.ids],
    returned: scope.returned.map((r) => ({ questionId: r.questionId, comment: r.comment })),
    round: scope.round,
    lang,
    languages: SUPPORTED_LANGUAGES.map((l) => ({ code: l.code, name: l.nativeName })),
    ...names(tx, row.organizationId, row.supplierId),
    recipientName: row.recipientName,
    dueDate: row.dueDate,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    declarationName: row.declarationName,
    declarationTitle: row.declarationTitle,
    /** Ticked (and saved) since the last submission: a returned questionnaire is attested afresh. */
    declarationAttested:
      row.declarationAttestedAt !== null &&
      (row.submittedAt === null || row.declarationAttestedAt > row.submittedAt),
    template: supplierTemplate(template, lang),
    /** The page's strings in this one language: the browser never downloads the other seven. */
    messages: portalMessages(lang),
    values,
    files: filesByQuestion(tx, access),
    uploadLimitMb: Math.round((env().UPLOAD_MAX_BYTES / (1024 * 1024)) * 10) / 10,
  };
}

export type PortalView = ReturnType<typeof getPortalView>;

// -------------------------------------------------------------------------------------------------------
// Language

/** Store the supplier's language choice on the assignment (emails to them follow it too). */
export function setPortalLanguage(access: PortalAccess, lang: string): LanguageCode {
  if (!isSupportedLanguage(lang)) throw new ValidationError({ lang: "Choose a language from the list." });
  const now = nowOf(access.ctx);
  writeTx((tx) => {
    ownAssignment(tx, access);
    tx.update(assignments)
      .set({ language: lang, updatedAt: now })
      .where(
        and(
          eq(assignments.id, access.assignmentId),
          eq(assignments.organizationId, access.ctx.organizationId),
        ),
      )
      .run();
    recordAudit(tx, access.ctx, {
      action: "questionnaire.language_changed",
      entityType: "questionnaire_assignment",
      entityId: access.assignmentId,
      details: { language: lang },
    });
  });
  return lang;
}

// -------------------------------------------------------------------------------------------------------
// Autosave

export type AutosaveResult =
  | { ok: true; questionId: string; value: AnswerValue; savedAt: string }
  | { ok: false; questionId: string; error: string; status: 400 | 409 };

/**
 * Save one answer as the supplier types (the page posts each question on its own, debounced). Only that
 * field is validated; an invalid value leaves the saved one untouched and comes back as that field's error.
 */
export function autosaveAnswer(access: PortalAccess, questionId: string, raw: unknown): AutosaveResult {
  const now = nowOf(access.ctx);
  const t = portalT(access.language);
  return writeTx((tx): AutosaveResult => {
    const { row, template, values } = ownAssignment(tx, access);
    const q = template.questions.find((x) => x.id === questionId);
    if (!q || q.type === "file") return { ok: false, questionId, error: t("err.generic"), status: 400 };
    const scope = editableScope(tx, access, row.status);
    if (!canEdit(scope, questionId)) {
      const key = row.status === "returned" ? "err.notReturned" : "err.notEditable";
      return { ok: false, questionId, error: t(key), status: 409 };
    }
    const result = validateAnswer(q, raw);
    if (!result.ok) return { ok: false, questionId, error: localizedAnswerError(q, raw, t), status: 400 };
    const unchanged = JSON.stringify(values[questionId] ?? null) === JSON.stringify(result.value);
    if (!unchanged) {
      const { created } = upsertAnswer(tx, access, questionId, result.value, scope.round, now);
      markInProgress(tx, access, now);
      // One audit row per editing burst (a new history row), not per keystroke pause.
      if (created)
        recordAudit(tx, access.ctx, {
          action: "questionnaire.answer_saved",
          entityType: "questionnaire_assignment",
          entityId: access.assignmentId,
          details: { questionId, round: scope.round },
        });
    }
    return { ok: true, questionId, value: result.value, savedAt: now.toISOString() };
  });
}

export const DECLARATION_FIELDS = ["declarationName", "declarationTitle", "attest"] as const;
export type DeclarationField = (typeof DECLARATION_FIELDS)[number];

export type DeclarationAutosaveResult =
  | { ok: true; field: DeclarationField; savedAt: string }
  | { ok: false; field: string; error: string; status: 400 | 409 };

/**
 * Save one field of the declaration as the supplier fills it in (name and job title after a pause in
 * typing, the attestation when ticked or unticked), like answers: a reload keeps it. Submitting still
 * checks the whole declaration. An attestation counts only for the submission after it (see the column).
 */
export function autosaveDeclaration(
  access: PortalAccess,
  field: string,
  raw: string,
): DeclarationAutosaveResult {
  const now = nowOf(access.ctx);
  const t = portalT(access.language);
  if (!(DECLARATION_FIELDS as readonly string[]).includes(field))
    return { ok: false, field, error: t("err.generic"), status: 400 };
  const f = field as DeclarationField;
  const value = raw.trim();
  if (f !== "attest" && (value.length > 200 || /[\r\n]/.test(value)))
    return {
      ok: false,
      field,
      error: t(f === "declarationName" ? "decl.nameRequired" : "decl.titleRequired"),
      status: 400,
    };
  return writeTx((tx): DeclarationAutosaveResult => {
    const { row } = ownAssignment(tx, access);
    const scope = editableScope(tx, access, row.status);
    if (!scope.all && scope.ids.size === 0)
      return { ok: false, field, error: t("err.notEditable"), status: 409 };
    const set =
      f === "attest"
        ? { declarationAttestedAt: value === "yes" ? now : null }
        : f === "declarationName"
          ? { declarationName: value || null }
          : { declarationTitle: value || null };
    const before =
      f === "attest"
        ? row.declarationAttestedAt !== null
        : ((f === "declarationName" ? row.declarationName : row.declarationTitle) ?? "");
    const after = f === "attest" ? value === "yes" : value;
    if (before !== after) {
      tx.update(assignments)
        .set({ ...set, updatedAt: now })
        .where(
          and(
            eq(assignments.id, access.assignmentId),
            eq(assignments.organizationId, access.ctx.organizationId),
          ),
        )
        .run();
      markInProgress(tx, access, now);
      recordAudit(tx, access.ctx, {
        action: "questionnaire.declaration_saved",
        entityType: "questionnaire_assignment",
        entityId: access.assignmentId,
        details: { field: f, ...(f === "attest" ? { attested: after } : {}) },
      });
    }
    return { ok: true, field: f, savedAt: now.toISOString() };
  });
}

/**
 * Validate the posted answers field by field (the whole-form post used without JavaScript and by submit).
 * Fields not posted keep their saved value; fields the supplier may not change are ignored.
 */
function validateForm(
  template: Template,
  raw: RawForm,
  scope: { all: boolean; ids: Set<string> },
  t: Translate,
) {
  const valid: Record<string, AnswerValue> = {};
  const fieldErrors: FieldErrors = {};
  for (const q of template.questions) {
    const name = fieldName(q.id);
    if (!(name in raw) || q.type === "file" || !canEdit(scope, q.id)) continue;
    const result = validateAnswer(q, raw[name]);
    if (result.ok) valid[q.id] = result.value;
    else fieldErrors[name] = localizedAnswerError(q, raw[name], t);
  }
  return { valid, fieldErrors };
}

/** Save a whole form at once (no-JavaScript fallback). Invalid fields are reported, valid ones stored. */
export function saveDraft(access: PortalAccess, raw: RawForm): { saved: number; fieldErrors: FieldErrors } {
  const now = nowOf(access.ctx);
  const t = portalT(access.language);
  return writeTx((tx) => {
    const { row, template, values } = ownAssignment(tx, access);
    const scope = editableScope(tx, access, row.status);
    if (!scope.all && scope.ids.size === 0) throw new ConflictError(t("err.notEditable"));
    const { valid, fieldErrors } = validateForm(template, raw, scope, t);
    let saved = 0;
    for (const [questionId, value] of Object.entries(valid)) {
      if (JSON.stringify(values[questionId] ?? null) === JSON.stringify(value)) continue;
      upsertAnswer(tx, access, questionId, value, scope.round, now);
      saved++;
    }
    const decl = declarationDraft(raw);
    tx.update(assignments)
      .set({ ...decl, updatedAt: now })
      .where(and(eq(assignments.id, row.id), inArray(assignments.status, EDITABLE_STATUSES)))
      .run();
    markInProgress(tx, access, now);
    recordAudit(tx, access.ctx, {
      action: "questionnaire.draft_saved",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: { answers: saved, invalid: Object.keys(fieldErrors).length, round: scope.round },
    });
    return { saved: Object.keys(valid).length, fieldErrors };
  });
}

function declarationDraft(raw: RawForm) {
  const out: { declarationName?: string | null; declarationTitle?: string | null } = {};
  if (typeof raw.declarationName === "string")
    out.declarationName = raw.declarationName.trim().slice(0, 200) || null;
  if (typeof raw.declarationTitle === "string")
    out.declarationTitle = raw.declarationTitle.trim().slice(0, 200) || null;
  return out;
}

// -------------------------------------------------------------------------------------------------------
// Files

function localizedUploadError(err: ValidationError, t: Translate): string {
  const message = err.fieldErrors.file ?? err.message;
  const mb = Math.round((env().UPLOAD_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  if (/larger than/i.test(message)) return t("portal.fileTooLarge", { mb: `${mb} MB` });
  if (/empty/i.test(message)) return t("portal.fileEmpty");
  if (/accepted type|not an accepted/i.test(message)) return t("portal.fileType");
  return message;
}

/** Whether a question takes uploads: a file question, or one asking for evidence with this answer. */
function takesFiles(q: Question, value: AnswerValue): boolean {
  return q.type === "file" || (!!q.evidence && (evidenceRequested(q, value) || isUnanswered(value)));
}

/**
 * Upload a file as (part of) the answer to one question: stored in S3 through the evidence module, tagged
 * with the assignment and question. Size and type are checked by content there; errors come back in the
 * supplier's language.
 */
export async function uploadAnswerFile(
  access: PortalAccess,
  questionId: string,
  file: UploadEvidenceInput["file"],
) {
  const t = portalT(access.language);
  const now = nowOf(access.ctx);
  const { row, template, values } = ownAssignment(db(), access);
  const q = template.questions.find((x) => x.id === questionId);
  if (!q || !(q.type === "file" || q.evidence)) throw new NotFoundError("Question not found");
  const scope = editableScope(db(), access, row.status);
  if (!canEdit(scope, questionId))
    throw new ConflictError(t(row.status === "returned" ? "err.notReturned" : "err.notEditable"));
  if (!takesFiles(q, values[questionId] ?? null)) throw new ValidationError({ file: t("err.generic") });
  let uploaded;
  try {
    uploaded = await uploadEvidence(access.ctx, {
      supplierId: row.supplierId,
      assignmentId: row.id,
      questionId,
      file,
    });
  } catch (err) {
    if (err instanceof ValidationError) {
      const message = localizedUploadError(err, t);
      throw new ValidationError({ file: message }, message);
    }
    throw err;
  }
  writeTx((tx) => {
    if (q.type === "file") {
      const ids = loadAssignment(tx, access.ctx.organizationId, access.assignmentId).values[questionId];
      recordRevision(
        tx,
        access.ctx,
        { assignmentId: row.id, questionId, round: scope.round, value: ids ?? null },
        now,
      );
    }
    markInProgress(tx, access, now);
  });
  return { id: uploaded.id, fileName: uploaded.fileName, sizeBytes: uploaded.sizeBytes };
}

/** Remove one of this assignment's uploads before submitting (only while that question may change). */
export async function removeAnswerFile(access: PortalAccess, evidenceId: string): Promise<void> {
  const t = portalT(access.language);
  const now = nowOf(access.ctx);
  const key = writeTx((tx) => {
    const { row, template } = ownAssignment(tx, access);
    const file = tx
      .select()
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.id, evidenceId),
          eq(evidenceFiles.organizationId, access.ctx.organizationId),
          eq(evidenceFiles.assignmentId, access.assignmentId),
        ),
      )
      .get();
    if (!file || !file.questionId) throw new NotFoundError("File not found");
    const scope = editableScope(tx, access, row.status);
    if (!canEdit(scope, file.questionId))
      throw new ConflictError(t(row.status === "returned" ? "err.notReturned" : "err.notEditable"));
    tx.delete(evidenceFiles).where(eq(evidenceFiles.id, file.id)).run();
    const q = template.questions.find((x) => x.id === file.questionId);
    if (q?.type === "file") {
      const ids = loadAssignment(tx, access.ctx.organizationId, access.assignmentId).values[q.id];
      recordRevision(
        tx,
        access.ctx,
        { assignmentId: row.id, questionId: q.id, round: scope.round, value: ids ?? null },
        now,
      );
    }
    recordAudit(tx, access.ctx, {
      action: "evidence.removed",
      entityType: "evidence",
      entityId: file.id,
      details: { assignmentId: row.id, questionId: file.questionId, fileName: file.fileName },
    });
    return file.storageKey;
  });
  // After commit: a failed delete leaves an unreferenced object, which is never served.
  await deleteObject(key).catch(() => {});
}

// -------------------------------------------------------------------------------------------------------
// Submit

function declarationSchema(t: Translate) {
  return z.object({
    declarationName: z
      .string({ error: t("decl.nameRequired") })
      .trim()
      .min(1, t("decl.nameRequired"))
      .max(200)
      .refine((v) => !/[\r\n]/.test(v), t("decl.nameRequired")),
    declarationTitle: z
      .string({ error: t("decl.titleRequired") })
      .trim()
      .min(1, t("decl.titleRequired"))
      .max(200),
    attest: z.literal("yes", { error: t("decl.attestRequired") }),
  });
}

export type SubmitResult = { ok: true; redFlags: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * Submit: all required visible questions answered and the declaration signed. Exactly once: the status
 * moves by a conditional UPDATE, so of two tabs submitting at the same moment one wins and the other gets
 * a conflict. In the same transaction: remediation tasks for red flags, risk recomputed, audit row, the
 * notice to the buyer who sent it and the supplier's receipt (in their language).
 */
export async function submitAnswers(access: PortalAccess, raw: RawForm): Promise<SubmitResult> {
  const now = nowOf(access.ctx);
  const t = portalT(access.language);
  const { row, template, values: saved, evidenceCounts } = ownAssignment(db(), access);
  const scope = editableScope(db(), access, row.status);
  if (!scope.all && scope.ids.size === 0) throw new ConflictError(t("submit.already"));

  const { valid, fieldErrors } = validateForm(template, raw, scope, t);
  const final = { ...saved, ...valid };
  for (const id of missingRequired(template, final)) fieldErrors[fieldName(id)] ??= t("err.required");
  const decl = declarationSchema(t).safeParse({
    declarationName: raw.declarationName,
    declarationTitle: raw.declarationTitle,
    attest: raw.attest,
  });
  if (!decl.success)
    for (const issue of decl.error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
  if (Object.keys(fieldErrors).length > 0 || !decl.success) return { ok: false, fieldErrors };

  const redFlags = scoreAnswers(template, final, evidenceCounts)
    .filter((s) => s.redFlag)
    .map((s) => s.question);
  const { organizationName, supplierName } = names(db(), row.organizationId, row.supplierId);
  const buyer = row.sentByUserId
    ? db()
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.sentByUserId))
        .get()
    : undefined;
  const receipt = await renderReceiptEmail({
    lang: access.language,
    recipientName: row.recipientName,
    organizationName,
    questionnaireTitle: localizeTemplate(template, access.language).title,
    submittedOn: formatDate(now, access.language),
    declarationName: decl.data.declarationName,
    declarationTitle: decl.data.declarationTitle,
  });
  const notice: RenderedEmail | null = buyer
    ? await renderSubmittedNoticeEmail({
        buyerName: buyer.name,
        supplierName,
        questionnaireTitle: template.title,
        redFlagCount: redFlags.length,
        reviewUrl: `${env().publicOrigin}/questionnaires/${row.id}`,
      })
    : null;

  return writeTx((tx) => {
    const won = tx
      .update(assignments)
      .set({
        status: "submitted",
        submittedAt: now,
        declarationName: decl.data.declarationName,
        declarationTitle: decl.data.declarationTitle,
        declarationAttestedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(assignments.id, row.id),
          eq(assignments.organizationId, access.ctx.organizationId),
          eq(assignments.status, row.status),
        ),
      )
      .run().changes;
    if (won !== 1) throw new ConflictError(t("submit.already"));

    for (const [questionId, value] of Object.entries(valid)) {
      if (JSON.stringify(saved[questionId] ?? null) !== JSON.stringify(value))
        upsertAnswer(tx, access, questionId, value, scope.round, now);
    }
    // The first submission's history starts with every answer as submitted, so later rounds have a
    // baseline even for answers typed before history was kept.
    for (const q of template.questions) {
      const value = final[q.id] ?? null;
      if (scope.round === 1 && !isUnanswered(value) && !(q.id in valid))
        recordRevision(tx, access.ctx, { assignmentId: row.id, questionId: q.id, round: 1, value }, now);
    }
    for (const q of redFlags) {
      raiseRemediationTask(tx, access.ctx, {
        supplierId: row.supplierId,
        sourceType: "answer",
        sourceRef: `${row.id}:${q.id}`,
        title: `Red-flag answer ${q.id}: ${q.text}`,
        iloIndicator: q.iloIndicators.length ? q.iloIndicators.join(", ") : null,
        severity: "red_flag",
      });
    }
    emitEvent(
      tx,
      access.ctx.organizationId,
      "questionnaire.submitted",
      {
        assignmentId: row.id,
        supplierId: row.supplierId,
        round: scope.round,
        redFlags: redFlags.map((q) => q.id),
      },
      now,
    );
    recordAudit(tx, access.ctx, {
      action: scope.round > 1 ? "questionnaire.resubmitted" : "questionnaire.submitted",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: {
        supplierId: row.supplierId,
        round: scope.round,
        redFlags: redFlags.map((q) => q.id),
        declarationName: decl.data.declarationName,
        declarationTitle: decl.data.declarationTitle,
      },
    });
    recomputeSupplierRisk(tx, access.ctx, row.supplierId, "questionnaire submitted");
    if (buyer && notice) {
      enqueueEmail(
        tx,
        {
          organizationId: row.organizationId,
          template: "questionnaire-submitted",
          to: buyer.email,
          toName: buyer.name,
          ...notice,
        },
        now,
      );
    }
    enqueueEmail(
      tx,
      {
        organizationId: row.organizationId,
        template: "questionnaire-receipt",
        to: row.recipientEmail,
        toName: row.recipientName,
        ...receipt,
      },
      now,
    );
    return { ok: true, redFlags: redFlags.length };
  });
}
