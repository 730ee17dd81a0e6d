import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { isSupportedLanguage, matchLanguage, DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { nowOf, type Ctx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { renderInvitationEmail } from "~/questionnaires/invitation-emails.server";
import { scheduleReminders } from "~/questionnaires/reminders.server";
import { assignments, organizations, supplierContacts, suppliers } from "~db/schema";
import { questionCounts } from "./model";
import { BUILTIN_FORCED_LABOUR_ID, listSendableTemplates, loadSendableTemplate } from "./templates.server";

const DAY_MS = 86_400_000;
const noLineBreaks = (v: string) => !/[\r\n]/.test(v);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const sendQuestionnaireSchema = z.object({
  supplierId: z.string().min(1, "Choose a supplier."),
  recipientName: z
    .string()
    .trim()
    .min(1, "Enter the contact's name.")
    .max(200, "Keep the name under 200 characters.")
    .refine(noLineBreaks, "The name must be on one line."),
  recipientEmail: z.string().trim().pipe(z.email("Enter a valid email address.").max(254)),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
  /** A sendable template id (listSendableTemplates); the built-in SAQ when absent. */
  templateId: z.string().min(1).optional(),
  /** The supplier's language; the primary contact's language (else English) when absent. */
  language: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || isSupportedLanguage(v), "Choose a language."),
});
export type SendQuestionnaireInput = z.input<typeof sendQuestionnaireSchema>;

function findSupplier(tx: DbOrTx, ctx: Ctx, supplierId: string) {
  const supplier = tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");
  return supplier;
}

/** The primary contact's language as one we ship, English otherwise. */
export function supplierLanguage(tx: DbOrTx, ctx: Ctx, supplierId: string): string {
  const contact = tx
    .select({ language: supplierContacts.language })
    .from(supplierContacts)
    .where(
      and(
        eq(supplierContacts.supplierId, supplierId),
        eq(supplierContacts.organizationId, ctx.organizationId),
        eq(supplierContacts.isPrimary, true),
      ),
    )
    .orderBy(asc(supplierContacts.createdAt))
    .get();
  return (contact?.language && matchLanguage(contact.language)) || DEFAULT_LANGUAGE;
}

/** What the single-send form needs: suppliers to choose from, the chosen one, templates and languages. */
export function getSendForm(ctx: Ctx, supplierId: string | null) {
  const list = db()
    .select({ id: suppliers.id, name: suppliers.name, country: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.name))
    .all();
  const supplier = supplierId ? findSupplier(db(), ctx, supplierId) : null;
  const templates = listSendableTemplates(ctx);
  const builtin = templates.find((t) => t.id === BUILTIN_FORCED_LABOUR_ID) ?? templates[0];
  return {
    suppliers: list,
    supplier: supplier
      ? {
          id: supplier.id,
          name: supplier.name,
          country: supplier.country,
          sector: supplier.sector,
          tier: supplier.tier,
          contactName: supplier.contactName,
          contactEmail: supplier.contactEmail,
          language: supplierLanguage(db(), ctx, supplier.id),
        }
      : null,
    defaultDueDate: isoDay(new Date(nowOf(ctx).getTime() + 30 * DAY_MS)),
    templates,
    template: {
      title: builtin.title,
      version: String(builtin.version),
      questionCount: builtin.questionCount,
      conditionalCount: builtin.conditionalCount,
    },
    languages: SUPPORTED_LANGUAGES.map((l) => ({ code: l.code, name: l.name, nativeName: l.nativeName })),
  };
}

/**
 * Send a questionnaire to one supplier contact. The token (256 bits) exists only in the email; the
 * database keeps its SHA-256, so a leaked database opens no questionnaire. The link is built from the
 * configured public origin, never from the request. The exact template version is copied into the
 * assignment; reminders before the due date and the overdue notice are scheduled with it.
 * Returns the link for the caller's tests only.
 */
export async function sendQuestionnaire(
  ctx: Ctx,
  input: SendQuestionnaireInput,
): Promise<{ assignmentId: string; link: string; emailId: string }> {
  const parsed = sendQuestionnaireSchema.parse(input);
  const now = nowOf(ctx);
  if (parsed.dueDate < isoDay(now))
    throw new ValidationError({ dueDate: "The due date cannot be in the past." });
  const supplier = findSupplier(db(), ctx, parsed.supplierId);
  const template = loadSendableTemplate(ctx, parsed.templateId ?? BUILTIN_FORCED_LABOUR_ID);
  const language = parsed.language || supplierLanguage(db(), ctx, supplier.id);
  const orgName =
    db()
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, ctx.organizationId))
      .get()?.name ?? "Your customer";

  const token = randomToken();
  const link = `${env().publicOrigin}/s/${token}`;
  const expiresAt = new Date(now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS);
  const email = await renderInvitationEmail(
    {
      language,
      organizationName: orgName,
      questionnaireTitle: template.translations?.[language]?.title?.trim() || template.title,
      questionCount: questionCounts(template).always,
      conditionalCount: questionCounts(template).conditional,
      dueDate: parsed.dueDate,
      expiresAt,
    },
    { recipientName: parsed.recipientName, supplierName: supplier.name, link },
  );

  return writeTx((tx) => {
    const row = tx
      .insert(assignments)
      .values({
        organizationId: ctx.organizationId,
        supplierId: supplier.id,
        templateKey: template.key,
        templateVersion: String(template.version),
        questionsSnapshot: template,
        recipientName: parsed.recipientName,
        recipientEmail: parsed.recipientEmail,
        language,
        status: "sent",
        tokenHash: sha256Hex(token),
        tokenExpiresAt: expiresAt,
        dueDate: parsed.dueDate,
        sentByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        sentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: assignments.id })
      .get();
    const emailId = enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: "questionnaire-invitation",
        to: parsed.recipientEmail,
        toName: parsed.recipientName,
        ...email,
      },
      now,
    );
    scheduleReminders(tx, {
      assignmentId: row.id,
      organizationId: ctx.organizationId,
      dueDate: parsed.dueDate,
      sentAt: now,
    });
    recordAudit(tx, ctx, {
      action: "questionnaire.sent",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: {
        supplierId: supplier.id,
        template: `${template.key}@${template.version}`,
        recipientEmail: parsed.recipientEmail,
        dueDate: parsed.dueDate,
        language,
        tokenExpiresAt: expiresAt.toISOString(),
      },
    });
    return { assignmentId: row.id, link, emailId };
  });
}
