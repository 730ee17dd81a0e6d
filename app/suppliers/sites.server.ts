import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx, type Tx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { parseInput, requiredChoice } from "~/infra/validation";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { sites, suppliers } from "~db/schema";
import { COUNTRY_CODES } from "./countries";

/** "" → null, else a number within bounds; forms send strings, code may send numbers. */
const optionalNumber = (opts: { min: number; max: number; int?: boolean; message: string }) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, c) => {
      if (v === null || v === undefined) return null;
      const t = typeof v === "number" ? v : v.trim() === "" ? null : Number(v.trim().replace(/[\s,]/g, ""));
      if (t === null) return null;
      if (!Number.isFinite(t) || t < opts.min || t > opts.max || (opts.int && !Number.isInteger(t))) {
        c.addIssue({ code: "custom", message: opts.message });
        return z.NEVER;
      }
      return t;
    });

export const siteSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the site's name.").max(200, "Keep the name under 200 characters."),
    address: z
      .string()
      .trim()
      .max(500, "Keep the address under 500 characters.")
      .nullish()
      .transform((v) => (v ? v : null)),
    country: requiredChoice(COUNTRY_CODES, "Choose a country from the list.", { upperCase: true }),
    latitude: optionalNumber({ min: -90, max: 90, message: "Latitude is a number from -90 to 90." }),
    longitude: optionalNumber({ min: -180, max: 180, message: "Longitude is a number from -180 to 180." }),
    workersTotal: optionalNumber({
      min: 0,
      max: 10_000_000,
      int: true,
      message: "Enter a whole number of workers.",
    }),
    migrantWorkersPct: optionalNumber({ min: 0, max: 100, message: "Enter a share from 0 to 100 %." }),
    agencyWorkersPct: optionalNumber({ min: 0, max: 100, message: "Enter a share from 0 to 100 %." }),
    dormitories: z
      .union([z.boolean(), z.enum(["", "yes", "no", "true", "false"])])
      .nullish()
      .transform((v) =>
        v === true || v === "yes" || v === "true"
          ? true
          : v === false || v === "no" || v === "false"
            ? false
            : null,
      ),
    seasonalWork: z
      .union([z.boolean(), z.enum(["", "yes", "no", "true", "false"])])
      .nullish()
      .transform((v) =>
        v === true || v === "yes" || v === "true"
          ? true
          : v === false || v === "no" || v === "false"
            ? false
            : null,
      ),
    xinjiangNexus: z
      .union([z.boolean(), z.string()])
      .nullish()
      .transform((v) => v === true || v === "on" || v === "yes" || v === "true"),
  })
  .superRefine((v, c) => {
    // A point needs both coordinates; one alone would put the site on the equator or the meridian.
    if ((v.latitude === null) !== (v.longitude === null)) {
      const missing = v.latitude === null ? "latitude" : "longitude";
      c.addIssue({
        code: "custom",
        path: [missing],
        message: "Enter both latitude and longitude, or neither.",
      });
    }
  });

export type SiteInput = {
  name: string;
  address?: string | null;
  country: string;
  latitude?: string | number | null;
  longitude?: string | number | null;
  workersTotal?: string | number | null;
  migrantWorkersPct?: string | number | null;
  agencyWorkersPct?: string | number | null;
  dormitories?: string | boolean | null;
  seasonalWork?: string | boolean | null;
  xinjiangNexus?: string | boolean | null;
};

function parseSite(input: SiteInput) {
  return parseInput(siteSchema, input);
}

function fieldChanges<T extends Record<string, unknown>>(before: Record<string, unknown>, after: T) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after))
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null))
      out[k] = { from: before[k] ?? null, to: v ?? null };
  return out;
}

function ownSite(tx: Tx, ctx: Ctx, siteId: string) {
  const s = tx
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, ctx.organizationId)))
    .get();
  if (!s) throw new NotFoundError("Site not found");
  return s;
}

export function createSite(ctx: Ctx, supplierId: string, input: SiteInput): { id: string } {
  const v = parseSite(input);
  return writeTx((tx) => {
    const row = insertSite(tx, ctx, supplierId, v);
    // The site's workforce and location feed the supplier's inherent risk.
    recomputeSupplierRisk(tx, ctx, supplierId, "site.created");
    return row;
  });
}

/**
 * A new site on the supplier and its audit-log row, in the caller's transaction (another verb that adds a
 * site on the way, such as recording an audit of a site not yet on file); the risk is the caller's to
 * rescore. Values are parsed by `siteSchema`.
 */
export function insertSite(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  v: z.output<typeof siteSchema>,
): { id: string; name: string } {
  const supplier = tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");
  const now = nowOf(ctx);
  const row = tx
    .insert(sites)
    .values({ organizationId: ctx.organizationId, supplierId, ...v, createdAt: now, updatedAt: now })
    .returning({ id: sites.id, name: sites.name })
    .get();
  recordAudit(tx, ctx, {
    action: "site.created",
    entityType: "site",
    entityId: row.id,
    details: { supplierId, ...v },
  });
  return row;
}

/** The demo seed's way to name a supplier's recorded site: its id by name, null when it has none such. */
export function demoSiteId(ctx: Ctx, supplierId: string, name: string | undefined): string | null {
  if (!name) return null;
  return listSupplierSites(ctx, [supplierId]).find((s) => s.name === name)?.id ?? null;
}

/** The supplier's sites for a picker (an audit's site): id, name, country, in name order. */
export function listSupplierSites(
  ctx: Ctx,
  supplierIds?: string[],
): { id: string; supplierId: string; name: string; country: string }[] {
  return db()
    .select({ id: sites.id, supplierId: sites.supplierId, name: sites.name, country: sites.country })
    .from(sites)
    .where(
      supplierIds
        ? and(eq(sites.organizationId, ctx.organizationId), inArray(sites.supplierId, supplierIds))
        : eq(sites.organizationId, ctx.organizationId),
    )
    .orderBy(asc(sites.name))
    .all();
}

export function updateSite(ctx: Ctx, siteId: string, input: SiteInput): void {
  const v = parseSite(input);
  writeTx((tx) => {
    const before = ownSite(tx, ctx, siteId);
    tx.update(sites)
      .set({ ...v, updatedAt: nowOf(ctx) })
      .where(and(eq(sites.id, siteId), eq(sites.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "site.updated",
      entityType: "site",
      entityId: siteId,
      // What changed, before → after (the audit log page shows it as a diff).
      details: { supplierId: before.supplierId, ...fieldChanges(before, v) },
    });
    recomputeSupplierRisk(tx, ctx, before.supplierId, "site.updated");
  });
}

export function deleteSite(ctx: Ctx, siteId: string): { supplierId: string } {
  return writeTx((tx) => {
    const before = ownSite(tx, ctx, siteId);
    tx.delete(sites)
      .where(and(eq(sites.id, siteId), eq(sites.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "site.deleted",
      entityType: "site",
      entityId: siteId,
      details: { supplierId: before.supplierId, name: before.name, country: before.country },
    });
    recomputeSupplierRisk(tx, ctx, before.supplierId, "site.deleted");
    return { supplierId: before.supplierId };
  });
}
