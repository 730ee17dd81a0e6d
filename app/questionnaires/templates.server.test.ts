import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { auditLog, templateVersions } from "~db/schema";
import { createOrg } from "../../test/factories";
import { BUILTIN_FORCED_LABOUR_ID, BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import { localizeTemplate, questionCounts, questionCountText, type Template } from "./model";
import { questionFormSchema, questionToForm } from "./template-editor";
import {
  createTemplate,
  editDraft,
  getTemplateVersion,
  listSendableTemplates,
  listTemplates,
  loadSendableTemplate,
  publishVersion,
  startNewDraft,
} from "./templates.server";

const form = (over: Record<string, unknown>) => questionFormSchema.parse({ iloIndicators: [], ...over });

function auditActions(orgId: string, entityId: string) {
  return db()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.entityId, entityId)))
    .all()
    .map((r) => r.action);
}

describe("sendable templates", () => {
  it("lists the built-in SAQ and only published versions of the org's own templates", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const builtinOnly = listSendableTemplates(ctx);
    expect(builtinOnly).toHaveLength(1);
    expect(builtinOnly[0]).toMatchObject({ id: BUILTIN_FORCED_LABOUR_ID, version: "2" });
    expect(builtinOnly[0].questionCount).toBeGreaterThanOrEqual(40);
    // The one count the portal and the emails give: questions everyone sees; follow-ups apart.
    const counts = questionCounts(BUILTIN_FORCED_LABOUR_LATEST);
    expect(builtinOnly[0]).toMatchObject({
      questionCount: counts.always,
      conditionalCount: counts.conditional,
    });
    expect(questionCountText(builtinOnly[0])).toBe(
      `${counts.always} questions (+${counts.conditional} follow-ups some answers add)`,
    );
    expect(loadSendableTemplate(ctx, BUILTIN_FORCED_LABOUR_ID)).toBe(BUILTIN_FORCED_LABOUR_LATEST);

    const { versionId } = createTemplate(ctx, { source: "builtin", name: "Our SAQ" });
    expect(listSendableTemplates(ctx)).toHaveLength(1); // a draft is not sendable
    expect(() => loadSendableTemplate(ctx, versionId)).toThrow(NotFoundError);

    publishVersion(ctx, versionId);
    const list = listSendableTemplates(ctx);
    expect(list.map((t) => t.id)).toEqual([BUILTIN_FORCED_LABOUR_ID, versionId]);
    expect(list[1]).toMatchObject({ title: "Our SAQ", version: 1 });
    expect(list[1].languages).toEqual(BUILTIN_FORCED_LABOUR_LATEST.translations ? expect.any(Array) : ["en"]);
    const loaded = loadSendableTemplate(ctx, versionId);
    expect(loaded.questions.length).toBe(BUILTIN_FORCED_LABOUR_LATEST.questions.length);

    const other = await createOrg();
    expect(() => loadSendableTemplate(other.members.admin.ctx, versionId)).toThrow(NotFoundError);
    expect(listSendableTemplates(other.members.admin.ctx)).toHaveLength(1);
  });
});

