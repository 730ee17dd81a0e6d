import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx, type Tx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { optionalText, parseInput, requiredChoice } from "~/infra/validation";
import { listRemediationTasks, type TaskRow } from "~/remediation/remediation.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import {
  assignments,
  audits,
  evidenceFiles,
  findings,
  sites,
  supplierContacts,
  supplierLinks,
  suppliers,
} from "~db/schema";
import { SUPPLIER_STATUSES, type RiskLevel, type SupplierStatus } from "~db/schema/suppliers.constants";
import { COUNTRY_CODES, countryName } from "./countries";
import { isCurrencyCode } from "./currencies";
import { MAX_GOOD_LENGTH, MAX_GOODS, normaliseTags } from "./goods";
import { matchGoods } from "./goods.server";
import { invalidateSupplierCounts } from "./list.server";
import { SECTORS } from "./sectors";
import { recomputeAllTiers } from "./tiers.server";

export { listSuppliers, parseSupplierFilter, SUPPLIERS_PAGE_SIZE, type SupplierFilter } from "./list.server";

const optionalId = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : undefined));

/** A list from a form (one field "a; b" or repeated fields) or from code (an array). */
const listInput = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]));

/**
 * Amounts as people type them: "1200000", "1,200,000.50", "1 200 000". Commas are thousands separators
 * (the currency field says which currency; decimal commas are not accepted, to avoid reading 1,200 as 1.2).
 */
const amount = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, c) => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return v;
    const t = v.trim().replace(/[\s,\u00a0]/g, "");
    if (!t) return null;
    if (!/^\d+(\.\d+)?$/.test(t)) {
      c.addIssue({ code: "custom", message: "Enter an amount like 250000 or 1,250,000.50." });
      return z.NEVER;
    }
    return Number(t);
  })
  .pipe(
    z.number().min(0, "The amount cannot be negative.").max(1e13, "That amount is too large.").nullable(),
  );

/** The supplier's own fields, shared by create and edit (contacts and links have their own verbs). */
export const profileFields = {
  name: z
    .string()
    .trim()
    .min(1, "Enter the supplier's name.")
    .max(200, "Keep the name under 200 characters."),
  tradeName: optionalText(200, "trade name", { collapseSpaces: true }),
  externalRef: z
    .string()
    .trim()
    .max(100, "Keep the reference under 100 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
  country: requiredChoice(COUNTRY_CODES, "Choose a country from the list.", { upperCase: true }),
  address: optionalText(500, "address", { collapseSpaces: true }),
  sector: z.enum(SECTORS, { error: "Choose a sector from the list." }),
  goods: listInput,
  annualSpend: amount,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCurrencyCode(v), "Choose a currency from the list."),
  status: z
    .enum(SUPPLIER_STATUSES, { error: "Choose a status from the list." })
    .nullish()
    .transform((v) => v ?? "active"),
  tags: listInput,
  /** A checkbox: "on" when ticked, absent otherwise. */
  xinjiangNexus: z
    .union([z.boolean(), z.string()])
    .nullish()
    .transform((v) => v === true || v === "on" || v === "yes" || v === "true"),
};

function spendNeedsCurrency(v: { annualSpend: number | null; currency: string | null }, c: z.RefinementCtx) {
  if (v.annualSpend !== null && v.currency === null) {
    c.addIssue({ code: "custom", path: ["currency"], message: "Choose the currency of the annual spend." });
  }
}

export const createSupplierSchema = z
  .object({
    ...profileFields,
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
  })
  .superRefine(spendNeedsCurrency);

export const updateSupplierSchema = z.object(profileFields).superRefine(spendNeedsCurrency);

/** Loose on purpose: callers (forms, seed, imports) pass plain strings and the verb validates them. */
export type SupplierProfileInput = {
  name: string;
  tradeName?: string | null;
  externalRef?: string | null;
  country: string;
  address?: string | null;
  sector: string;
  goods?: string | string[] | null;
  annualSpend?: string | number | null;
  currency?: string | null;
  status?: string | null;
  tags?: string | string[] | null;
  xinjiangNexus?: string | boolean | null;
};
export type CreateSupplierInput = SupplierProfileInput & {
  contactName: string;
  contactEmail: string;
  parentSupplierId?: string | null;
};

type ParsedProfile = z.infer<typeof updateSupplierSchema>;

function finishProfile(v: ParsedProfile) {
  const goods = matchGoods(v.goods);
  const tags = normaliseTags(v.tags);
  const errors: Record<string, string> = {};
  if (goods.length > MAX_GOODS) errors.goods = `List at most ${MAX_GOODS} goods.`;
  else if (goods.some((g) => g.length > MAX_GOOD_LENGTH))
    errors.goods = `Keep each good under ${MAX_GOOD_LENGTH} characters.`;
  if (tags.length > 30) errors.tags = "Use at most 30 tags.";
  else if (tags.some((t) => t.length > 50)) errors.tags = "Keep each tag under 50 characters.";
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { ...v, goods, tags };
}

