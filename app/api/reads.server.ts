import { z } from "zod";
import { getAudit, listAudits } from "~/audits/audits.server";
import { grievanceCaseCounts } from "~/grievances/counts.server";
import { downloadResponse } from "~/infra/storage.server";
import { listAssignmentsPage } from "~/questionnaires/assignments.server";
import { listActionBoard, BOARD_STATES } from "~/remediation/board.server";
import { supplierRiskView } from "~/risk/view.server";
import { listStatements, statementDocumentFile } from "~/statements/statements.server";
import { FINDING_GRADES, FINDING_STATUSES } from "~db/schema/audits.constants";
import { GRIEVANCE_STATES } from "~db/schema/grievances.constants";
import { ASSIGNMENT_STATUSES } from "~db/schema/questionnaires.constants";
import { ACTION_STATES } from "~db/schema/remediation.constants";
import { REGIMES, STATEMENT_STATUSES } from "~db/schema/statements.constants";
import { RISK_COVERAGE, RISK_LEVELS } from "~db/schema/suppliers.constants";
import { defineOperation, ok } from "./operation";
import { problemResponses } from "./responses";
import { supplierIdParams } from "./suppliers.server";

/**
 * The read operations beside suppliers: each calls the read its page uses (the supplier page's risk
 * panel, the questionnaires list, the audits pages, the actions board, the statements list, the
 * grievance counts) and maps it to a documented shape.
 */

const isoDateTime = z.string().meta({ format: "date-time" });
const isoDate = z.string().meta({ format: "date" });
const idParam = (name: string) =>
  z.strictObject({ [name]: z.string().min(1).max(64) }) as z.ZodObject<Record<string, z.ZodString>>;

// ---- Risk -------------------------------------------------------------------------------------------

const factorLine = z.strictObject({
  part: z.string().meta({ description: "Which part of the model (country, goods, coverage, findings …)" }),
  factor: z.string(),
  points: z.number(),
  source: z.string(),
  edition: z.string().nullable(),
  provisional: z.boolean().meta({ description: "From answers not yet reviewed" }),
});

export const riskSchema = z
  .strictObject({
    supplierId: z.string(),
    score: z.number().nullable().meta({ description: "Residual score 0–100; null before the first score" }),
    level: z.enum(RISK_LEVELS).nullable(),
    shownLevel: z
      .enum(RISK_LEVELS)
      .nullable()
      .meta({ description: "The level lists show (an override in force wins)" }),
    overridden: z.boolean(),
    inherent: z.number().nullable(),
    residual: z.number().nullable(),
    coverage: z.enum(RISK_COVERAGE).nullable(),
    exposure: z.strictObject({ score: z.number(), text: z.string() }).nullable(),
    assessment: z
      .strictObject({
        id: z.string(),
        modelVersion: z.string(),
        computedAt: isoDateTime,
        trigger: z.string(),
        changeNote: z.string().nullable(),
        inherentLines: z.array(factorLine),
        residualLines: z.array(factorLine),
      })
      .nullable(),
    history: z.array(
      z.strictObject({
        computedAt: isoDateTime,
        score: z.number(),
        level: z.enum(RISK_LEVELS),
        trigger: z.string(),
      }),
    ),
  })
  .meta({ id: "SupplierRisk" });

const line = (l: {
  part: string;
  factor: string;
  points: number;
  source: string;
  edition?: string;
  provisional?: boolean;
}) => ({
  part: l.part,
  factor: l.factor,
  points: l.points,
  source: l.source,
  edition: l.edition ?? null,
  provisional: !!l.provisional,
});

