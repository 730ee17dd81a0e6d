import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { refreshSupplierRisk } from "~/risk/risk.server";
import { countryName } from "~/suppliers/countries";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { importJobs, importMappings, importRowErrors, sites, suppliers } from "~db/schema";
import { csvErrorMessage, readCsv } from "../csv-read.server";
import {
  createImportJob,
  kindSignature,
  loadJob,
  PREVIEW_ROWS,
  summary,
  type ImportJobSummary,
  type JobRow,
} from "../imports.server";
import { jobFilePath } from "../runner.server";
import type { ReceivedUpload } from "../upload.server";
import {
  sanitiseSiteMapping,
  SITE_FIELDS,
  siteMappingErrors,
  suggestSiteMapping,
  type SiteField,
  type SiteMapping,
} from "./mapping";
import { parseSiteRow, type ParsedSiteRow, type SiteValues } from "./rows.server";

/**
 * A sites file commits in one transaction in the request that starts it (sites, their audit rows, the
 * row errors, the rescore of every supplier whose sites changed), so it is capped well below the supplier
 * import's background limit: a larger file would hold the write lock for too long.
 */
export const SITE_IMPORT_MAX_ROWS = 20_000;

export async function createSiteImportJob(ctx: Ctx, upload: ReceivedUpload): Promise<{ id: string }> {
  if (upload.approxRows > SITE_IMPORT_MAX_ROWS) {
    const message = `A sites file can have up to ${SITE_IMPORT_MAX_ROWS.toLocaleString("en")} rows; split this one.`;
    throw new ValidationError({ file: message }, message);
  }
  return createImportJob(ctx, upload, { kind: "sites", suggest: suggestSiteMapping, rows: "sites" });
}

export function listSiteImportJobs(ctx: Ctx, limit = 50) {
  return db()
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.organizationId, ctx.organizationId), eq(importJobs.kind, "sites")))
    .orderBy(importJobs.createdAt)
    .all()
    .reverse()
    .slice(0, limit)
    .map(summary);
}

export type SitePreviewRow = {
  line: number;
  /** Field → the value as it will be stored, for mapped fields. */
  mapped: Partial<Record<SiteField, string>>;
  supplier: { id: string; name: string } | null;
  action: "create" | "update" | null;
  errors: string[];
};

export type SiteImportDetail = ImportJobSummary & {
  headers: string[];
  delimiter: string;
  mapping: SiteMapping;
  preview: SitePreviewRow[];
  errorSample: { line: number; message: string }[];
};

type SupplierRef = { id: string; name: string };

/** The organisation's suppliers by external reference, for the refs a batch of rows names. */
function suppliersByRef(organizationId: string, refs: readonly string[]): Map<string, SupplierRef> {
  const out = new Map<string, SupplierRef>();
  const unique = [...new Set(refs.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 500) {
    for (const s of db()
      .select({ id: suppliers.id, name: suppliers.name, ref: suppliers.externalRef })
      .from(suppliers)
      .where(
        and(
          eq(suppliers.organizationId, organizationId),
          inArray(suppliers.externalRef, unique.slice(i, i + 500)),
        ),
      )
      .all())
      if (s.ref) out.set(s.ref, { id: s.id, name: s.name });
  }
  return out;
}

/** A site is the same site when its supplier has one of that name (case and spacing aside). */
const siteKey = (supplierId: string, name: string) =>
  `${supplierId}\u0000${name.trim().replace(/\s+/g, " ").toLowerCase()}`;

function existingSites(organizationId: string, supplierIds: readonly string[]) {
  const out = new Map<string, typeof sites.$inferSelect>();
  const unique = [...new Set(supplierIds)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const s of db()
      .select()
      .from(sites)
      .where(
        and(eq(sites.organizationId, organizationId), inArray(sites.supplierId, unique.slice(i, i + 500))),
      )
      .all())
      out.set(siteKey(s.supplierId, s.name), s);
  }
  return out;
}

function describe(field: SiteField, v: SiteValues, ref: string): string {
  const show = (x: unknown) =>
    x === null || x === undefined ? "" : typeof x === "boolean" ? (x ? "yes" : "no") : String(x);
  switch (field) {
    case "supplier_ref":
      return ref;
    case "site_name":
      return v.name;
    case "country":
      return `${countryName(v.country)} (${v.country})`;
    case "address":
      return show(v.address);
    case "latitude":
      return show(v.latitude);
    case "longitude":
      return show(v.longitude);
    case "workers_total":
      return show(v.workersTotal);
    case "migrant_workers_pct":
      return v.migrantWorkersPct === null ? "" : `${v.migrantWorkersPct} %`;
    case "agency_workers_pct":
      return v.agencyWorkersPct === null ? "" : `${v.agencyWorkersPct} %`;
    case "housing":
      return show(v.dormitories);
    case "seasonal_work":
      return show(v.seasonalWork);
    case "xinjiang_nexus":
      return show(v.xinjiangNexus);
  }
}