function assertRefFree(tx: Tx, ctx: Ctx, externalRef: string | null, exceptId?: string) {
  if (!externalRef) return;
  const taken = tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, ctx.organizationId), eq(suppliers.externalRef, externalRef)))
    .get();
  if (taken && taken.id !== exceptId) {
    throw new ValidationError({ externalRef: `${taken.name} already has the reference ${externalRef}.` });
  }
}

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
  const data = parseInput(createSupplierSchema, input);
  const v = { ...data, ...finishProfile(data) };
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
    assertRefFree(tx, ctx, v.externalRef);
    const now = nowOf(ctx);
    const s = tx
      .insert(suppliers)
      .values({
        organizationId: ctx.organizationId,
        name: v.name,
        tradeName: v.tradeName,
        externalRef: v.externalRef,
        country: v.country,
        address: v.address,
        sector: v.sector,
        goods: v.goods,
        annualSpend: v.annualSpend,
        currency: v.currency,
        status: v.status,
        tags: v.tags,
        xinjiangNexus: v.xinjiangNexus,
        contactName: v.contactName,
        contactEmail: v.contactEmail,
        tier,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    tx.insert(supplierContacts)
      .values({
        organizationId: ctx.organizationId,
        supplierId: s.id,
        name: v.contactName,
        email: v.contactEmail,
        isPrimary: true,
        createdAt: now,
      })
      .run();
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
        externalRef: v.externalRef,
        status: v.status,
      },
    });
    invalidateSupplierCounts(ctx.organizationId);
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

const PROFILE_KEYS = [
  "name",
  "tradeName",
  "externalRef",
  "country",
  "address",
  "sector",
  "goods",
  "annualSpend",
  "currency",
  "status",
  "tags",
  "xinjiangNexus",
] as const;

/**
 * Edit the supplier's own fields. The audit entry lists what changed (before → after); a change to what
 * the inherent risk reads (country, sector, goods, Xinjiang nexus) rescores it in the same transaction.
 */
export function updateSupplier(
  ctx: Ctx,
  supplierId: string,
  input: SupplierProfileInput,
): { changed: string[] } {
  const v = finishProfile(parseInput(updateSupplierSchema, input));
  return writeTx((tx) => {
    const where = and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId));
    const before = tx.select().from(suppliers).where(where).get();
    if (!before) throw new NotFoundError("Supplier not found");
    assertRefFree(tx, ctx, v.externalRef, supplierId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of PROFILE_KEYS) {
      if (JSON.stringify(before[key] ?? null) !== JSON.stringify(v[key] ?? null)) {
        changes[key] = { from: before[key] ?? null, to: v[key] ?? null };
      }
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    tx.update(suppliers)
      .set({
        name: v.name,
        tradeName: v.tradeName,
        externalRef: v.externalRef,
        country: v.country,
        address: v.address,
        sector: v.sector,
        goods: v.goods,
        annualSpend: v.annualSpend,
        currency: v.currency,
        status: v.status,
        tags: v.tags,
        xinjiangNexus: v.xinjiangNexus,
        updatedAt: nowOf(ctx),
      })
      .where(where)
      .run();
    recordAudit(tx, ctx, {
      action: "supplier.updated",
      entityType: "supplier",
      entityId: supplierId,
      details: changes,
    });
    invalidateSupplierCounts(ctx.organizationId);
    // Country, sector, goods and the Xinjiang flag feed the inherent risk.
    if (changes.country || changes.sector || changes.goods || changes.xinjiangNexus)
      recomputeSupplierRisk(tx, ctx, supplierId, "supplier.updated");
    return { changed };
  });
}

/**
 * Recompute every supplier's tier from the links (shortest distance from the buyer). Returns how many
 * changed. The link verbs call the incremental form; this is for repairs and bulk changes (imports).
 */
export function recomputeTiers(tx: DbOrTx, organizationId: string): number {
  return recomputeAllTiers(tx, organizationId);
}

/**
 * Suppliers to link to from a supplier's page: a name, trade name or reference search, capped, so the
 * page stays small however many suppliers the organisation has.
 */
export function findLinkCandidates(
  ctx: Ctx,
  supplierId: string,
  query: string,
  limit = 15,
): { id: string; name: string; externalRef: string | null; tier: number; countryName: string }[] {
  const q = query.trim();
  if (!q) return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db()
    .select({
      id: suppliers.id,
      name: suppliers.name,
      externalRef: suppliers.externalRef,
      tier: suppliers.tier,
      country: suppliers.country,
    })
    .from(suppliers)
    .where(
      and(
        eq(suppliers.organizationId, ctx.organizationId),
        sql`${suppliers.id} <> ${supplierId}`,
        sql`(${suppliers.name} like ${like} escape '\\' or ${suppliers.tradeName} like ${like} escape '\\' or ${suppliers.externalRef} like ${like} escape '\\')`,
      ),
    )
    .orderBy(asc(suppliers.name))
    .limit(limit)
    .all()
    .map(({ country, ...r }) => ({ ...r, countryName: countryName(country) }));
}

