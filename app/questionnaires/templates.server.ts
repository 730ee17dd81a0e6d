import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { questionnaireTemplates, templateVersions } from "~db/schema";
import { BUILTIN_FORCED_LABOUR_ID, BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import {
  questionCounts,
  templateLanguage,
  templateLanguages,
  translatableStrings,
  type Question,
  type QuestionType,
  type Template,
  type TemplateTranslation,
} from "./model";
import { parseTemplate, templateSchema } from "./model.schema";
import {
  CHOICE_TYPES,
  moveItem,
  nextQuestionId,
  nextSectionId,
  questionFromForm,
  type QuestionFormData,
} from "./template-editor";

export { BUILTIN_FORCED_LABOUR_ID };

/** What a campaign's "which questionnaire" picker shows. `id` is what loadSendableTemplate takes. */
export type SendableTemplate = {
  id: string;
  title: string;
  version: number | string;
  /** The one count (questionCounts): the questions every supplier sees, and the follow-ups answers add. */
  questionCount: number;
  conditionalCount: number;
  languages: string[];
};

function summary(id: string, t: Template, version: number | string, title = t.title): SendableTemplate {
  const counts = questionCounts(t);
  return {
    id,
    title,
    version,
    questionCount: counts.always,
    conditionalCount: counts.conditional,
    languages: templateLanguages(t),
  };
}

/**
 * Templates this organisation can send: the built-in SAQ (latest shipped version) and the latest published
 * version of each of its own templates. Drafts are never sendable.
 */
export function listSendableTemplates(ctx: Ctx): SendableTemplate[] {
  const rows = db()
    .select({
      id: templateVersions.id,
      templateId: templateVersions.templateId,
      version: templateVersions.version,
      content: templateVersions.content,
      name: questionnaireTemplates.name,
    })
    .from(templateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .where(
      and(eq(templateVersions.organizationId, ctx.organizationId), eq(templateVersions.status, "published")),
    )
    .orderBy(asc(questionnaireTemplates.name), desc(templateVersions.version))
    .all();
  const seen = new Set<string>();
  const own: SendableTemplate[] = [];
  for (const r of rows) {
    if (seen.has(r.templateId)) continue;
    seen.add(r.templateId);
    // Buyers pick by the name they gave the template; suppliers see the content's own (translated) title.
    own.push(summary(r.id, parseTemplate(r.content), r.version, r.name));
  }
  const builtin = BUILTIN_FORCED_LABOUR_LATEST;
  return [summary(BUILTIN_FORCED_LABOUR_ID, builtin, builtin.version), ...own];
}

/**
 * The exact template content to snapshot into assignments: the built-in SAQ for BUILTIN_FORCED_LABOUR_ID, or a
 * PUBLISHED version of this organisation's own template by version id. A draft, an unknown id or another
 * organisation's id is NotFound.
 */
export function loadSendableTemplate(ctx: Ctx, id: string): Template {
  if (id === BUILTIN_FORCED_LABOUR_ID) return BUILTIN_FORCED_LABOUR_LATEST;
  const row = db()
    .select({ content: templateVersions.content })
    .from(templateVersions)
    .where(
      and(
        eq(templateVersions.id, id),
        eq(templateVersions.organizationId, ctx.organizationId),
        eq(templateVersions.status, "published"),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("Questionnaire template not found");
  return parseTemplate(row.content);
}

// ---------------------------------------------------------------------------------------------------------
// The template editor (admins): own templates, draft versions, publishing.

export type TemplateVersionSummary = {
  id: string;
  version: number;
  status: "draft" | "published";
  publishedAt: string | null;
  questionCount: number;
  languages: string[];
};

export type TemplateListEntry = {
  id: string;
  name: string;
  basedOn: string | null;
  versions: TemplateVersionSummary[];
};

/** The template list page: the built-in SAQ and this organisation's templates with all their versions. */
export function listTemplates(ctx: Ctx): { builtin: SendableTemplate; templates: TemplateListEntry[] } {
  const templates = db()
    .select()
    .from(questionnaireTemplates)
    .where(eq(questionnaireTemplates.organizationId, ctx.organizationId))
    .orderBy(asc(questionnaireTemplates.name))
    .all();
  const versions = db()
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.organizationId, ctx.organizationId))
    .orderBy(desc(templateVersions.version))
    .all();
  const builtin = BUILTIN_FORCED_LABOUR_LATEST;
  return {
    builtin: summary(BUILTIN_FORCED_LABOUR_ID, builtin, builtin.version),
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      basedOn: t.basedOn,
      versions: versions
        .filter((v) => v.templateId === t.id)
        .map((v) => {
          const content = parseTemplate(v.content);
          return {
            id: v.id,
            version: v.version,
            status: v.status,
            publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
            questionCount: content.questions.length,
            languages: templateLanguages(content),
          };
        }),
    })),
  };
}