/** Every data row of the file, parsed; the supplier each names (or an error saying it is unknown). */
async function readRows(job: JobRow, mapping: SiteMapping, limit = Infinity) {
  const rows: { rowNumber: number; line: number; parsed: ParsedSiteRow }[] = [];
  reading: for await (const chunk of readCsv(jobFilePath(job), job.delimiter)) {
    for (const rec of chunk) {
      if (rec.rowNumber === 0) continue;
      rows.push({ rowNumber: rec.rowNumber, line: rec.line, parsed: parseSiteRow(rec.cells, mapping) });
      if (rows.length >= limit) break reading;
    }
  }
  const byRef = suppliersByRef(
    job.organizationId,
    rows.map((r) => r.parsed.supplierRef),
  );
  return rows.map((r) => {
    const supplier = r.parsed.supplierRef ? (byRef.get(r.parsed.supplierRef) ?? null) : null;
    const errors = [...r.parsed.errors];
    if (r.parsed.supplierRef && !supplier)
      errors.push(
        `No supplier has the reference "${r.parsed.supplierRef}" (import or add the supplier first).`,
      );
    return { ...r, supplier, errors };
  });
}

export async function getSiteImport(ctx: Ctx, jobId: string): Promise<SiteImportDetail> {
  const job = loadJob(ctx, jobId, "sites");
  const mapping = sanitiseSiteMapping(job.mapping, job.headers.length);
  let preview: SitePreviewRow[] = [];
  if (job.status === "mapping") {
    try {
      const rows = await readRows(job, mapping, PREVIEW_ROWS);
      const existing = existingSites(
        ctx.organizationId,
        rows.flatMap((r) => (r.supplier ? [r.supplier.id] : [])),
      );
      preview = rows.map((r) => {
        const mapped: SitePreviewRow["mapped"] = {};
        const site = r.errors.length ? null : r.parsed.site;
        if (site)
          for (const f of SITE_FIELDS)
            if (mapping[f] !== undefined) mapped[f] = describe(f, site, r.parsed.supplierRef);
        return {
          line: r.line,
          mapped,
          supplier: r.supplier,
          action:
            site && r.supplier
              ? existing.has(siteKey(r.supplier.id, site.name))
                ? "update"
                : "create"
              : null,
          errors: r.errors,
        };
      });
    } catch (err) {
      if (!csvErrorMessage(err)) throw err;
    }
  }
  const errorSample = db()
    .select({ line: importRowErrors.line, message: importRowErrors.message })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.jobId, job.id), eq(importRowErrors.organizationId, ctx.organizationId)))
    .orderBy(importRowErrors.rowNumber)
    .limit(20)
    .all();
  return { ...summary(job), headers: job.headers, delimiter: job.delimiter, mapping, preview, errorSample };
}

export const siteImportFormSchema = z.object({
  intent: z.enum(["preview", "commit"], { error: "Unknown action." }),
  ...Object.fromEntries(SITE_FIELDS.map((f) => [f, z.string().max(6).optional()])),
}) as z.ZodType<{ intent: "preview" | "commit" } & Record<string, string | undefined>>;

function mappingFromForm(form: Record<string, string | undefined>, headerCount: number): SiteMapping {
  const raw: Record<string, number> = {};
  for (const field of SITE_FIELDS) {
    const v = form[field];
    if (v !== undefined && v !== "" && /^\d+$/.test(v)) raw[field] = Number(v);
  }
  return sanitiseSiteMapping(raw, headerCount);
}

/** Save the mapping as a draft (the preview follows it). */
export function saveSiteMapping(
  ctx: Ctx,
  input: { jobId: string; form: Record<string, string | undefined> },
): void {
  const job = loadJob(ctx, input.jobId, "sites");
  if (job.status !== "mapping") throw new ConflictError("This import has already been committed.");
  const mapping = mappingFromForm(input.form, job.headers.length);
  writeTx((tx) => {
    tx.update(importJobs)
      .set({ mapping, updatedAt: nowOf(ctx) })
      .where(
        and(
          eq(importJobs.id, job.id),
          eq(importJobs.organizationId, ctx.organizationId),
          eq(importJobs.status, "mapping"),
        ),
      )
      .run();
  });
}

export type SiteImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  rescored: number;
};

const COMPARED: (keyof SiteValues)[] = [
  "name",
  "address",
  "country",
  "latitude",
  "longitude",
  "workersTotal",
  "migrantWorkersPct",
  "agencyWorkersPct",
  "dormitories",
  "seasonalWork",
  "xinjiangNexus",
];

/**
 * Import the file's sites: the file is read and checked first, then one transaction writes every valid
 * row (a new site, or the mapped columns of the supplier's site of that name), the row errors, an audit
 * row per site written and one for the import, remembers the mapping, rescores each supplier whose sites
 * changed (with upstream exposure) and marks the job done. A row naming the same site as an earlier row of
 * the file updates it again (the later row wins), as a re-import would.
 */
