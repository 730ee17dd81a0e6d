import { and, asc, desc, eq } from "drizzle-orm";
import { questionnaireTemplates, templateVersions } from "../../db/schema";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { BUILTIN_FORCED_LABOUR_ID, BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import { parseTemplate, templateLanguages, type Template } from "./model";

export { BUILTIN_FORCED_LABOUR_ID };

/** What a campaign's "which questionnaire" picker shows. `id` is what loadSendableTemplate takes. */
export type SendableTemplate = {
  id: string;
  title: string;
  version: number | string;
  questionCount: number;
  languages: string[];
};

function summary(id: string, t: Template, version: number | string): SendableTemplate {
  return { id, title: t.title, version, questionCount: t.questions.length, languages: templateLanguages(t) };
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
    own.push(summary(r.id, parseTemplate(r.content), r.version));
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
