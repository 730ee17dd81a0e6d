import { z } from "zod";
import { API_SCOPES } from "~db/schema/api.constants";
import { RISK_COVERAGE, RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";

/**
 * Response shapes of the REST API. The OpenAPI document is generated from these (and from the request
 * schemas the routes parse with), and the contract test validates every live answer against them, so a
 * field added to an answer without being documented fails the tests. Strict objects: no extra keys.
 */

const isoDateTime = z.string().meta({ format: "date-time", example: "2026-01-31T09:30:00.000Z" });
const isoDate = z.string().meta({ format: "date", example: "2026-01-31" });
const id = z.string().meta({ description: "Opaque id", example: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b" });
const level = z.enum(RISK_LEVELS);

export const problemSchema = z
  .strictObject({
    type: z.string().meta({ example: "/api/v1/problems/validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "One message per field, keyed by the field's path (e.g. `country`)." }),
    missingScope: z.enum([...API_SCOPES]).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const supplierListItemSchema = z
  .strictObject({
    id,
    name: z.string(),
    tradeName: z.string().nullable(),
    externalRef: z
      .string()
      .nullable()
      .meta({ description: "Your own reference (e.g. the ERP vendor number)." }),
    country: z.string().meta({ description: "ISO 3166-1 alpha-2", example: "VN" }),
    countryName: z.string(),
    sector: z.string(),
    tier: z.number().int().meta({ description: "1 = direct supplier; 2 = supplier of a tier-1 supplier …" }),
    status: z.enum(SUPPLIER_STATUSES),
    riskScore: z.number().nullable().meta({ description: "Residual score 0–100; null when not yet scored." }),
    riskLevel: level.nullable(),
    inherentScore: z.number().nullable(),
    residualScore: z.number().nullable(),
    coverage: z.enum(RISK_COVERAGE).nullable(),
    exposureScore: z.number().nullable().meta({ description: "Upstream exposure from sub-suppliers." }),
    overrideLevel: level.nullable().meta({ description: "An approved override in force today." }),
    overrideExpiresOn: isoDate.nullable(),
    annualSpend: z.number().nullable(),
    currency: z.string().nullable(),
    tags: z.array(z.string()),
    updatedAt: isoDateTime,
  })
  .meta({ id: "SupplierListItem" });

export const supplierPageSchema = z
  .strictObject({
    data: z.array(supplierListItemSchema),
    total: z.number().int().meta({ description: "Suppliers matching the filters (all pages)." }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "SupplierPage" });

const contactSchema = z.strictObject({
  id: id.nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  language: z.string().nullable().meta({ description: "Language questionnaires are sent in (BCP 47)." }),
  isPrimary: z.boolean(),
});

const siteSchema = z.strictObject({
  id,
  name: z.string(),
  address: z.string().nullable(),
  country: z.string(),
  countryName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  workersTotal: z.number().int().nullable(),
  migrantWorkersPct: z.number().nullable(),
  agencyWorkersPct: z.number().nullable(),
  dormitories: z.boolean().nullable(),
  seasonalWork: z.boolean().nullable(),
  xinjiangNexus: z.boolean(),
});

export const supplierSchema = z
  .strictObject({
    id,
    name: z.string(),
    tradeName: z.string().nullable(),
    externalRef: z.string().nullable(),
    country: z.string(),
    countryName: z.string(),
    address: z.string().nullable(),
    sector: z.string(),
    goods: z.array(z.string()),
    tier: z.number().int(),
    status: z.enum(SUPPLIER_STATUSES),
    annualSpend: z.number().nullable(),
    currency: z.string().nullable(),
    tags: z.array(z.string()),
    xinjiangNexus: z.boolean(),
    riskScore: z.number().nullable(),
    riskLevel: level.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    contacts: z.array(contactSchema).meta({ description: "Primary contact first." }),
    sites: z.array(siteSchema),
    links: z.strictObject({
      direct: z.boolean().meta({ description: "Supplies the buyer directly (tier 1 link)." }),
      parents: z.array(z.strictObject({ id, name: z.string(), tier: z.number().int() })),
      children: z.array(
        z.strictObject({
          id,
          name: z.string(),
          tier: z.number().int(),
          countryName: z.string(),
          riskLevel: level.nullable(),
        }),
      ),
    }),
  })
  .meta({ id: "Supplier" });
