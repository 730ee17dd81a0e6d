import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { isoDateField, optionalText, parseInput, requiredId } from "~/infra/validation";
import { raiseRemediationTask } from "~/remediation/remediation.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { audits, findings } from "~db/schema/audits";
import { suppliers } from "~db/schema/suppliers";
import {
  AUDIT_SCHEMES,
  countByGrade,
  FINDING_GRADES,
  GRADE_LABELS,
  ILO_INDICATOR_NUMBERS,
  raisesTask,
  type FindingGrade,
} from "./catalogue";

// ---------------------------------------------------------------------------------------------------
// Input schemas (strict: a form that posts a field we do not expect is refused, not silently ignored)
// ---------------------------------------------------------------------------------------------------

export const createAuditSchema = z.strictObject({
  supplierId: requiredId("Choose the audited supplier."),
  scheme: z.enum(AUDIT_SCHEMES, { error: "Choose the audit scheme." }),
  auditDate: isoDateField("Audit date"),
  siteName: optionalText(200, "site"),
  summary: optionalText(5000, "summary"),
});
export type CreateAuditInput = z.input<typeof createAuditSchema>;

export const addFindingSchema = z.strictObject({
  auditId: requiredId("Audit is missing."),
  title: z
    .string({ error: "Describe the finding in a short title." })
    .trim()
    .min(3, { error: "Describe the finding in a short title (at least 3 characters)." })
    .max(200, { error: "Title must be at most 200 characters." }),
  description: optionalText(5000, "description"),
  grade: z.enum(FINDING_GRADES, { error: "Choose a grade." }),
  iloIndicator: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(ILO_INDICATOR_NUMBERS, { error: "Choose an ILO indicator from the list." }).optional(),
  ),
});
export type AddFindingInput = z.input<typeof addFindingSchema>;

export const closeFindingSchema = z.strictObject({
  findingId: requiredId("Finding is missing."),
});

// ---------------------------------------------------------------------------------------------------
// Verbs (one write transaction each, audit-log row inside it)
// ---------------------------------------------------------------------------------------------------