export const createTemplateSchema = z.object({
  source: z.enum(["builtin", "blank"], "Choose how to start."),
  name: z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(120, "Keep the name under 120 characters.")
    .refine((v) => !/[\r\n]/.test(v), "The name must be on one line."),
});
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

function blankTemplate(key: string, name: string): Template {
  return {
    key,
    version: "1",
    language: "en",
    title: name,
    intro: "",
    sections: [{ id: "s1", title: "General", description: "" }],
    questions: [
      {
        id: "Q1",
        section: "s1",
        type: "yes_no",
        text: "Do you have a written policy that prohibits forced labour?",
        help: "",
        required: true,
        iloIndicators: [],
        rule: {},
      },
    ],
    declaration: {
      attestation:
        "I confirm that the answers above are true and complete to the best of my knowledge, and that I am " +
        "authorised to give them on behalf of the supplier.",
    },
  };
}

/** Start a template: a copy of the built-in SAQ (translations included) or a blank one. Version 1, a draft. */
export function createTemplate(
  ctx: Ctx,
  input: CreateTemplateInput,
): { templateId: string; versionId: string } {
  const templateId = randomUUID();
  const versionId = randomUUID();
  const key = `org-${templateId}`;
  const builtin = BUILTIN_FORCED_LABOUR_LATEST;
  const content: Template =
    input.source === "builtin"
      ? { ...structuredClone(builtin), key, version: "1" }
      : blankTemplate(key, input.name);
  const now = nowOf(ctx);
  return writeTx((tx) => {
    tx.insert(questionnaireTemplates)
      .values({
        id: templateId,
        organizationId: ctx.organizationId,
        name: input.name,
        basedOn: input.source === "builtin" ? `${BUILTIN_FORCED_LABOUR_ID}@${builtin.version}` : null,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    tx.insert(templateVersions)
      .values({
        id: versionId,
        organizationId: ctx.organizationId,
        templateId,
        version: 1,
        status: "draft",
        content: templateSchema.parse(content),
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "template.created",
      entityType: "questionnaire_template",
      entityId: templateId,
      details: { name: input.name, source: input.source, versionId },
    });
    return { templateId, versionId };
  });
}

function findVersion(tx: DbOrTx, ctx: Ctx, versionId: string) {
  const row = tx
    .select({ version: templateVersions, name: questionnaireTemplates.name })
    .from(templateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .where(and(eq(templateVersions.id, versionId), eq(templateVersions.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Template version not found");
  return row;
}

/** One version for the editor, preview and translation pages, with its sibling versions. */
export function getTemplateVersion(ctx: Ctx, versionId: string) {
  const row = findVersion(db(), ctx, versionId);
  const siblings = db()
    .select({
      id: templateVersions.id,
      version: templateVersions.version,
      status: templateVersions.status,
    })
    .from(templateVersions)
    .where(
      and(
        eq(templateVersions.templateId, row.version.templateId),
        eq(templateVersions.organizationId, ctx.organizationId),
      ),
    )
    .orderBy(desc(templateVersions.version))
    .all();
  return {
    id: row.version.id,
    templateId: row.version.templateId,
    name: row.name,
    version: row.version.version,
    status: row.version.status,
    publishedAt: row.version.publishedAt ? row.version.publishedAt.toISOString() : null,
    content: parseTemplate(row.version.content),
    versions: siblings,
    draftId: siblings.find((s) => s.status === "draft")?.id ?? null,
  };
}

/** Questions in display order (sections in order, questions in order within each), so "earlier" is what
 * the supplier sees first: conditions are validated against this order. */
function normalizeOrder(t: Template): Template {
  const rank = new Map(t.sections.map((s, i) => [s.id, i]));
  const questions = t.questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (rank.get(a.q.section) ?? 0) - (rank.get(b.q.section) ?? 0) || a.i - b.i)
    .map((x) => x.q);
  return { ...t, questions };
}

export type DraftEdit =
  | { op: "meta"; title: string; intro: string; attestation: string }
  | { op: "add-section"; title: string }
  | { op: "update-section"; sectionId: string; title: string; description: string }
  | { op: "delete-section"; sectionId: string }
  | { op: "move-section"; sectionId: string; direction: "up" | "down" }
  | { op: "add-question"; sectionId: string; type: QuestionType }
  | { op: "save-question"; questionId: string; form: QuestionFormData }
  | { op: "delete-question"; questionId: string }
  | { op: "move-question"; questionId: string; direction: "up" | "down" }
  | { op: "translations"; lang: string; strings: Record<string, string> };

const PUBLISHED_IS_FROZEN =
  "This version is published and can no longer change. Start a new draft to make changes.";

function applyEdit(t: Template, edit: DraftEdit): { next: Template; focus?: string } {
  const sectionIndex = (id: string) => {
    const i = t.sections.findIndex((s) => s.id === id);
    if (i < 0) throw new NotFoundError("Section not found");
    return i;
  };
  const questionIndex = (id: string) => {
    const i = t.questions.findIndex((q) => q.id === id);
    if (i < 0) throw new NotFoundError("Question not found");
    return i;
  };
  switch (edit.op) {
    case "meta":
      return {
        next: { ...t, title: edit.title, intro: edit.intro, declaration: { attestation: edit.attestation } },
      };
    case "add-section": {
      const id = nextSectionId(t);
      return {
        next: { ...t, sections: [...t.sections, { id, title: edit.title, description: "" }] },
        focus: id,
      };
    }
    case "update-section": {
      const i = sectionIndex(edit.sectionId);
      const sections = [...t.sections];
      sections[i] = { ...sections[i], title: edit.title, description: edit.description };
      return { next: { ...t, sections } };
    }
    case "delete-section": {
      sectionIndex(edit.sectionId);
      if (t.questions.some((q) => q.section === edit.sectionId))
        throw new ValidationError({ section: "Delete or move this section's questions first." });
      if (t.sections.length === 1)
        throw new ValidationError({ section: "A template needs at least one section." });
      return { next: { ...t, sections: t.sections.filter((s) => s.id !== edit.sectionId) } };
    }
    case "move-section":
      return { next: { ...t, sections: moveItem(t.sections, sectionIndex(edit.sectionId), edit.direction) } };
    case "add-question": {
      sectionIndex(edit.sectionId);
      const id = nextQuestionId(t);
      const q: Question = {
        id,
        section: edit.sectionId,
        type: edit.type,
        text: "New question",
        help: "",
        required: true,
        iloIndicators: [],
        rule: {},
        ...(CHOICE_TYPES.includes(edit.type)
          ? {
              options: [
                { value: "option-1", label: "Option 1" },
                { value: "option-2", label: "Option 2" },
              ],
            }
          : {}),
      };
      // Inserted after the section's last question so it lands where the admin clicked.
      const lastOfSection = t.questions.map((x) => x.section).lastIndexOf(edit.sectionId);
      const questions = [...t.questions];
      questions.splice(lastOfSection < 0 ? questions.length : lastOfSection + 1, 0, q);
      return { next: { ...t, questions }, focus: id };
    }
    case "save-question": {
      const i = questionIndex(edit.questionId);
      const current = t.questions[i];
      const ordered = normalizeOrder(t).questions;
      const earlier = ordered.slice(
        0,
        ordered.findIndex((q) => q.id === current.id),
      );
      const result = questionFromForm(current.id, current.section, edit.form, earlier);
      if (!result.ok) throw new ValidationError(result.fieldErrors);
      const questions = [...t.questions];
      questions[i] = result.question;
      return { next: { ...t, questions }, focus: current.id };
    }
    case "delete-question": {
      questionIndex(edit.questionId);
      const dependants = t.questions.filter((q) => q.visibleWhen?.questionId === edit.questionId);
      if (dependants.length > 0)
        throw new ValidationError({
          question: `Questions ${dependants.map((d) => d.id).join(", ")} depend on this one: change their condition first.`,
        });
      const translations = t.translations
        ? Object.fromEntries(
            Object.entries(t.translations).map(([lang, tr]) => {
              const qs = { ...(tr.questions ?? {}) };
              delete qs[edit.questionId];
              return [lang, { ...tr, questions: qs }];
            }),
          )
        : undefined;
      return {
        next: {
          ...t,
          questions: t.questions.filter((q) => q.id !== edit.questionId),
          ...(translations ? { translations } : {}),
        },
      };
    }
    case "move-question": {
      const i = questionIndex(edit.questionId);
      const section = t.questions[i].section;
      const sameSection = t.questions.map((q, idx) => ({ q, idx })).filter((x) => x.q.section === section);
      const pos = sameSection.findIndex((x) => x.idx === i);
      const to = edit.direction === "up" ? pos - 1 : pos + 1;
      if (to < 0 || to >= sameSection.length) return { next: t, focus: edit.questionId };
      const questions = [...t.questions];
      const j = sameSection[to].idx;
      [questions[i], questions[j]] = [questions[j], questions[i]];
      return { next: { ...t, questions }, focus: edit.questionId };
    }
    case "translations": {
      if (edit.lang === templateLanguage(t)) throw new ValidationError({ lang: "Choose another language." });
      const tr: TemplateTranslation = structuredClone(t.translations?.[edit.lang] ?? {});
      const set = (key: string, value: string) => setTranslation(tr, key, value);
      const known = new Set(translatableStrings(t).map((s) => s.key));
      for (const [key, value] of Object.entries(edit.strings)) if (known.has(key)) set(key, value.trim());
      return { next: { ...t, translations: { ...(t.translations ?? {}), [edit.lang]: tr } } };
    }
  }
}

function setTranslation(tr: TemplateTranslation, key: string, value: string): void {
  const parts = key.split(".");
  const v = value === "" ? undefined : value;
  if (key === "title" || key === "intro" || key === "attestation") {
    tr[key] = v;
    return;
  }
  if (parts[0] === "section") {
    const id = parts.slice(1, -1).join(".");
    const field = parts[parts.length - 1] as "title" | "description";
    tr.sections = { ...(tr.sections ?? {}), [id]: { ...(tr.sections?.[id] ?? {}), [field]: v } };
    return;
  }
  const qid = parts[1];
  const qt = { ...(tr.questions?.[qid] ?? {}) };
  if (parts[2] === "option") qt.options = { ...(qt.options ?? {}), [parts.slice(3).join(".")]: v ?? "" };
  else if (parts[2] === "evidence") qt.evidenceRequest = v;
  else qt[parts[2] as "text" | "help" | "unit"] = v;
  if (qt.options) qt.options = Object.fromEntries(Object.entries(qt.options).filter(([, s]) => s !== ""));
  tr.questions = { ...(tr.questions ?? {}), [qid]: qt };
}

/**
 * A translation of a string whose English changed no longer says the same thing: drop it in every language so
 * the editor flags it as missing (and suppliers see the new English) instead of showing an outdated text.
 */
function dropStaleTranslations(before: Template, after: Template): Template {
  if (!after.translations) return after;
  const old = new Map(translatableStrings(before).map((s) => [s.key, s.source]));
  const stale = translatableStrings(after).filter((s) => old.has(s.key) && old.get(s.key) !== s.source);
  if (stale.length === 0) return after;
  const translations = structuredClone(after.translations);
  for (const tr of Object.values(translations)) for (const s of stale) setTranslation(tr, s.key, "");
  return { ...after, translations };
}

function zodToFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/**
 * Change a DRAFT version (one editor action). Published versions never change: a ConflictError says so, and the
 * UPDATE itself is guarded by status (plus a database trigger) so a publish racing an edit cannot slip through.
 * Returns the id of the section or question the change concerns, for the page to scroll to.
 */
export function editDraft(ctx: Ctx, versionId: string, edit: DraftEdit): { focus?: string } {
  return writeTx((tx) => {
    const row = findVersion(tx, ctx, versionId);
    if (row.version.status !== "draft") throw new ConflictError(PUBLISHED_IS_FROZEN);
    const current = parseTemplate(row.version.content);
    const { next, focus } = applyEdit(current, edit);
    const parsed = templateSchema.safeParse(normalizeOrder(dropStaleTranslations(current, next)));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ValidationError(
        zodToFieldErrors(parsed.error),
        first?.message ?? "The template is not valid.",
      );
    }
    const changed = tx
      .update(templateVersions)
      .set({ content: parsed.data, updatedAt: nowOf(ctx) })
      .where(
        and(
          eq(templateVersions.id, versionId),
          eq(templateVersions.organizationId, ctx.organizationId),
          eq(templateVersions.status, "draft"),
        ),
      )
      .run().changes;
    if (changed !== 1) throw new ConflictError(PUBLISHED_IS_FROZEN);
    const target =
      "questionId" in edit
        ? edit.questionId
        : "sectionId" in edit
          ? edit.sectionId
          : "lang" in edit
            ? edit.lang
            : null;
    recordAudit(tx, ctx, {
      action: "template.draft_edited",
      entityType: "template_version",
      entityId: versionId,
      details: {
        op: edit.op,
        ...(target ? { target } : {}),
        ...(focus && focus !== target ? { created: focus } : {}),
      },
    });
    return { focus };
  });
}

/** Publish a draft: from now on its content is frozen and it can be sent. */
export function publishVersion(ctx: Ctx, versionId: string): void {
  writeTx((tx) => {
    const row = findVersion(tx, ctx, versionId);
    if (row.version.status !== "draft") throw new ConflictError("This version is already published.");
    // Re-validate: a draft saved under an older model must still be a valid template to be sent.
    const content = parseTemplate(row.version.content);
    const now = nowOf(ctx);
    tx.update(templateVersions)
      .set({
        status: "published",
        content: { ...content, version: String(row.version.version) },
        publishedAt: now,
        publishedByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        updatedAt: now,
      })
      .where(and(eq(templateVersions.id, versionId), eq(templateVersions.status, "draft")))
      .run();
    recordAudit(tx, ctx, {
      action: "template.published",
      entityType: "template_version",
      entityId: versionId,
      details: {
        templateId: row.version.templateId,
        version: row.version.version,
        questions: content.questions.length,
      },
    });
  });
}

/**
 * Start the next draft from a published version (the way to "edit" a published template). If the template
 * already has a draft, that draft is returned instead of creating a second one.
 */
export function startNewDraft(ctx: Ctx, fromVersionId: string): { versionId: string } {
  return writeTx((tx) => {
    const row = findVersion(tx, ctx, fromVersionId);
    const existing = tx
      .select({ id: templateVersions.id, version: templateVersions.version, status: templateVersions.status })
      .from(templateVersions)
      .where(
        and(
          eq(templateVersions.templateId, row.version.templateId),
          eq(templateVersions.organizationId, ctx.organizationId),
        ),
      )
      .all();
    const draft = existing.find((v) => v.status === "draft");
    if (draft) return { versionId: draft.id };
    const version = Math.max(...existing.map((v) => v.version)) + 1;
    const content = parseTemplate(row.version.content);
    const versionId = randomUUID();
    const now = nowOf(ctx);
    tx.insert(templateVersions)
      .values({
        id: versionId,
        organizationId: ctx.organizationId,
        templateId: row.version.templateId,
        version,
        status: "draft",
        content: { ...content, version: String(version) },
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "template.draft_started",
      entityType: "template_version",
      entityId: versionId,
      details: { templateId: row.version.templateId, version, from: fromVersionId },
    });
    return { versionId };
  });
}