const getRiskOp = defineOperation({
  id: "getSupplierRisk",
  method: "get",
  path: "/suppliers/{supplierId}/risk",
  tag: "Risk",
  summary: "A supplier's risk score with its factor lines",
  description:
    "The current assessment line by line (factor, points, source and edition), as the supplier page explains it, and the recent history. Unknown is null, never 0.",
  scope: "risk:read",
  params: supplierIdParams,
  responses: { 200: { description: "The supplier's risk", schema: riskSchema }, ...problemResponses(404) },
  handler: ({ ctx, params }) => {
    const v = supplierRiskView(ctx, params.supplierId);
    return ok({
      supplierId: params.supplierId,
      score: v.score,
      level: v.level,
      shownLevel: v.shown.level,
      overridden: v.shown.overridden,
      inherent: v.inherent,
      residual: v.residual,
      coverage: v.coverage,
      exposure: v.exposure ? { score: v.exposure.score, text: v.exposure.text } : null,
      assessment: v.current
        ? {
            id: v.current.id,
            modelVersion: v.current.modelVersion,
            computedAt: v.current.computedAt,
            trigger: v.current.trigger,
            changeNote: v.current.changeNote,
            inherentLines: v.current.inherentLines.map(line),
            residualLines: v.current.residualLines.map(line),
          }
        : null,
      history: v.recent.map((r) => ({
        computedAt: r.computedAt,
        score: r.score,
        level: r.level,
        trigger: r.trigger,
      })),
    });
  },
});

// ---- Questionnaires ---------------------------------------------------------------------------------

const assignmentSchema = z.strictObject({
  id: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  supplierId: z.string(),
  supplierName: z.string(),
  recipientName: z.string().nullable(),
  recipientEmail: z.string(),
  templateVersion: z.string(),
  dueDate: isoDate.nullable(),
  sentAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
});

const listAssignmentsOp = defineOperation({
  id: "listQuestionnaireAssignments",
  method: "get",
  path: "/questionnaires/assignments",
  tag: "Questionnaires",
  summary: "Questionnaires sent to suppliers, with their status",
  description:
    "The organisation's assignments, newest sent first (the Questionnaires page), optionally of one supplier or in one status, in pages of `limit` (default 100, at most 500): pass `nextCursor` as `cursor` for the next page.",
  scope: "questionnaires:read",
  query: z.strictObject({
    supplierId: z.string().min(1).max(64).optional(),
    status: z.enum(ASSIGNMENT_STATUSES).optional(),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  }),
  responses: {
    200: {
      description: "One page of assignments",
      schema: z
        .strictObject({ data: z.array(assignmentSchema), nextCursor: z.string().nullable() })
        .meta({ id: "AssignmentList" }),
    },
    ...problemResponses(400),
  },
  handler: ({ ctx, query }) => {
    const page = listAssignmentsPage(ctx, { ...query, after: query.cursor });
    return ok({ data: page.rows, nextCursor: page.next });
  },
});

// ---- Audits and findings ----------------------------------------------------------------------------

const auditItem = z.strictObject({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  scheme: z.string(),
  auditDate: isoDate,
  siteName: z.string().nullable(),
  findingsByGrade: z.record(z.enum(FINDING_GRADES), z.number().int()),
  openFindings: z.number().int(),
  totalFindings: z.number().int(),
});

const listAuditsOp = defineOperation({
  id: "listAudits",
  method: "get",
  path: "/audits",
  tag: "Audits",
  summary: "Audits with finding counts by grade",
  scope: "audits:read",
  query: z.strictObject({ supplierId: z.string().min(1).max(64).optional() }),
  responses: {
    200: {
      description: "The audits, newest first",
      schema: z.strictObject({ data: z.array(auditItem) }).meta({ id: "AuditList" }),
    },
    ...problemResponses(400),
  },
  handler: ({ ctx, query }) =>
    ok({
      data: listAudits(ctx, { supplierId: query.supplierId }).map((a) => ({
        id: a.id,
        supplierId: a.supplierId,
        supplierName: a.supplierName,
        scheme: a.scheme,
        auditDate: a.auditDate,
        siteName: a.siteName,
        findingsByGrade: a.findingsByGrade,
        openFindings: a.openFindings,
        totalFindings: a.totalFindings,
      })),
    }),
});

const findingSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  grade: z.enum(FINDING_GRADES),
  schemeGrade: z.string().nullable().meta({ description: "The grade in the scheme's own words" }),
  clause: z.string().nullable(),
  iloIndicator: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  correctiveActionId: z.string().nullable(),
});

const auditSchema = z
  .strictObject({
    id: z.string(),
    supplierId: z.string(),
    supplierName: z.string(),
    scheme: z.string(),
    auditDate: isoDate,
    siteName: z.string().nullable(),
    summary: z.string().nullable(),
    findings: z.array(findingSchema).meta({ description: "Open before closed, gravest first" }),
  })
  .meta({ id: "Audit" });

const getAuditOp = defineOperation({
  id: "getAudit",
  method: "get",
  path: "/audits/{auditId}",
  tag: "Audits",
  summary: "An audit with its findings",
  scope: "audits:read",
  params: idParam("auditId"),
  responses: { 200: { description: "The audit", schema: auditSchema }, ...problemResponses(404) },
  handler: ({ ctx, params }) => {
    const { audit, findings } = getAudit(ctx, params.auditId);
    return ok({
      id: audit.id,
      supplierId: audit.supplierId,
      supplierName: audit.supplierName,
      scheme: audit.scheme,
      auditDate: audit.auditDate,
      siteName: audit.siteName,
      summary: audit.summary,
      findings: findings.map((f) => ({
        id: f.id,
        title: f.title,
        description: f.description,
        grade: f.grade,
        schemeGrade: f.schemeGrade,
        clause: f.clause,
        iloIndicator: f.iloIndicator,
        status: f.status,
        correctiveActionId: f.action?.id ?? null,
      })),
    });
  },
});

// ---- Corrective actions -----------------------------------------------------------------------------

const actionSchema = z.strictObject({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  sourceType: z.string().meta({ description: "finding, answer (a red-flag answer) or grievance" }),
  title: z.string(),
  clause: z.string().nullable(),
  iloIndicator: z.string().nullable(),
  grade: z.enum(FINDING_GRADES),
  state: z.enum(ACTION_STATES),
  planDueDate: isoDate.nullable(),
  dueDate: isoDate,
  overdue: z.boolean(),
  createdAt: isoDateTime,
});

const listActionsOp = defineOperation({
  id: "listCorrectiveActions",
  method: "get",
  path: "/corrective-actions",
  tag: "Corrective actions",
  summary: "Corrective actions with the board's filters",
  description: "The actions board, by due date, in pages of 50 by cursor; `state` defaults to unresolved.",
  scope: "remediation:read",
  query: z.strictObject({
    state: z.enum(BOARD_STATES).optional(),
    grade: z.enum(FINDING_GRADES).optional(),
    supplierId: z.string().min(1).max(64).optional(),
    auditId: z.string().min(1).max(64).optional(),
    overdue: z.literal("1").optional(),
    cursor: z.string().max(300).optional(),
  }),
  responses: {
    200: {
      description: "One page of actions",
      schema: z
        .strictObject({
          data: z.array(actionSchema),
          total: z.number().int(),
          nextCursor: z.string().nullable(),
        })
        .meta({ id: "CorrectiveActionPage" }),
    },
    ...problemResponses(400),
  },
  handler: ({ ctx, query }) => {
    const { cursor, ...filters } = query;
    const page = listActionBoard(ctx, { ...filters, after: cursor });
    return ok({
      data: page.rows.map((t) => ({
        id: t.id,
        supplierId: t.supplierId,
        supplierName: t.supplierName,
        sourceType: t.sourceType,
        title: t.title,
        clause: t.clause,
        iloIndicator: t.iloIndicator,
        grade: t.grade,
        state: t.state,
        planDueDate: t.planDueDate,
        dueDate: t.dueDate,
        overdue: t.overdue,
        createdAt: t.createdAt,
      })),
      total: page.total,
      nextCursor: page.next,
    });
  },
});

