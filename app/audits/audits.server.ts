import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { isoDateField, optionalText, parseInput, requiredId, zodFieldErrors } from "~/infra/validation";
import { actionsForFindings, raiseRemediationTask } from "~/remediation/remediation.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { insertSite, siteSchema } from "~/suppliers/sites.server";
import { emitEvent } from "~/webhooks/events.server";
import { audits, findings, schemeGradeMappings } from "~db/schema/audits";
import { sites, suppliers } from "~db/schema/suppliers";
import {
  AUDIT_SCHEMES,
  countByGrade,
  FINDING_GRADES,
  GRADE_LABELS,
  ILO_INDICATOR_NUMBERS,
  type FindingGrade,
} from "./catalogue";
import { gradeForWord, mergeVocabulary } from "./vocabulary";

// ---------------------------------------------------------------------------------------------------
// Input schemas (strict: a form that posts a field we do not expect is refused, not silently ignored)
// ---------------------------------------------------------------------------------------------------

/**
 * The audited site, chosen from the supplier's recorded sites: `siteId` is one of them, "" for none named,
 * or "new" to add the site to the supplier in the same transaction (its name, country and address below).
 */
export const NEW_SITE = "new";
export const auditSiteFields = {
  siteId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  newSiteName: optionalText(200, "site's name"),
  newSiteCountry: optionalText(8, "country"),
  newSiteAddress: optionalText(500, "address"),
};

export const createAuditSchema = z.strictObject({
  supplierId: requiredId("Choose the audited supplier."),
  scheme: z.enum(AUDIT_SCHEMES, { error: "Choose the audit scheme." }),
  auditDate: isoDateField("Audit date"),
  ...auditSiteFields,
  summary: optionalText(5000, "summary"),
});
export type CreateAuditInput = z.input<typeof createAuditSchema>;

export const addFindingSchema = z
  .strictObject({
    auditId: requiredId("Audit is missing."),
    title: z
      .string({ error: "Describe the finding in a short title." })
      .trim()
      .min(3, { error: "Describe the finding in a short title (at least 3 characters)." })
      .max(200, { error: "Title must be at most 200 characters." }),
    description: optionalText(5000, "description"),
    /** On the organisation's scale; derived from `schemeGrade` when the auditor's word is given. */
    grade: z.enum(FINDING_GRADES, { error: "Choose a grade." }).optional(),
    /** The auditor's own grade word (the scheme's vocabulary), mapped onto the organisation's scale. */
    schemeGrade: optionalText(100, "scheme grade"),
    clause: optionalText(200, "clause"),
    iloIndicator: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(ILO_INDICATOR_NUMBERS, { error: "Choose an ILO indicator from the list." }).optional(),
    ),
  })
  .refine((v) => v.grade || v.schemeGrade, { path: ["schemeGrade"], error: "Choose a grade." });
export type AddFindingInput = z.input<typeof addFindingSchema>;

// ---------------------------------------------------------------------------------------------------
// Verbs (one write transaction each, audit-log row inside it)
// ---------------------------------------------------------------------------------------------------

export function createAudit(ctx: Ctx, input: CreateAuditInput) {
  const v = parseInput(createAuditSchema, input);
  return writeTx((tx) => {
    const audit = insertAudit(tx, ctx, v);
    // A recent audit is assessment coverage (and, without open findings, a control): rescore now.
    recomputeSupplierRisk(tx, ctx, audit.supplierId, "audit.created");
    return audit;
  });
}

/** The audit row and its audit-log row, in the caller's transaction (the risk is the caller's to rescore). */
export function insertAudit(tx: DbOrTx, ctx: Ctx, v: z.output<typeof createAuditSchema>) {
  const supplier = tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.id, v.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");
  const site = resolveAuditSite(tx, ctx, supplier.id, v);
  const audit = tx
    .insert(audits)
    .values({
      organizationId: ctx.organizationId,
      supplierId: supplier.id,
      scheme: v.scheme,
      auditDate: v.auditDate,
      siteId: site?.id ?? null,
      siteName: site?.name ?? null,
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
    details: {
      supplierId: supplier.id,
      scheme: v.scheme,
      auditDate: v.auditDate,
      ...(site ? { siteId: site.id, siteName: site.name } : {}),
    },
  });
  return audit;
}

/**
 * The audit's site: one of the supplier's recorded sites (another supplier's or tenant's site is refused
 * as a field error, never linked), none, or a new site added to the supplier here, in the audit's
 * transaction, with the sites form's own checks (messages under the new-site fields).
 */
