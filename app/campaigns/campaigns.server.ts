import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { isSupportedLanguage, matchLanguage, DEFAULT_LANGUAGE } from "~/i18n/languages";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { revokeAssignment } from "~/questionnaires/assignments.server";
import { questionCounts } from "~/questionnaires/model";
import { resendAssignment } from "~/questionnaires/reminders.server";
import {
  DEFAULT_OVERDUE_EVERY_DAYS,
  DEFAULT_REMINDER_DAYS,
  parseReminderDays,
} from "~/questionnaires/schedule";
import { storeSnapshot } from "~/questionnaires/snapshots.server";
import { listSendableTemplates, loadSendableTemplate } from "~/questionnaires/templates.server";
import { kickScheduler, schedule } from "~/scheduler/scheduler.server";
import { assignments, campaignRecipients, campaigns, organizations, suppliers } from "~db/schema";
import { RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import {
  deriveSupplierStatus,
  emptyCounts,
  responseRate,
  SUPPLIER_CAMPAIGN_STATUSES,
  type SupplierCampaignStatus,
} from "./status";

const DAY_MS = 86_400_000;
export const CAMPAIGN_SEND_JOB = "campaign.send";
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------
// Choosing suppliers
// ---------------------------------------------------------------------------------------------------------

export const audienceFilterSchema = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase())
    .optional()
    .catch(undefined),
  tier: z.coerce.number().int().min(1).max(10).optional().catch(undefined),
  risk: z.enum(RISK_LEVELS).optional().catch(undefined),
  status: z.enum(SUPPLIER_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type AudienceFilter = z.infer<typeof audienceFilterSchema>;

/** Read the filter from URL search params or form data (blank values mean "any"). */
export function audienceFilterFrom(params: URLSearchParams | FormData): AudienceFilter {
  const raw: Record<string, string> = {};
  for (const key of ["country", "tier", "risk", "status", "q"]) {
    const v = params.get(key);
    if (typeof v === "string" && v.trim() !== "") raw[key] = v;
  }
  return audienceFilterSchema.parse(raw);
}

function audienceWhere(organizationId: string, f: AudienceFilter): SQL {
  const conds: SQL[] = [eq(suppliers.organizationId, organizationId)];
  if (f.country) conds.push(eq(suppliers.country, f.country));
  if (f.tier) conds.push(eq(suppliers.tier, f.tier));
  if (f.risk) conds.push(eq(suppliers.riskLevel, f.risk));
  if (f.status) conds.push(eq(suppliers.status, f.status));
  if (f.q) conds.push(sql`${suppliers.name} LIKE ${`%${f.q.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'`);
  return and(...conds)!;
}

/** Language of the supplier's primary contact as one we ship, else English. */
function contactLanguageSql(organizationId: string) {
  // Qualified by hand: drizzle leaves columns unqualified in single-table queries, and inside this
  // correlated subquery "id" would mean the contact's id.
  return sql<string | null>`(SELECT c.language FROM supplier_contacts c
    WHERE c.supplier_id = "suppliers"."id" AND c.organization_id = ${organizationId} AND c.is_primary = 1
    ORDER BY c.created_at LIMIT 1)`;
}

export function normaliseLanguage(raw: string | null | undefined): string {
  return (raw && matchLanguage(raw)) || DEFAULT_LANGUAGE;
}

/**
 * What the campaign form shows: how many suppliers match (counted in SQL, never loaded) and one page of
 * them to pick from.
 */
export function findAudience(ctx: Ctx, filter: AudienceFilter, opts: { limit?: number } = {}) {
  const where = audienceWhere(ctx.organizationId, filter);
  const total = db().select({ n: count() }).from(suppliers).where(where).get()?.n ?? 0;
  const rows = db()
    .select({
      id: suppliers.id,
      name: suppliers.name,
      country: suppliers.country,
      tier: suppliers.tier,
      status: suppliers.status,
      riskLevel: suppliers.riskLevel,
      contactName: suppliers.contactName,
      contactEmail: suppliers.contactEmail,
      contactLanguage: contactLanguageSql(ctx.organizationId),
    })
    .from(suppliers)
    .where(where)
    .orderBy(asc(suppliers.name), asc(suppliers.id))
    .limit(opts.limit ?? 50)
    .all()
    .map((r) => ({ ...r, language: normaliseLanguage(r.contactLanguage) }));
  return { total, rows };
}

export function describeFilter(f: AudienceFilter): string {
  const parts = [
    f.country && `country ${f.country}`,
    f.tier && `tier ${f.tier}`,
    f.risk && `${f.risk} risk`,
    f.status && `status ${f.status}`,
    f.q && `name contains "${f.q}"`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "all suppliers";
}

// ---------------------------------------------------------------------------------------------------------
// Creating a campaign
// ---------------------------------------------------------------------------------------------------------

export const createCampaignSchema = z.object({
  name: z.string().trim().max(200, "Keep the name under 200 characters.").optional().default(""),
  templateId: z.string().min(1, "Choose a questionnaire."),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
  reminderDays: z
    .string()
    .trim()
    .default(DEFAULT_REMINDER_DAYS.join(", "))
    .transform((v, c) => {
      const r = parseReminderDays(v);
      if (!r.ok) {
        c.addIssue({ code: "custom", message: r.error });
        return z.NEVER;
      }
      return r.days;
    }),
  overdueWeekly: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  language: z
    .string()
    .default("contact")
    .refine((v) => v === "contact" || isSupportedLanguage(v), "Choose a language."),
  /** "all" = every supplier matching the filter; "some" = the ticked supplierIds. */
  selection: z.enum(["all", "some"]).default("some"),
  // One ticked box arrives as a string, several as an array.
  supplierIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().min(1)).max(5000, "Use “select all matching” for more than 5,000."),
  ),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema> & { filter?: AudienceFilter };

export function campaignFormDefaults(ctx: Ctx) {
  return {
    templates: listSendableTemplates(ctx),
    defaultDueDate: isoDay(new Date(nowOf(ctx).getTime() + 30 * DAY_MS)),
    defaultReminderDays: DEFAULT_REMINDER_DAYS.join(", "),
  };
}

/**
 * Create the campaign and its recipient list in one transaction, and queue the send as a background job.
 * Nothing is emailed here: the job creates the assignments in batches (see processCampaignSend).
 */
export function createCampaign(ctx: Ctx, input: CreateCampaignInput): { campaignId: string; total: number } {
  const now = nowOf(ctx);
  if (input.dueDate <= isoDay(now))
    throw new ValidationError({ dueDate: "The due date must be after today." });
  const template = loadSendableTemplate(ctx, input.templateId);
  const sendable = listSendableTemplates(ctx).find((t) => t.id === input.templateId);

  // The recipients: every supplier matching the filter, or the ticked ones (checked against the tenant).
  const where =
    input.selection === "all"
      ? audienceWhere(ctx.organizationId, input.filter ?? {})
      : input.supplierIds.length
        ? and(eq(suppliers.organizationId, ctx.organizationId), inArray(suppliers.id, input.supplierIds))!
        : null;
  if (!where) throw new ValidationError({ supplierIds: "Choose at least one supplier." });

  return writeTx((tx) => {
    const chosen = tx
      .select({ id: suppliers.id, contactLanguage: contactLanguageSql(ctx.organizationId) })
      .from(suppliers)
      .where(where)
      .all();
    // A ticked id that is not this tenant's is indistinguishable from a missing one.
    if (input.selection === "some" && chosen.length !== new Set(input.supplierIds).size)
      throw new NotFoundError("Supplier not found");
    if (chosen.length === 0) throw new ValidationError({ supplierIds: "Choose at least one supplier." });

    const snapshotId = storeSnapshot(tx, ctx.organizationId, template);
    const title = template.title;
    const campaign = tx
      .insert(campaigns)
      .values({
        organizationId: ctx.organizationId,
        name: input.name || `${title} · due ${input.dueDate}`,
        templateId: input.templateId,
        templateKey: template.key,
        templateVersion: String(sendable?.version ?? template.version),
        templateTitle: title,
        snapshotId,
        // The one count the supplier is told (questionCounts): follow-ups some answers add are not in it.
        questionCount: questionCounts(template).always,
        dueDate: input.dueDate,
        reminderDaysBefore: input.reminderDays,
        overdueEveryDays: input.overdueWeekly ? DEFAULT_OVERDUE_EVERY_DAYS : 0,
        languageMode: input.language,
        linkExpiresAt: new Date(
          Math.max(
            now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS,
            // A link must outlive the due date, or suppliers answering on the last day find it dead.
            new Date(`${input.dueDate}T00:00:00Z`).getTime() + 14 * DAY_MS,
          ),
        ),
        audience:
          input.selection === "all"
            ? describeFilter(input.filter ?? {})
            : `${chosen.length} chosen supplier${chosen.length === 1 ? "" : "s"}`,
        status: "queued",
        total: chosen.length,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: now,
      })
      .returning({ id: campaigns.id })
      .get();

    // Same connection as the transaction: raw prepared statements for a list that may be thousands long.
    const insert = db().$client.prepare(
      `INSERT INTO campaign_recipients (id, organization_id, campaign_id, supplier_id, language, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const s of chosen) {
      const language = input.language === "contact" ? normaliseLanguage(s.contactLanguage) : input.language;
      insert.run(crypto.randomUUID(), ctx.organizationId, campaign.id, s.id, language, now.getTime());
    }
    schedule(tx, {
      kind: CAMPAIGN_SEND_JOB,
      runAt: now,
      payload: { campaignId: campaign.id, organizationId: ctx.organizationId },
      uniqueKey: `campaign-send:${campaign.id}`,
      organizationId: ctx.organizationId,
      maxAttempts: 10,
    });
    recordAudit(tx, ctx, {
      action: "campaign.created",
      entityType: "campaign",
      entityId: campaign.id,
      details: {
        template: `${template.key}@${template.version}`,
        suppliers: chosen.length,
        dueDate: input.dueDate,
        reminderDays: input.reminderDays,
        overdueEveryDays: input.overdueWeekly ? DEFAULT_OVERDUE_EVERY_DAYS : 0,
      },
    });
    return { campaignId: campaign.id, total: chosen.length };
  });
}

/** Start the send now in this process's scheduler (if it runs one) instead of at its next poll. */
export function startCampaignSendSoon(): void {
  kickScheduler();
}

// ---------------------------------------------------------------------------------------------------------
// Reading campaigns
// ---------------------------------------------------------------------------------------------------------

function findCampaign(tx: DbOrTx, ctx: Ctx, campaignId: string) {
  const row = tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Campaign not found");
  return row;
}

export function getCampaignProgress(ctx: Ctx, campaignId: string) {
  const c = findCampaign(db(), ctx, campaignId);
  return {
    status: c.status,
    total: c.total,
    queued: c.queued,
    percent: c.total === 0 ? 100 : Math.floor((c.queued / c.total) * 100),
    lastError: c.status === "failed" ? c.lastError : null,
  };
}

type StatusRow = {
  assignmentId: string;
  campaignId: string | null;
  status: (typeof assignments.$inferSelect)["status"];
  firstOpenedAt: Date | null;
  submittedAt: Date | null;
  dueDate: string | null;
  tokenExpiresAt: Date;
  sentAt: Date;
  supplierId: string;
  supplierName: string;
  supplierCountry: string;
  recipientEmail: string;
  language: string;
};

function statusRows(ctx: Ctx, where: SQL): StatusRow[] {
  return db()
    .select({
      assignmentId: assignments.id,
      campaignId: assignments.campaignId,
      status: assignments.status,
      firstOpenedAt: assignments.firstOpenedAt,
      submittedAt: assignments.submittedAt,
      dueDate: assignments.dueDate,
      tokenExpiresAt: assignments.tokenExpiresAt,
      sentAt: assignments.sentAt,
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      supplierCountry: suppliers.country,
      recipientEmail: assignments.recipientEmail,
      language: assignments.language,
    })
    .from(assignments)
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .where(and(eq(assignments.organizationId, ctx.organizationId), where))
    .orderBy(asc(suppliers.name), asc(assignments.id))
    .all();
}

function summarise(rows: StatusRow[], now: Date) {
  const counts = emptyCounts();
  const derived = rows.map((r) => {
    const s = deriveSupplierStatus(r, now);
    counts[s]++;
    return { ...r, derived: s };
  });
  return { counts, rate: responseRate(counts), derived };
}

const PAGE = 100;

/** The campaign dashboard: progress, response rate, counts by status, overdue suppliers, one page of rows. */
export function getCampaign(
  ctx: Ctx,
  campaignId: string,
  opts: { status?: SupplierCampaignStatus | null; page?: number } = {},
) {
  const c = findCampaign(db(), ctx, campaignId);
  const now = nowOf(ctx);
  const { counts, rate, derived } = summarise(statusRows(ctx, eq(assignments.campaignId, c.id)), now);
  const filtered = opts.status ? derived.filter((r) => r.derived === opts.status) : derived;
  const page = Math.max(1, opts.page ?? 1);
  const toView = (r: (typeof derived)[number]) => ({
    assignmentId: r.assignmentId,
    supplierId: r.supplierId,
    supplierName: r.supplierName,
    supplierCountry: r.supplierCountry,
    recipientEmail: r.recipientEmail,
    language: r.language,
    status: r.derived,
    sentAt: r.sentAt.toISOString(),
    firstOpenedAt: r.firstOpenedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    canResend: ["sent", "opened", "in_progress", "returned", "overdue", "expired"].includes(r.derived),
    canRevoke: ["sent", "in_progress", "returned"].includes(r.status),
  });
  return {
    campaign: {
      id: c.id,
      name: c.name,
      templateTitle: c.templateTitle,
      templateVersion: c.templateVersion,
      questionCount: c.questionCount,
      dueDate: c.dueDate,
      reminderDaysBefore: c.reminderDaysBefore,
      overdueEveryDays: c.overdueEveryDays,
      languageMode: c.languageMode,
      audience: c.audience,
      status: c.status,
      total: c.total,
      queued: c.queued,
      createdAt: c.createdAt.toISOString(),
      completedAt: c.completedAt?.toISOString() ?? null,
      linkExpiresAt: c.linkExpiresAt.toISOString(),
    },
    counts,
    rate,
    overdue: derived
      .filter((r) => r.derived === "overdue")
      .slice(0, 20)
      .map(toView),
    rows: filtered.slice((page - 1) * PAGE, page * PAGE).map(toView),
    filteredTotal: filtered.length,
    page,
    pageCount: Math.max(1, Math.ceil(filtered.length / PAGE)),
  };
}

/** Every campaign of the tenant with its response rate, and the overview across all of them. */
export function listCampaigns(ctx: Ctx) {
  const now = nowOf(ctx);
  const list = db()
    .select()
    .from(campaigns)
    .where(eq(campaigns.organizationId, ctx.organizationId))
    .orderBy(desc(campaigns.createdAt))
    .all();
  const rows = statusRows(ctx, sql`${assignments.campaignId} IS NOT NULL`);
  const all = summarise(rows, now);
  const byCampaign = new Map<string, StatusRow[]>();
  for (const r of rows) byCampaign.set(r.campaignId!, [...(byCampaign.get(r.campaignId!) ?? []), r]);
  const campaignNames = new Map(list.map((c) => [c.id, c.name]));
  return {
    campaigns: list.map((c) => {
      const s = summarise(byCampaign.get(c.id) ?? [], now);
      return {
        id: c.id,
        name: c.name,
        templateTitle: c.templateTitle,
        dueDate: c.dueDate,
        status: c.status,
        total: c.total,
        queued: c.queued,
        createdAt: c.createdAt.toISOString(),
        counts: s.counts,
        rate: s.rate,
      };
    }),
    overview: {
      counts: all.counts,
      rate: all.rate,
      overdue: all.derived
        .filter((r) => r.derived === "overdue")
        .slice(0, 25)
        .map((r) => ({
          assignmentId: r.assignmentId,
          supplierName: r.supplierName,
          supplierCountry: r.supplierCountry,
          dueDate: r.dueDate,
          campaignId: r.campaignId!,
          campaignName: campaignNames.get(r.campaignId!) ?? "",
        })),
      overdueTotal: all.counts.overdue,
    },
  };
}

export function parseStatusFilter(v: string | null): SupplierCampaignStatus | null {
  return v && (SUPPLIER_CAMPAIGN_STATUSES as readonly string[]).includes(v)
    ? (v as SupplierCampaignStatus)
    : null;
}

// ---------------------------------------------------------------------------------------------------------
// Per-supplier actions
// ---------------------------------------------------------------------------------------------------------

/** The assignment must belong to this campaign of this tenant: anything else is 404. */
export function assertInCampaign(ctx: Ctx, campaignId: string, assignmentId: string): void {
  findCampaign(db(), ctx, campaignId);
  const row = db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.id, assignmentId),
        eq(assignments.organizationId, ctx.organizationId),
        eq(assignments.campaignId, campaignId),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("Questionnaire not found");
}

export async function resendCampaignAssignment(ctx: Ctx, campaignId: string, assignmentId: string) {
  assertInCampaign(ctx, campaignId, assignmentId);
  await resendAssignment(ctx, assignmentId);
}

export const supplierActionSchema = z.object({
  intent: z.enum(["resend", "revoke"], "Unknown action."),
  assignmentId: z.string().min(1, "Choose a supplier."),
});

/** Countries the tenant's suppliers are in, for the filter. */
export function audienceCountries(ctx: Ctx): string[] {
  return db()
    .selectDistinct({ country: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.country))
    .all()
    .map((r) => r.country);
}

export function revokeCampaignAssignment(ctx: Ctx, campaignId: string, assignmentId: string): void {
  assertInCampaign(ctx, campaignId, assignmentId);
  revokeAssignment(ctx, assignmentId);
}

/** Recipients still waiting for their assignment (the send job's work list). */
export function pendingRecipientCount(campaignId: string): number {
  return (
    db()
      .select({ n: count() })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), isNull(campaignRecipients.assignmentId)))
      .get()?.n ?? 0
  );
}

export function organizationName(tx: DbOrTx, organizationId: string): string {
  return (
    tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get()?.name ?? "Your customer"
  );
}