// ---- Statements -------------------------------------------------------------------------------------

const statementSchema = z.strictObject({
  id: z.string(),
  regime: z.enum(REGIMES),
  regimeName: z.string(),
  title: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  financialYear: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  version: z.number().int(),
  approvalDate: isoDate.nullable(),
  signedOn: isoDate.nullable(),
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  documents: z.array(
    z.strictObject({
      id: z.string(),
      generatedAt: isoDateTime,
      sha256: z.string(),
      sizeBytes: z.number().int(),
      pageCount: z.number().int().nullable(),
      draft: z.boolean().meta({ description: "Produced before approval (watermarked)" }),
      fileName: z.string(),
      href: z.string().meta({ description: "The PDF, under /api/v1" }),
    }),
  ),
});

const listStatementsOp = defineOperation({
  id: "listStatements",
  method: "get",
  path: "/statements",
  tag: "Statements",
  summary: "Statements with their PDFs",
  scope: "statements:read",
  responses: {
    200: {
      description: "The statements",
      schema: z.strictObject({ data: z.array(statementSchema) }).meta({ id: "StatementList" }),
    },
    ...problemResponses(),
  },
  handler: ({ ctx }) =>
    ok({
      data: listStatements(ctx).map((s) => ({
        id: s.id,
        regime: s.regime,
        regimeName: s.regimeName,
        title: s.title,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        financialYear: s.financialYear,
        status: s.status,
        version: s.version,
        approvalDate: s.approvalDate,
        signedOn: s.signedOn,
        publishedAt: s.publishedAt,
        updatedAt: s.updatedAt,
        documents: s.documents.map((d) => ({
          id: d.id,
          generatedAt: d.generatedAt,
          sha256: d.sha256,
          sizeBytes: d.sizeBytes,
          pageCount: d.pageCount,
          draft: d.draft,
          fileName: d.fileName,
          href: `/api/v1/statements/${s.id}/documents/${d.id}/pdf`,
        })),
      })),
    }),
});

const statementPdfOp = defineOperation({
  id: "downloadStatementPdf",
  method: "get",
  path: "/statements/{statementId}/documents/{documentId}/pdf",
  tag: "Statements",
  summary: "Download a statement PDF",
  scope: "statements:read",
  params: z.strictObject({ statementId: z.string().min(1).max(64), documentId: z.string().min(1).max(64) }),
  responses: {
    200: {
      description: "The PDF (attachment)",
      schema: z.string().meta({ format: "binary" }),
      contentType: "application/pdf",
    },
    ...problemResponses(404),
  },
  handler: async ({ ctx, params }) =>
    downloadResponse(statementDocumentFile(ctx, params.statementId, params.documentId)),
});

// ---- Grievances -------------------------------------------------------------------------------------

const grievanceCountsOp = defineOperation({
  id: "getGrievanceCounts",
  method: "get",
  path: "/grievances/counts",
  tag: "Grievances",
  summary: "Grievance case counts (numbers only)",
  description:
    "How many worker-channel cases there are, by state. Never a case, its text, its supplier or anything of the reporter.",
  scope: "grievances:counts",
  responses: {
    200: {
      description: "The counts",
      schema: z
        .strictObject({
          total: z.number().int(),
          byState: z.record(z.enum(GRIEVANCE_STATES), z.number().int()),
          receivedLast365Days: z.number().int(),
        })
        .meta({ id: "GrievanceCounts" }),
    },
    ...problemResponses(),
  },
  handler: ({ ctx }) => ok(grievanceCaseCounts(ctx)),
});

export const READ_OPERATIONS = [
  getRiskOp,
  listAssignmentsOp,
  listAuditsOp,
  getAuditOp,
  listActionsOp,
  listStatementsOp,
  statementPdfOp,
  grievanceCountsOp,
];