export function createAudit(ctx: Ctx, input: CreateAuditInput) {
  const v = parseInput(createAuditSchema, input);
  return writeTx((tx) => {
    const supplier = tx
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(and(eq(suppliers.id, v.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
      .get();
    if (!supplier) throw new NotFoundError("Supplier not found");
    const audit = tx
      .insert(audits)
      .values({
        organizationId: ctx.organizationId,
        supplierId: supplier.id,
        scheme: v.scheme,
        auditDate: v.auditDate,
        siteName: v.siteName ?? null,
        summary: v.summary ?? null,
        auditorUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: nowOf(ctx),
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "audit.created",
      entityType: "audit",
      entityId: audit.id,
      details: { supplierId: supplier.id, scheme: v.scheme, auditDate: v.auditDate },
    });
    return audit;
  });
}

export function addFinding(ctx: Ctx, input: AddFindingInput) {
  const v = parseInput(addFindingSchema, input);
  return writeTx((tx) => {
    const audit = tx
      .select({ id: audits.id, supplierId: audits.supplierId })
      .from(audits)
      .where(and(eq(audits.id, v.auditId), eq(audits.organizationId, ctx.organizationId)))
      .get();
    if (!audit) throw new NotFoundError("Audit not found");
    const now = nowOf(ctx);
    const finding = tx
      .insert(findings)
      .values({
        organizationId: ctx.organizationId,
        auditId: audit.id,
        supplierId: audit.supplierId,
        title: v.title,
        description: v.description ?? null,
        grade: v.grade,
        iloIndicator: v.iloIndicator ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "finding.added",
      entityType: "finding",
      entityId: finding.id,
      details: { auditId: audit.id, grade: v.grade, iloIndicator: v.iloIndicator ?? null },
    });
    // A grave finding must never wait for someone to remember it: the corrective-action task is opened
    // in the same transaction, so the finding and its task commit (or fail) together.
    const task = raisesTask(v.grade)
      ? raiseRemediationTask(tx, ctx, {
          supplierId: audit.supplierId,
          sourceType: "finding",
          sourceRef: finding.id,
          title: `${GRADE_LABELS[v.grade]} finding: ${v.title}`,
          iloIndicator: v.iloIndicator ?? null,
          severity: v.grade,
        })
      : null;
    const risk = recomputeSupplierRisk(tx, ctx, audit.supplierId, "finding.added");
    return { finding, taskId: task?.id ?? null, risk };
  });
}

/** Idempotent: closing an already-closed finding (a double click) changes nothing and logs nothing. */
export function closeFinding(ctx: Ctx, findingId: string) {
  const v = parseInput(closeFindingSchema, { findingId });
  return writeTx((tx) => {
    const finding = tx
      .select()
      .from(findings)
      .where(and(eq(findings.id, v.findingId), eq(findings.organizationId, ctx.organizationId)))
      .get();
    if (!finding) throw new NotFoundError("Finding not found");
    if (finding.status === "closed") return { finding, changed: false };
    const now = nowOf(ctx);
    const closed = tx
      .update(findings)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(and(eq(findings.id, finding.id), eq(findings.organizationId, ctx.organizationId)))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "finding.closed",
      entityType: "finding",
      entityId: finding.id,
      details: { auditId: finding.auditId, grade: finding.grade },
    });
    recomputeSupplierRisk(tx, ctx, finding.supplierId, "finding.closed");
    return { finding: closed, changed: true };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reads (every query filtered by the tenant)
// ---------------------------------------------------------------------------------------------------

const GRADE_ORDER = new Map<FindingGrade, number>(FINDING_GRADES.map((g, i) => [g, i]));

export type AuditListItem = {
  id: string;
  supplierId: string;
  supplierName: string;
  supplierCountry: string;
  scheme: string;
  auditDate: string;
  siteName: string | null;
  findingsByGrade: Record<FindingGrade, number>;
  openFindings: number;
  totalFindings: number;
};

export function listAudits(ctx: Ctx, opts: { supplierId?: string } = {}): AuditListItem[] {
  const where = opts.supplierId
    ? and(eq(audits.organizationId, ctx.organizationId), eq(audits.supplierId, opts.supplierId))
    : eq(audits.organizationId, ctx.organizationId);
  const rows = db()
    .select({
      id: audits.id,
      supplierId: audits.supplierId,
      supplierName: suppliers.name,
      supplierCountry: suppliers.country,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
      siteName: audits.siteName,
    })
    .from(audits)
    .innerJoin(
      suppliers,
      and(eq(suppliers.id, audits.supplierId), eq(suppliers.organizationId, ctx.organizationId)),
    )
    .where(where)
    .orderBy(desc(audits.auditDate), desc(audits.createdAt))
    .all();
  if (rows.length === 0) return [];
  const counts = db()
    .select({ auditId: findings.auditId, grade: findings.grade, status: findings.status, n: count() })
    .from(findings)
    .where(
      and(
        eq(findings.organizationId, ctx.organizationId),
        inArray(
          findings.auditId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(findings.auditId, findings.grade, findings.status)
    .all();
  return rows.map((r) => {
    const mine = counts.filter((c) => c.auditId === r.id);
    const byGrade = countByGrade([]);
    let open = 0;
    for (const c of mine) {
      byGrade[c.grade] += c.n;
      if (c.status === "open") open += c.n;
    }
    return {
      ...r,
      findingsByGrade: byGrade,
      openFindings: open,
      totalFindings: mine.reduce((s, c) => s + c.n, 0),
    };
  });
}

export function getAudit(ctx: Ctx, auditId: string) {
  const audit = db()
    .select({
      id: audits.id,
      supplierId: audits.supplierId,
      supplierName: suppliers.name,
      supplierCountry: suppliers.country,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
      siteName: audits.siteName,
      summary: audits.summary,
      createdAt: audits.createdAt,
    })
    .from(audits)
    .innerJoin(
      suppliers,
      and(eq(suppliers.id, audits.supplierId), eq(suppliers.organizationId, ctx.organizationId)),
    )
    .where(and(eq(audits.id, auditId), eq(audits.organizationId, ctx.organizationId)))
    .get();
  if (!audit) throw new NotFoundError("Audit not found");
  const rows = db()
    .select()
    .from(findings)
    .where(and(eq(findings.auditId, audit.id), eq(findings.organizationId, ctx.organizationId)))
    .orderBy(asc(findings.createdAt))
    .all();
  // Open before closed, then gravest first: what needs action reads at the top.
  rows.sort(
    (a, b) =>
      Number(a.status === "closed") - Number(b.status === "closed") ||
      GRADE_ORDER.get(a.grade)! - GRADE_ORDER.get(b.grade)!,
  );
  return { audit, findings: rows };
}

/** The suppliers an audit can be recorded against: this tenant's only. */
export function listSupplierOptions(ctx: Ctx) {
  return db()
    .select({ id: suppliers.id, name: suppliers.name, country: suppliers.country, tier: suppliers.tier })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.name))
    .all();
}