export async function commitSiteImport(
  ctx: Ctx,
  input: { jobId: string; form: Record<string, string | undefined> },
): Promise<SiteImportResult> {
  const job = loadJob(ctx, input.jobId, "sites");
  if (job.status !== "mapping") throw new ConflictError("This import has already been committed.");
  const mapping = mappingFromForm(input.form, job.headers.length);
  const mappingIssues = siteMappingErrors(mapping, job.headers);
  if (Object.keys(mappingIssues).length)
    throw new ValidationError(mappingIssues, "Choose a column for each required field.");
  let rows: Awaited<ReturnType<typeof readRows>>;
  try {
    rows = await readRows(job, mapping);
  } catch (err) {
    const message = csvErrorMessage(err);
    if (message) throw new ValidationError({ file: message }, message);
    throw err;
  }

  const result = writeTx((tx) => {
    const now = nowOf(ctx);
    const claimed = tx
      .update(importJobs)
      .set({ mapping, status: "running", startedAt: now, updatedAt: now })
      .where(
        and(
          eq(importJobs.id, job.id),
          eq(importJobs.organizationId, ctx.organizationId),
          eq(importJobs.status, "mapping"),
        ),
      )
      .returning({ id: importJobs.id })
      .get();
    if (!claimed) throw new ConflictError("This import has already been committed.");
    const existing = existingSites(
      ctx.organizationId,
      rows.flatMap((r) => (r.supplier ? [r.supplier.id] : [])),
    );
    const counts = { created: 0, updated: 0, unchanged: 0, errors: 0, rescored: 0 };
    const touched = new Set<string>();
    for (const r of rows) {
      const site = r.parsed.site;
      if (r.errors.length || !site || !r.supplier) {
        counts.errors++;
        for (const message of r.errors)
          tx.insert(importRowErrors)
            .values({
              organizationId: ctx.organizationId,
              jobId: job.id,
              rowNumber: r.rowNumber,
              line: r.line,
              message,
            })
            .run();
        continue;
      }
      const key = siteKey(r.supplier.id, site.name);
      const before = existing.get(key);
      if (!before) {
        const row = tx
          .insert(sites)
          .values({
            organizationId: ctx.organizationId,
            supplierId: r.supplier.id,
            ...site,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        existing.set(key, row);
        recordAudit(tx, ctx, {
          action: "site.created",
          entityType: "site",
          entityId: row.id,
          details: { supplierId: r.supplier.id, importId: job.id, line: r.line, ...site },
        });
        counts.created++;
        touched.add(r.supplier.id);
        continue;
      }
      // Only the columns the file maps; the site's other facts stay as recorded.
      const set: Record<string, unknown> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const column of COMPARED) {
        if (column !== "name" && !r.parsed.mapped.includes(column)) continue;
        const to = site[column];
        const from = before[column as keyof typeof before];
        if ((from ?? null) !== (to ?? null)) {
          set[column] = to;
          changes[column] = { from: from ?? null, to: to ?? null };
        }
      }
      if (!Object.keys(set).length) {
        counts.unchanged++;
        continue;
      }
      const row = tx
        .update(sites)
        .set({ ...set, updatedAt: now })
        .where(and(eq(sites.id, before.id), eq(sites.organizationId, ctx.organizationId)))
        .returning()
        .get();
      existing.set(key, row);
      recordAudit(tx, ctx, {
        action: "site.updated",
        entityType: "site",
        entityId: before.id,
        details: { supplierId: r.supplier.id, importId: job.id, line: r.line, ...changes },
      });
      counts.updated++;
      touched.add(r.supplier.id);
    }
    // The sites' workforce and places feed each supplier's inherent risk (and its buyers' exposure).
    for (const supplierId of touched)
      if (refreshSupplierRisk(tx, ctx, supplierId, "import.sites")) counts.rescored++;
    tx.update(importJobs)
      .set({
        status: "done",
        processedRows: rows.length,
        totalRows: rows.length,
        createdCount: counts.created,
        updatedCount: counts.updated,
        unchangedCount: counts.unchanged,
        errorCount: counts.errors,
        finishedAt: now,
        updatedAt: now,
      })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.organizationId, ctx.organizationId)))
      .run();
    tx.insert(importMappings)
      .values({
        organizationId: ctx.organizationId,
        signature: kindSignature("sites", job.headers),
        mapping,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [importMappings.organizationId, importMappings.signature],
        set: { mapping, updatedAt: now },
      })
      .run();
    recordAudit(tx, ctx, {
      action: "import.sites_committed",
      entityType: "import",
      entityId: job.id,
      details: { fileName: job.fileName, mapping, rows: rows.length, ...counts },
    });
    return counts;
  });
  invalidateSupplierCounts(ctx.organizationId);
  return result;
}