function resolveAuditSite(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  v: {
    siteId: string | null;
    newSiteName: string | null;
    newSiteCountry: string | null;
    newSiteAddress: string | null;
  },
): { id: string; name: string } | null {
  if (!v.siteId) return null;
  if (v.siteId === NEW_SITE) {
    const parsed = siteSchema.safeParse({
      name: v.newSiteName ?? "",
      country: v.newSiteCountry ?? "",
      address: v.newSiteAddress,
    });
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error);
      const fieldErrors: Record<string, string> = {};
      if (errors.name) fieldErrors.newSiteName = errors.name;
      if (errors.country) fieldErrors.newSiteCountry = errors.country;
      if (errors.address) fieldErrors.newSiteAddress = errors.address;
      throw new ValidationError(fieldErrors);
    }
    return insertSite(tx, ctx, supplierId, parsed.data);
  }
  const site = tx
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(
      and(
        eq(sites.id, v.siteId),
        eq(sites.organizationId, ctx.organizationId),
        eq(sites.supplierId, supplierId),
      ),
    )
    .get();
  if (!site) throw new ValidationError({ siteId: "Choose one of this supplier's sites, or add a new one." });
  return site;
}

/** The organisation's grade words per scheme (defaults plus its own remappings). */
export function loadVocabulary(tx: DbOrTx, organizationId: string) {
  return mergeVocabulary(
    tx
      .select({
        scheme: schemeGradeMappings.scheme,
        word: schemeGradeMappings.word,
        grade: schemeGradeMappings.grade,
      })
      .from(schemeGradeMappings)
      .where(eq(schemeGradeMappings.organizationId, organizationId))
      .all(),
  );
}

/**
 * Record a finding in the auditor's words: the scheme's grade word is mapped onto the organisation's
 * scale (which decides the deadlines); a grade given directly is used as is.
 */
export function addFinding(ctx: Ctx, input: AddFindingInput) {
  const parsed = parseInput(addFindingSchema, input);
  return writeTx((tx) => {
    const audit = tx
      .select({ id: audits.id, supplierId: audits.supplierId, scheme: audits.scheme })
      .from(audits)
      .where(and(eq(audits.id, parsed.auditId), eq(audits.organizationId, ctx.organizationId)))
      .get();
    if (!audit) throw new NotFoundError("Audit not found");
    const mapped = parsed.schemeGrade
      ? gradeForWord(loadVocabulary(tx, ctx.organizationId)[audit.scheme], parsed.schemeGrade)
      : null;
    if (parsed.schemeGrade && !mapped) {
      const message = `“${parsed.schemeGrade}” is not a ${audit.scheme} grade. Choose one from the list.`;
      throw new ValidationError({ schemeGrade: message }, message);
    }
    const grade = mapped ?? parsed.grade;
    if (!grade) throw new ValidationError({ schemeGrade: "Choose a grade." });
    const added = insertFinding(tx, ctx, audit, { ...parsed, grade });
    const risk = recomputeSupplierRisk(tx, ctx, audit.supplierId, "finding.added");
    return { ...added, risk };
  });
}

/**
 * The finding, its audit-log row and its corrective action (deadlines from the organisation's grade
 * table, or the audit report's own due date), in the caller's transaction.
 */
export function insertFinding(
  tx: DbOrTx,
  ctx: Ctx,
  audit: { id: string; supplierId: string },
  v: {
    title: string;
    description?: string | null;
    grade: FindingGrade;
    schemeGrade?: string | null;
    clause?: string | null;
    iloIndicator?: string | null;
    dueDate?: string | null;
  },
) {
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
      clause: v.clause ?? null,
      schemeGrade: v.schemeGrade ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  emitEvent(
    tx,
    ctx.organizationId,
    "finding.raised",
    {
      findingId: finding.id,
      auditId: audit.id,
      supplierId: audit.supplierId,
      title: v.title,
      grade: v.grade,
      schemeGrade: v.schemeGrade ?? null,
      iloIndicator: v.iloIndicator ?? null,
    },
    now,
  );
  recordAudit(tx, ctx, {
    action: "finding.added",
    entityType: "finding",
    entityId: finding.id,
    details: {
      auditId: audit.id,
      grade: v.grade,
      schemeGrade: v.schemeGrade ?? null,
      iloIndicator: v.iloIndicator ?? null,
    },
  });
  // Every finding gets its corrective action in the same transaction, with deadlines from the
  // organisation's grade table; the finding closes only when that action is verified and closed.
  const task = raiseRemediationTask(tx, ctx, {
    supplierId: audit.supplierId,
    sourceType: "finding",
    sourceRef: finding.id,
    title: `${GRADE_LABELS[v.grade]} finding: ${v.title}`,
    iloIndicator: v.iloIndicator ?? null,
    clause: v.clause ?? null,
    grade: v.grade,
    dueDate: v.dueDate ?? null,
  });
  return { finding, taskId: task.id };
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
      siteId: audits.siteId,
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
  const actions = actionsForFindings(
    db(),
    ctx,
    rows.map((r) => r.id),
  );
  return {
    audit,
    findings: rows.map((f) => ({ ...f, action: actions.get(f.id) ?? null })),
    vocabulary: loadVocabulary(db(), ctx.organizationId)[audit.scheme],
  };
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
