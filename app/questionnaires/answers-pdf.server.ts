import { and, asc, eq } from "drizzle-orm";
import { formatDate } from "~/i18n/dates";
import { nativeLanguageName } from "~/i18n/languages";
import { pdfT } from "~/i18n/pdf.server";
import { portalT } from "~/i18n/portal";
import { nowOf } from "~/infra/context";
import { db } from "~/infra/db.server";
import { PdfDocumentBuilder } from "~/infra/pdf/document.server";
import { evidenceFiles, organizations, suppliers } from "~db/schema";
import { loadAssignment } from "./assignments.server";
import { formatAnswer, localizeTemplate, visibleQuestionIds } from "./model";
import type { PortalAccess } from "./portal-access.server";

/**
 * The supplier's copy of their answers as a PDF, in the language they chose: headings, questions, choice
 * labels and the declaration in that language; free text as written. Generated on request and not stored.
 * Fonts cover Latin (incl. Vietnamese and Turkish) and Chinese (see app/infra/pdf/fonts.server.ts).
 */
export async function answersPdf(access: PortalAccess): Promise<{ bytes: Uint8Array; fileName: string }> {
  const tx = db();
  const {
    row,
    template: snapshot,
    values,
  } = loadAssignment(tx, access.ctx.organizationId, access.assignmentId);
  const lang = access.language;
  const t = pdfT(lang);
  const tp = portalT(lang);
  const template = localizeTemplate(snapshot, lang);
  const now = nowOf(access.ctx);
  const org = tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId))
    .get();
  const supplier = tx
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, row.supplierId))
    .get();
  const files = tx
    .select({ questionId: evidenceFiles.questionId, fileName: evidenceFiles.fileName })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, row.organizationId), eq(evidenceFiles.assignmentId, row.id)))
    .orderBy(asc(evidenceFiles.createdAt))
    .all();
  const visible = visibleQuestionIds(template, values);

  const pdf = await PdfDocumentBuilder.create({
    title: template.title,
    now,
    footerText: t("pdf.footer", { title: template.title, date: formatDate(now, lang) }),
  });
  pdf.heading(template.title, 1);
  pdf.paragraph(t("pdf.title"), { size: 11, spaceAfter: 4 });
  pdf.paragraph(t("pdf.answeredFor", { org: org?.name ?? "", supplier: supplier?.name ?? "" }), {
    spaceAfter: 10,
  });
  pdf.keyValueTable([
    { label: t("pdf.language"), value: nativeLanguageName(lang) },
    {
      label: t("pdf.submittedOn"),
      value: row.submittedAt ? formatDate(row.submittedAt, lang) : t("pdf.notSubmitted"),
    },
  ]);

  for (const section of template.sections) {
    const questions = template.questions.filter((q) => q.section === section.id && visible.has(q.id));
    if (questions.length === 0) continue;
    pdf.heading(section.title, 2);
    for (const q of questions) {
      pdf.paragraph(`${q.id}. ${q.text}`, { face: "bold", size: 10, spaceAfter: 2 });
      const attached = files.filter((f) => f.questionId === q.id).map((f) => f.fileName);
      const answer =
        q.type === "file"
          ? attached.length
            ? attached.join(", ")
            : formatAnswer(q, null, lang)
          : formatAnswer(q, values[q.id] ?? null, lang);
      pdf.paragraph(answer, { indent: 12, spaceAfter: attached.length && q.type !== "file" ? 2 : 8 });
      if (attached.length && q.type !== "file")
        pdf.paragraph(`${t("pdf.files")}: ${attached.join(", ")}`, { indent: 12, size: 9, spaceAfter: 8 });
    }
  }

  pdf.heading(tp("decl.title"), 2);
  pdf.paragraph(template.declaration.attestation, { spaceAfter: 10 });
  pdf.signatureFields([
    { label: tp("decl.name"), value: row.declarationName ?? "" },
    { label: tp("decl.jobTitle"), value: row.declarationTitle ?? "" },
    { label: tp("decl.date"), value: row.submittedAt ? formatDate(row.submittedAt, lang) : "" },
  ]);
  const bytes = await pdf.finish();
  const safe =
    (supplier?.name ?? "answers")
      .replace(/[^A-Za-z0-9 _-]+/g, "")
      .trim()
      .replace(/\s+/g, "-") || "answers";
  return { bytes, fileName: `${safe}-questionnaire-${row.id.slice(0, 8)}.pdf` };
}
