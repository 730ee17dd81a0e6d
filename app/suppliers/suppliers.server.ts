import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { assignments, audits, evidenceFiles, findings, supplierLinks, suppliers } from "../../db/schema";
import { RISK_LEVELS, type RiskLevel } from "../../db/schema/suppliers";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { nowOf, type Ctx } from "~/infra/context";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { zodFieldErrors } from "~/infra/http.server";
import { recordAudit } from "~/audit-log/audit-log.server";
import { recomputeSupplierRisk, riskHistory, type StoredAssessment } from "~/risk/risk.server";
import { listRemediationTasks, type TaskRow } from "~/remediation/remediation.server";
import { COUNTRY_CODES, countryName } from "./countries";
import { SECTORS } from "./sectors";
import { computeTiers } from "./tiers";

const optionalId = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : undefined));

export const createSupplierSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the supplier's name.")
    .max(200, "Keep the name under 200 characters."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.includes(v), "Choose a country from the list."),
  sector: z.enum(SECTORS, { error: "Choose a sector from the list." }),
  contactName: z
    .string()
    .trim()
    .min(1, "Enter the name of a contact at the supplier.")
    .max(200, "Keep the name under 200 characters."),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address, like name@example.com.").max(254)),
  parentSupplierId: optionalId,
});
/** Loose on purpose: callers (forms, seed, imports) pass plain strings and the verb validates them. */
export type CreateSupplierInput = {
  name: string;
  country: string;
  sector: string;
  contactName: string;
  contactEmail: string;
  parentSupplierId?: string | null;
};

export type SupplierSummary = {
  id: string;
  name: string;
  country: string;
  countryName: string;
  sector: string;
  tier: number;
  riskScore: number | null;
  riskLevel: RiskLevel | null;
};

/**
 * Add a supplier, directly to the buyer or as a sub-supplier of one of the organisation's suppliers, and
 * score it straight away, all in one transaction. A parent from another organisation is "not found".
 */