/**
 * For the "sub-supplier of" select: the first `limit` suppliers by name, plus `include` (a preselected
 * parent) wherever it sorts, so the page stays small for organisations with many thousands of suppliers
 * (more parents, or any other, can then be linked from the supplier's page by search).
 */
export function supplierOptions(
  ctx: Ctx,
  opts: { limit?: number; include?: string | null } = {},
): { id: string; name: string; tier: number; countryName: string }[] {
  const columns = {
    id: suppliers.id,
    name: suppliers.name,
    tier: suppliers.tier,
    country: suppliers.country,
  };
  const rows = db()
    .select(columns)
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.name))
    .limit(opts.limit ?? 500)
    .all();
  if (opts.include && !rows.some((r) => r.id === opts.include)) {
    const extra = db()
      .select(columns)
      .from(suppliers)
      .where(and(eq(suppliers.organizationId, ctx.organizationId), eq(suppliers.id, opts.include)))
      .get();
    if (extra) rows.unshift(extra);
  }
  return rows.map(({ country, ...r }) => ({ ...r, countryName: countryName(country) }));
}

export type SupplierContactRow = {
  id: string | null;
  name: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  language: string | null;
  isPrimary: boolean;
};

export type SiteRow = {
  id: string;
  name: string;
  address: string | null;
  country: string;
  countryName: string;
  latitude: number | null;
  longitude: number | null;
  workersTotal: number | null;
  migrantWorkersPct: number | null;
  agencyWorkersPct: number | null;
  dormitories: boolean | null;
  seasonalWork: boolean | null;
  xinjiangNexus: boolean;
};

export type SupplierDetail = {
  supplier: SupplierSummary & {
    contactName: string;
    contactEmail: string;
    createdAt: string;
    updatedAt: string;
    tradeName: string | null;
    externalRef: string | null;
    address: string | null;
    goods: string[];
    annualSpend: number | null;
    currency: string | null;
    status: SupplierStatus;
    tags: string[];
    xinjiangNexus: boolean;
  };
  /**
   * Contacts, primary first. A supplier created before contacts existed has no rows yet: its mirrored
   * contact is shown as the primary with id null (it becomes a row when the first contact is added).
   */
  contacts: SupplierContactRow[];
  sites: SiteRow[];
  direct: boolean;
  parents: { id: string; name: string; tier: number }[];
  children: { id: string; name: string; tier: number; countryName: string; riskLevel: RiskLevel | null }[];
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

  const contactRows = database
    .select()
    .from(supplierContacts)
    .where(and(eq(supplierContacts.organizationId, org), eq(supplierContacts.supplierId, supplierId)))
    .orderBy(desc(supplierContacts.isPrimary), asc(supplierContacts.name))
    .all();
  const contacts: SupplierContactRow[] = contactRows.length
    ? contactRows.map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        jobTitle: c.jobTitle,
        language: c.language,
        isPrimary: c.isPrimary,
      }))
    : [
        {
          id: null,
          name: s.contactName,
          email: s.contactEmail,
          phone: null,
          jobTitle: null,
          language: null,
          isPrimary: true,
        },
      ];

  const siteRows: SiteRow[] = database
    .select()
    .from(sites)
    .where(and(eq(sites.organizationId, org), eq(sites.supplierId, supplierId)))
    .orderBy(asc(sites.name))
    .all()
    .map((x) => ({
      id: x.id,
      name: x.name,
      address: x.address,
      country: x.country,
      countryName: countryName(x.country),
      latitude: x.latitude,
      longitude: x.longitude,
      workersTotal: x.workersTotal,
      migrantWorkersPct: x.migrantWorkersPct,
      agencyWorkersPct: x.agencyWorkersPct,
      dormitories: x.dormitories,
      seasonalWork: x.seasonalWork,
      xinjiangNexus: x.xinjiangNexus,
    }));

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
    .where(
      and(
        eq(evidenceFiles.organizationId, org),
        eq(evidenceFiles.supplierId, supplierId),
        // Newest versions only: a replaced file is listed with its successor on the action page.
        isNull(evidenceFiles.supersededAt),
        isNull(evidenceFiles.withdrawnAt),
      ),
    )
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
      updatedAt: s.updatedAt.toISOString(),
      tradeName: s.tradeName,
      externalRef: s.externalRef,
      address: s.address,
      goods: s.goods,
      annualSpend: s.annualSpend,
      currency: s.currency,
      status: s.status,
      tags: s.tags,
      xinjiangNexus: s.xinjiangNexus,
    },
    contacts,
    sites: siteRows,
    direct,
    parents,
    children,
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
