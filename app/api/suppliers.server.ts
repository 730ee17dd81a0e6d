import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { COUNTRY_CODES } from "~/suppliers/countries";
import { SORT_KEYS } from "~/suppliers/list-options";
import { listSuppliers, type SupplierFilter } from "~/suppliers/list.server";
import { SECTORS } from "~/suppliers/sectors";
import {
  createSupplier,
  createSupplierSchema,
  getSupplierDetail,
  profileFields,
  updateSupplier,
} from "~/suppliers/suppliers.server";
import { RISK_COVERAGE, RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import { defineOperation, ok } from "./operation";
import { ApiProblem } from "./problem";
import { problemResponses } from "./responses";
import { supplierPageSchema, supplierSchema } from "./schemas";

/** The supplier operations: the list page's filters, the profile page's reads, the forms' verbs. */

export const API_PAGE_MAX = 100;
const API_PAGE_DEFAULT = 50;

export const supplierIdParams = z.strictObject({
  supplierId: z.string().min(1).max(64).meta({ description: "The supplier's id" }),
});

export const supplierListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Search in name, trade name, reference" }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.includes(v), "Use an ISO 3166-1 alpha-2 country code.")
    .optional(),
  tier: z.coerce.number().int().min(1).max(50).optional(),
  level: z.enum(RISK_LEVELS).optional().meta({ description: "Risk level (residual)" }),
  coverage: z.enum(RISK_COVERAGE).optional(),
  inherent: z.enum(RISK_LEVELS).optional().meta({ description: "Level band of the inherent score" }),
  residual: z.enum(RISK_LEVELS).optional().meta({ description: "Level band of the residual score" }),
  exposed: z
    .enum(["1"])
    .optional()
    .meta({ description: "Only suppliers with upstream exposure above their own score" }),
  status: z.enum(SUPPLIER_STATUSES).optional(),
  sector: z.enum(SECTORS).optional(),
  goods: z.string().trim().min(1).max(100).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  cursor: z.string().max(800).optional().meta({ description: "`nextCursor` of the previous page" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(API_PAGE_MAX)
    .optional()
    .meta({ description: `1–${API_PAGE_MAX}, default ${API_PAGE_DEFAULT}` }),
});
type ListQuery = z.infer<typeof supplierListQuery>;

/**
 * The API cursor wraps the list's own keyset cursor and the total of the first page, so deeper pages
 * neither re-count nor depend on the UI's URL format. It is bound to the filters that made it.
 */
const apiCursor = z.tuple([z.string(), z.number().int().min(0), z.string()]);

function filtersKey(q: ListQuery): string {
  const { cursor: _c, limit: _l, ...filters } = q;
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
}

/** The cursor of a page that continues after the list cursor `after` (the next page's `nextCursor`). */
export function encodeApiCursor(query: ListQuery, after: string, total: number): string {
  return Buffer.from(JSON.stringify([after, total, filtersKey(query)]), "utf8").toString("base64url");
}

function readCursor(q: ListQuery): { after: string; count: number } | undefined {
  if (!q.cursor) return undefined;
  try {
    const parsed = apiCursor.safeParse(JSON.parse(Buffer.from(q.cursor, "base64url").toString("utf8")));
    if (parsed.success && parsed.data[2] === filtersKey(q))
      return { after: parsed.data[0], count: parsed.data[1] };
  } catch {
    // fall through to the problem below
  }
  throw new ApiProblem(400, "validation", "The cursor is not one this list gave out for these filters.", {
    errors: { cursor: "Pass the nextCursor of the previous page, with the same filters." },
  });
}

const listSuppliersOp = defineOperation({
  id: "listSuppliers",
  method: "get",
  path: "/suppliers",
  tag: "Suppliers",
  summary: "List suppliers",
  description:
    "The supplier list with the same search, filters and sort as the Suppliers page, in pages of up to 100, by cursor (keyset pagination: every page costs the same).",
  scope: "suppliers:read",
  query: supplierListQuery,
  responses: {
    200: { description: "One page of suppliers", schema: supplierPageSchema },
    ...problemResponses(400),
  },
  handler: ({ ctx, query }) => {
    const cursor = readCursor(query);
    const { cursor: _c, limit, ...filters } = query;
    const filter: SupplierFilter = { ...filters, after: cursor?.after, count: cursor?.count };
    const page = listSuppliers(ctx, filter, limit ?? API_PAGE_DEFAULT);
    const nextCursor = page.next ? encodeApiCursor(query, page.next, page.total) : null;
    return ok({ data: page.rows, total: page.total, nextCursor });
  },
});

/** The supplier as the API shows it: the profile with contacts, sites and links. */
export function supplierResource(ctx: Ctx, supplierId: string) {
  const d = getSupplierDetail(ctx, supplierId);
  const s = d.supplier;
  return {
    id: s.id,
    name: s.name,
    tradeName: s.tradeName,
    externalRef: s.externalRef,
    country: s.country,
    countryName: s.countryName,
    address: s.address,
    sector: s.sector,
    goods: s.goods,
    tier: s.tier,
    status: s.status,
    annualSpend: s.annualSpend,
    currency: s.currency,
    tags: s.tags,
    xinjiangNexus: s.xinjiangNexus,
    riskScore: s.riskScore,
    riskLevel: s.riskLevel,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    contacts: d.contacts,
    sites: d.sites,
    links: { direct: d.direct, parents: d.parents, children: d.children },
  };
}

const getSupplierOp = defineOperation({
  id: "getSupplier",
  method: "get",
  path: "/suppliers/{supplierId}",
  tag: "Suppliers",
  summary: "Get a supplier with its contacts, sites and links",
  scope: "suppliers:read",
  params: supplierIdParams,
  responses: { 200: { description: "The supplier", schema: supplierSchema }, ...problemResponses(404) },
  handler: ({ ctx, params }) => ok(supplierResource(ctx, params.supplierId)),
});

/** The create body is the New supplier form's schema, as JSON (keys it does not know are ignored). */
export const createSupplierBody = createSupplierSchema;

const createSupplierOp = defineOperation({
  id: "createSupplier",
  method: "post",
  path: "/suppliers",
  tag: "Suppliers",
  summary: "Create a supplier",
  description:
    "Creates the supplier with its primary contact, directly under the buyer or under `parentSupplierId`, and scores it, in one transaction (the same verb as the New supplier form). Send an `Idempotency-Key` header to make retries safe: the same key and body answer the stored response; the same key with another body is refused (422).",
  scope: "suppliers:write",
  body: createSupplierBody,
  idempotent: true,
  responses: {
    201: { description: "Created", schema: supplierSchema },
    ...problemResponses(400, 404, 422),
  },
  handler: ({ ctx, raw }) => {
    const created = createSupplier(ctx, raw as Parameters<typeof createSupplier>[1]);
    return ok(supplierResource(ctx, created.id), 201);
  },
});

export const updateSupplierBody = z
  .strictObject(profileFields)
  .partial()
  .meta({ description: "Only the fields to change; the others keep their values." });

const PROFILE_KEYS = Object.keys(profileFields) as (keyof typeof profileFields)[];

const updateSupplierOp = defineOperation({
  id: "updateSupplier",
  method: "patch",
  path: "/suppliers/{supplierId}",
  tag: "Suppliers",
  summary: "Update a supplier's profile",
  description:
    "Changes the fields sent and keeps the rest (the same verb as the Edit supplier form: audit-logged with before and after, rescored when country, sector, goods or the Xinjiang flag change).",
  scope: "suppliers:write",
  params: supplierIdParams,
  body: updateSupplierBody,
  responses: {
    200: { description: "The supplier after the change", schema: supplierSchema },
    ...problemResponses(400, 404),
  },
  handler: ({ ctx, params, raw }) => {
    const current = supplierResource(ctx, params.supplierId);
    const sent = raw as Record<string, unknown>;
    const merged: Record<string, unknown> = {};
    for (const key of PROFILE_KEYS) merged[key] = key in sent ? sent[key] : current[key];
    updateSupplier(ctx, params.supplierId, merged as Parameters<typeof updateSupplier>[2]);
    return ok(supplierResource(ctx, params.supplierId));
  },
});

export const SUPPLIER_OPERATIONS = [listSuppliersOp, getSupplierOp, createSupplierOp, updateSupplierOp];