export function createSupplier(
  ctx: Ctx,
  input: CreateSupplierInput,
): SupplierSummary & { riskScore: number; riskLevel: RiskLevel } {
  const parsed = createSupplierSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  const v = parsed.data;
  return writeTx((tx) => {
    let tier = 1;
    if (v.parentSupplierId) {
      const parent = tx
        .select({ id: suppliers.id, tier: suppliers.tier })
        .from(suppliers)
        .where(and(eq(suppliers.id, v.parentSupplierId), eq(suppliers.organizationId, ctx.organizationId)))
        .get();
      if (!parent) throw new NotFoundError("Parent supplier not found");
      // The new supplier has no children yet, so one step below its only parent is already the shortest path.
      tier = parent.tier + 1;
    }
    const now = nowOf(ctx);
    const s = tx
      .insert(suppliers)
      .values({
        organizationId: ctx.organizationId,
        name: v.name,
        country: v.country,
        sector: v.sector,
        contactName: v.contactName,
        contactEmail: v.contactEmail,
        tier,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    tx.insert(supplierLinks)
      .values({
        organizationId: ctx.organizationId,
        parentSupplierId: v.parentSupplierId ?? null,
        childSupplierId: s.id,
        createdAt: now,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "supplier.created",
      entityType: "supplier",
      entityId: s.id,
      details: {
        name: v.name,
        country: v.country,
        sector: v.sector,
        tier,
        parentSupplierId: v.parentSupplierId ?? null,
      },
    });
    const risk = recomputeSupplierRisk(tx, ctx, s.id, "supplier.created");
    return {
      id: s.id,
      name: s.name,
      country: s.country,
      countryName: countryName(s.country),
      sector: s.sector,
      tier,
      riskScore: risk.score,
      riskLevel: risk.level,
    };
  });
}

/**
 * Recompute every supplier's tier from the links (shortest distance from the buyer). For link changes
 * that can shorten or lengthen existing paths; creation alone does not need it. Returns how many changed.
 */
export function recomputeTiers(tx: DbOrTx, organizationId: string): number {
  const links = tx
    .select({
      parentSupplierId: supplierLinks.parentSupplierId,
      childSupplierId: supplierLinks.childSupplierId,
    })
    .from(supplierLinks)
    .where(eq(supplierLinks.organizationId, organizationId))
    .all();
  const tiers = computeTiers(links);
  const current = tx
    .select({ id: suppliers.id, tier: suppliers.tier })
    .from(suppliers)
    .where(eq(suppliers.organizationId, organizationId))
    .all();
  let changed = 0;
  for (const s of current) {
    const tier = tiers.get(s.id);
    if (tier !== undefined && tier !== s.tier) {
      tx.update(suppliers)
        .set({ tier })
        .where(and(eq(suppliers.id, s.id), eq(suppliers.organizationId, organizationId)))
        .run();
      changed++;
    }
  }
  return changed;
}

export const SUPPLIERS_PAGE_SIZE = 50;

export const supplierFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.includes(v))
    .optional()
    .catch(undefined),
  tier: z.coerce.number().int().min(1).max(20).optional().catch(undefined),
  level: z.enum(RISK_LEVELS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type SupplierFilter = z.infer<typeof supplierFilterSchema>;

/** Filters come from the URL; anything invalid there is ignored rather than failing the page. */
export function parseSupplierFilter(params: URLSearchParams): SupplierFilter {
  const raw: Record<string, string> = {};
  for (const key of ["q", "country", "tier", "level", "page"]) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  return supplierFilterSchema.parse(raw);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listSuppliers(
  ctx: Ctx,
  filter: SupplierFilter = {},
): { rows: SupplierSummary[]; total: number; page: number; pageSize: number; countries: string[] } {
  const conditions: SQL[] = [eq(suppliers.organizationId, ctx.organizationId)];
  if (filter.q) conditions.push(sql`${suppliers.name} like ${`%${escapeLike(filter.q)}%`} escape '\\'`);
  if (filter.country) conditions.push(eq(suppliers.country, filter.country));
  if (filter.tier) conditions.push(eq(suppliers.tier, filter.tier));
  if (filter.level) conditions.push(eq(suppliers.riskLevel, filter.level));
  const where = and(...conditions);
  const page = filter.page ?? 1;
  const database = db();
  const total = database.select({ n: count() }).from(suppliers).where(where).get()?.n ?? 0;
  const rows = database
    .select({
      id: suppliers.id,
      name: suppliers.name,
      country: suppliers.country,
      sector: suppliers.sector,
      tier: suppliers.tier,
      riskScore: suppliers.riskScore,
      riskLevel: suppliers.riskLevel,
    })
    .from(suppliers)
    .where(where)
    .orderBy(asc(suppliers.tier), asc(suppliers.name))
    .limit(SUPPLIERS_PAGE_SIZE)
    .offset((page - 1) * SUPPLIERS_PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, countryName: countryName(r.country) }));
  // Countries the organisation actually uses, for the filter select.
  const countries = database
    .selectDistinct({ country: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .all()
    .map((r) => r.country);
  return { rows, total, page, pageSize: SUPPLIERS_PAGE_SIZE, countries };
}

/** For the "sub-supplier of" select. */
export function supplierOptions(ctx: Ctx): { id: string; name: string; tier: number; countryName: string }[] {
  return db()
    .select({ id: suppliers.id, name: suppliers.name, tier: suppliers.tier, country: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.name))
    .all()
    .map(({ country, ...r }) => ({ ...r, countryName: countryName(country) }));
}

export type SupplierDetail = {
  supplier: SupplierSummary & { contactName: string; contactEmail: string; createdAt: string };
  direct: boolean;
  parents: { id: string; name: string; tier: number }[];
  children: { id: string; name: string; tier: number; countryName: string; riskLevel: RiskLevel | null }[];
  risk: StoredAssessment | null;
  history: StoredAssessment[];
  tasks: TaskRow[];
  questionnaires: {
    id: string;
    templateKey: string;
    templateVersion: string;
    recipientEmail: string;
    status: string;
    sentAt: string;
    submittedAt: string | null;
    dueDate: string | null;
  }[];
  audits: {
    id: string;
    scheme: string;
    auditDate: string;
    siteName: string | null;
    openFindings: number;
    findings: number;
  }[];
  evidence: {
    id: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    createdAt: string;
    auditId: string | null;
  }[];
};

export function getSupplierDetail(ctx: Ctx, supplierId: string): SupplierDetail {
  const database = db();
  const org = ctx.organizationId;
  const s = database
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, org)))
    .get();
  if (!s) throw new NotFoundError("Supplier not found");

  const direct = !!database
    .select({ id: supplierLinks.id })
    .from(supplierLinks)
    .where(
      and(
        eq(supplierLinks.organizationId, org),
        eq(supplierLinks.childSupplierId, supplierId),
        isNull(supplierLinks.parentSupplierId),
      ),
    )
    .get();
  const parentIds = database
    .select({ id: supplierLinks.parentSupplierId })
    .from(supplierLinks)
    .where(and(eq(supplierLinks.organizationId, org), eq(supplierLinks.childSupplierId, supplierId)))
    .all()
    .map((r) => r.id)
    .filter((id): id is string => id !== null);
  const parents = parentIds.length
    ? database
        .select({ id: suppliers.id, name: suppliers.name, tier: suppliers.tier })
        .from(suppliers)
        .where(and(eq(suppliers.organizationId, org), inArray(suppliers.id, parentIds)))
        .orderBy(asc(suppliers.name))
        .all()
    : [];
  const children = database
    .select({
      id: suppliers.id,
      name: suppliers.name,
      tier: suppliers.tier,
      country: suppliers.country,
      riskLevel: suppliers.riskLevel,
    })
    .from(supplierLinks)
    .innerJoin(suppliers, eq(suppliers.id, supplierLinks.childSupplierId))
    .where(and(eq(supplierLinks.organizationId, org), eq(supplierLinks.parentSupplierId, supplierId)))
    .orderBy(asc(suppliers.name))
    .all()
    .map(({ country, ...r }) => ({ ...r, countryName: countryName(country) }));

  const history = riskHistory(database, ctx, supplierId);

  const questionnaires = database
    .select({
      id: assignments.id,
      templateKey: assignments.templateKey,
      templateVersion: assignments.templateVersion,
      recipientEmail: assignments.recipientEmail,
      status: assignments.status,
      sentAt: assignments.sentAt,
      submittedAt: assignments.submittedAt,
      dueDate: assignments.dueDate,
    })
    .from(assignments)
    .where(and(eq(assignments.organizationId, org), eq(assignments.supplierId, supplierId)))
    .orderBy(desc(assignments.sentAt))
    .all()
    .map((a) => ({
      ...a,
      sentAt: a.sentAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
    }));

  const auditRows = database
    .select({
      id: audits.id,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
      siteName: audits.siteName,
      findings: sql<number>`count(${findings.id})`,
      openFindings: sql<number>`coalesce(sum(case when ${findings.status} = 'open' then 1 else 0 end), 0)`,
    })
    .from(audits)
    .leftJoin(findings, and(eq(findings.auditId, audits.id), eq(findings.organizationId, org)))
    .where(and(eq(audits.organizationId, org), eq(audits.supplierId, supplierId)))
    .groupBy(audits.id)
    .orderBy(desc(audits.auditDate))
    .all();

  const evidence = database
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      createdAt: evidenceFiles.createdAt,
      auditId: evidenceFiles.auditId,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, org), eq(evidenceFiles.supplierId, supplierId)))
    .orderBy(desc(evidenceFiles.createdAt))
    .all()
    .map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }));

  return {
    supplier: {
      id: s.id,
      name: s.name,
      country: s.country,
      countryName: countryName(s.country),
      sector: s.sector,
      tier: s.tier,
      riskScore: s.riskScore,
      riskLevel: s.riskLevel,
      contactName: s.contactName,
      contactEmail: s.contactEmail,
      createdAt: s.createdAt.toISOString(),
    },
    direct,
    parents,
    children,
    risk: history[0] ?? null,
    history,
    tasks: listRemediationTasks(ctx, { supplierId }, database),
    questionnaires,
    audits: auditRows.map((a) => ({
      ...a,
      findings: Number(a.findings),
      openFindings: Number(a.openFindings),
    })),
    evidence,
  };
}