describe("editing drafts", () => {
  it("edits, reorders, adds a conditional question, translates, then publishes an immutable version", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const { versionId, templateId } = createTemplate(ctx, { source: "blank", name: "Short check" });
    expect(auditActions(org.id, templateId)).toEqual(["template.created"]);

    // Edit the first question and add a conditional follow-up.
    editDraft(ctx, versionId, {
      op: "save-question",
      questionId: "Q1",
      form: form({ type: "yes_no", text: "Do you use labour agencies?", required: "on", pointsYes: "2" }),
    });
    const { focus } = editDraft(ctx, versionId, { op: "add-question", sectionId: "s1", type: "percentage" });
    expect(focus).toBe("Q2");
    editDraft(ctx, versionId, {
      op: "save-question",
      questionId: "Q2",
      form: form({
        type: "percentage",
        text: "What share of workers come through agencies?",
        required: "on",
        iloIndicators: ["1", "9"],
        thresholds: "10 = 3\n30 = 6",
        visibleWhenQuestion: "Q1",
        visibleWhenValues: "yes",
      }),
    });
    let t = getTemplateVersion(ctx, versionId).content;
    expect(t.questions.map((q) => q.id)).toEqual(["Q1", "Q2"]);
    expect(t.questions[1]).toMatchObject({
      visibleWhen: { questionId: "Q1", equals: "yes" },
      iloIndicators: [1, 9],
      rule: {
        thresholds: [
          { above: 10, points: 3 },
          { above: 30, points: 6 },
        ],
      },
    });

    // Moving the dependent question above its source is refused with a message.
    expect(() =>
      editDraft(ctx, versionId, { op: "move-question", questionId: "Q2", direction: "up" }),
    ).toThrow(ValidationError);
    // Deleting a question others depend on is refused.
    expect(() => editDraft(ctx, versionId, { op: "delete-question", questionId: "Q1" })).toThrow(
      ValidationError,
    );
    // Field errors for a bad form.
    try {
      editDraft(ctx, versionId, {
        op: "save-question",
        questionId: "Q2",
        form: form({
          type: "percentage",
          text: "X",
          thresholds: "lots",
          visibleWhenQuestion: "Q1",
          visibleWhenValues: "maybe",
        }),
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fieldErrors).sort()).toEqual([
        "thresholds",
        "visibleWhenValues",
      ]);
    }

    // Sections: add, move, rename, delete (only when empty).
    editDraft(ctx, versionId, { op: "add-section", title: "Wages" });
    editDraft(ctx, versionId, { op: "move-section", sectionId: "s2", direction: "up" });
    t = getTemplateVersion(ctx, versionId).content;
    expect(t.sections.map((s) => s.id)).toEqual(["s2", "s1"]);
    expect(() => editDraft(ctx, versionId, { op: "delete-section", sectionId: "s1" })).toThrow(
      ValidationError,
    );
    editDraft(ctx, versionId, { op: "delete-section", sectionId: "s2" });

    // Translations.
    editDraft(ctx, versionId, {
      op: "translations",
      lang: "es",
      strings: { "question.Q1.text": "¿Usa agencias de empleo?", "section.s1.title": "General", bogus: "x" },
    });
    t = getTemplateVersion(ctx, versionId).content;
    expect(localizeTemplate(t, "es").questions[0].text).toBe("¿Usa agencias de empleo?");
    expect(t.translations?.es).not.toHaveProperty("bogus");

    publishVersion(ctx, versionId);
    const published = getTemplateVersion(ctx, versionId);
    expect(published.status).toBe("published");
    const frozen = JSON.stringify(published.content);

    // Published content never changes: the verb refuses, and so does the database.
    expect(() => editDraft(ctx, versionId, { op: "add-section", title: "Late" })).toThrow(ConflictError);
    expect(() => publishVersion(ctx, versionId)).toThrow(ConflictError);
    expect(() =>
      db()
        .update(templateVersions)
        .set({ content: { ...published.content, title: "Tampered" } as Template })
        .where(eq(templateVersions.id, versionId))
        .run(),
    ).toThrow(/immutable/);
    expect(JSON.stringify(getTemplateVersion(ctx, versionId).content)).toBe(frozen);

    // Later edits go to a new draft version; starting twice returns the same draft.
    const { versionId: v2 } = startNewDraft(ctx, versionId);
    expect(startNewDraft(ctx, versionId).versionId).toBe(v2);
    editDraft(ctx, v2, { op: "meta", title: "Short check (2025)", intro: "Hello", attestation: "True." });
    expect(getTemplateVersion(ctx, v2)).toMatchObject({ version: 2, status: "draft" });
    expect(JSON.stringify(getTemplateVersion(ctx, versionId).content)).toBe(frozen);
    expect(listTemplates(ctx).templates[0].versions.map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect(auditActions(org.id, versionId)).toContain("template.published");
    expect(auditActions(org.id, v2)).toEqual(["template.draft_started", "template.draft_edited"]);

    // Rewording a question drops its now-outdated translations (flagged missing again); others stay.
    editDraft(ctx, v2, {
      op: "save-question",
      questionId: "Q1",
      form: form({ type: "yes_no", text: "Do you use labour agencies or recruiters?", required: "on" }),
    });
    const reworded = getTemplateVersion(ctx, v2).content;
    expect(reworded.translations?.es?.questions?.Q1?.text).toBeUndefined();
    expect(reworded.translations?.es?.sections?.s1?.title).toBe("General");
    expect(getTemplateVersion(ctx, versionId).content.translations?.es?.questions?.Q1?.text).toBe(
      "¿Usa agencias de empleo?",
    );
  });

  it("round-trips a built-in question through the editor form unchanged", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const { versionId } = createTemplate(ctx, { source: "builtin", name: "Clone" });
    const before = getTemplateVersion(ctx, versionId).content;
    for (const q of before.questions) {
      const values = questionToForm(q) as Record<string, unknown>;
      const raw = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [
          k,
          typeof v === "boolean" ? (v ? "on" : "") : Array.isArray(v) ? v.map(String) : v,
        ]),
      );
      editDraft(ctx, versionId, {
        op: "save-question",
        questionId: q.id,
        form: questionFormSchema.parse(raw),
      });
    }
    // Checkboxes submit indicators in ascending order; nothing else may change.
    const sorted = (t: Template) =>
      t.questions.map((q) => ({ ...q, iloIndicators: [...q.iloIndicators].sort((x, y) => x - y) }));
    expect(sorted(getTemplateVersion(ctx, versionId).content)).toEqual(sorted(before));
  });

  it("treats another organisation's version as missing", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const { versionId } = createTemplate(a.members.admin.ctx, { source: "blank", name: "A" });
    const ctx = b.members.admin.ctx;
    expect(() => getTemplateVersion(ctx, versionId)).toThrow(NotFoundError);
    expect(() => editDraft(ctx, versionId, { op: "add-section", title: "x" })).toThrow(NotFoundError);
    expect(() => publishVersion(ctx, versionId)).toThrow(NotFoundError);
    expect(() => startNewDraft(ctx, versionId)).toThrow(NotFoundError);
    expect(listTemplates(ctx).templates).toEqual([]);
  });
});
