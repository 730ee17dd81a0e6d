import { and, count, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { exposureText, type Exposure } from "~/risk/exposure";
import { COUNTRY_CODES, countryName } from "~/suppliers/countries";
import { organizations, supplierLinks, suppliers } from "~db/schema";
import { RISK_LEVELS, type RiskLevel } from "~db/schema/suppliers.constants";
import { BUYER_NODE_ID, GRAPH_NODE_CAP, type GraphEdge, type GraphNode, type GraphView } from "./graph-types";

/**
 * Supply-chain graphs drawn as pictures. Both stay bounded: a graph larger than GRAPH_NODE_CAP is
 * counted, not loaded, and the page explains how to narrow it.
 */

function buyerNode(ctx: Ctx): GraphNode {
  const org = db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get();
  return {
    id: BUYER_NODE_ID,
    kind: "buyer",
    column: 0,
    label: org?.name ?? "Your organisation",
    tier: 0,
    country: null,
    countryName: null,
    riskLevel: null,
    riskScore: null,
  };
}

/** The exposure worth showing on a node: only when it lifts the supplier above its own residual risk. */
function raisedBy(e: Exposure | null, residual: number | null): GraphNode["exposure"] {
  return e && e.score > (residual ?? 0) ? { score: e.score, text: exposureText(e) } : null;
}

function loadNodes(ctx: Ctx, ids: string[]): GraphNode[] {
  if (ids.length === 0) return [];
  return db()
    .select({
      id: suppliers.id,
      name: suppliers.name,
      tier: suppliers.tier,
      country: suppliers.country,
      riskLevel: suppliers.riskLevel,
      riskScore: suppliers.riskScore,
      residualScore: suppliers.residualScore,
      coverage: suppliers.coverage,
      exposurePath: suppliers.exposurePath,
    })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, ctx.organizationId), inArray(suppliers.id, ids)))
    .all()
    .map((s) => ({
      id: s.id,
      kind: "supplier" as const,
      column: s.tier,
      label: s.name,
      tier: s.tier,
      country: s.country,
      countryName: countryName(s.country),
      riskLevel: s.riskLevel,
      riskScore: s.riskScore,
      coverage: s.coverage,
      exposure: raisedBy(s.exposurePath as Exposure | null, s.residualScore),
    }));
}

/** Links among the given suppliers, plus their links to the buyer (parent NULL). */
function loadEdges(ctx: Ctx, ids: string[]): GraphEdge[] {
  if (ids.length === 0) return [];
  const inSet = new Set(ids);
  return db()
    .select({ from: supplierLinks.parentSupplierId, to: supplierLinks.childSupplierId })
    .from(supplierLinks)
    .where(
      and(eq(supplierLinks.organizationId, ctx.organizationId), inArray(supplierLinks.childSupplierId, ids)),
    )
    .all()
    .filter((e) => e.from === null || inSet.has(e.from))
    .map((e) => ({ from: e.from ?? BUYER_NODE_ID, to: e.to }));
}

function assemble(ctx: Ctx, ids: string[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = loadNodes(ctx, ids);
  const edges = loadEdges(ctx, ids);
  if (edges.some((e) => e.from === BUYER_NODE_ID)) nodes.push(buyerNode(ctx));
  return { nodes, edges };
}

// ---- One supplier ------------------------------------------------------------------------------------

export const UPSTREAM_DEPTHS = [1, 2, 3, 4] as const;
/** Parents are followed up to the buyer; this only guards against pathological chains. */
const MAX_DOWNSTREAM_DEPTH = 20;

export const supplierGraphQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(4).catch(2),
});

/**
 * Suppliers reachable from `start` along links, at most `depth` steps, at most `cap + 1` distinct ids
 * (enough to tell "too many"). UNION over (id, depth) keeps the recursion finite even on a cycle; the
 * inner LIMIT bounds the work: each id appears at most once per depth, so (cap + 1) × (depth + 1) rows
 * always contain cap + 1 distinct ids when there are that many.
 */
function reachable(ctx: Ctx, start: string, direction: "up" | "down", depth: number, cap: number): string[] {
  const [from, to] =
    direction === "down"
      ? [sql.raw("child_supplier_id"), sql.raw("parent_supplier_id")]
      : [sql.raw("parent_supplier_id"), sql.raw("child_supplier_id")];
  const rows = db().all<{ id: string }>(sql`
    with recursive walk(id, depth) as (
      select ${start}, 0
      union
      select l.${from}, walk.depth + 1
        from supplier_links l join walk on l.${to} = walk.id
       where l.organization_id = ${ctx.organizationId}
         and l.${from} is not null
         and walk.depth < ${depth}
       limit ${(cap + 1) * (depth + 1)}
    )
    select distinct id from walk limit ${cap + 1}`);
  return rows.map((r) => r.id);
}

export type SupplierGraph = {
  supplier: { id: string; name: string; tier: number };
  depth: number;
  upstreamCount: number;
  downstreamCount: number;
  view: GraphView;
};

/**
 * One supplier's picture: its parents up to the buyer (downstream) and its sub-suppliers `depth` tiers
 * deep (upstream). Another tenant's id is a 404.
 */
export function supplierGraph(ctx: Ctx, supplierId: string, input: { depth: number }): SupplierGraph {
  const supplier = db()
    .select({ id: suppliers.id, name: suppliers.name, tier: suppliers.tier })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, ctx.organizationId), eq(suppliers.id, supplierId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");

  const cap = GRAPH_NODE_CAP;
  const down = reachable(ctx, supplier.id, "up", MAX_DOWNSTREAM_DEPTH, cap);
  const up = reachable(ctx, supplier.id, "down", input.depth, cap);
  const ids = [...new Set([...down, ...up])];
  const base = {
    supplier,
    depth: input.depth,
    upstreamCount: up.length - 1,
    downstreamCount: down.length - 1,
  };
  if (ids.length > cap) {
    return { ...base, view: { status: "too-large", count: ids.length, cap, exact: false } };
  }
  return { ...base, view: { status: "ok", ...assemble(ctx, ids), focusId: supplier.id } };
}

// ---- The whole organisation ----------------------------------------------------------------------------

export const ORG_GRAPH_TIERS = [1, 2, 3, 4] as const;

export const orgGraphQuerySchema = z.object({
  /** Absent (or not a tier): the deepest tier whose graph can be drawn, see defaultTier. */
  tier: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.includes(v))
    .optional()
    .catch(undefined),
  level: z.enum(RISK_LEVELS).optional().catch(undefined),
});
export type OrgGraphQuery = z.infer<typeof orgGraphQuerySchema>;

export function parseOrgGraphQuery(params: URLSearchParams): OrgGraphQuery {
  return orgGraphQuerySchema.parse({
    tier: params.get("tier") || undefined,
    country: params.get("country") || undefined,
    level: params.get("level") || undefined,
  });
}

export type OrgGraph = {
  /** The query with its tier resolved. */
  query: OrgGraphQuery & { tier: number };
  /** Suppliers matching the query (tiers 1..tier, country, level), counted even when not drawn. */
  matching: number;
  /** Countries the organisation uses, for the filter. */
  countries: { code: string; name: string }[];
  view: GraphView;
};

/**
 * The tier the page opens at: the deepest one (up to the last offered) whose whole graph fits under the
 * cap, so a small organisation sees its full chain (a tier-3 cotton gin included) and a large one still
 * gets a picture of its first tiers. One grouped count over the (organisation, tier) index.
 */
function defaultTier(ctx: Ctx): number {
  const perTier = db()
    .select({ tier: suppliers.tier, n: count() })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .groupBy(suppliers.tier)
    .all();
  let tier = 1;
  let total = 0;
  for (const t of ORG_GRAPH_TIERS) {
    total += perTier.find((r) => r.tier === t)?.n ?? 0;
    if (total > GRAPH_NODE_CAP) break;
    if (perTier.some((r) => r.tier === t)) tier = t;
  }
  return tier;
}

/** The whole organisation down to a tier. Tiers are kept on the supplier rows, so no recursion. */
export function organisationGraph(ctx: Ctx, input: OrgGraphQuery): OrgGraph {
  const query = { ...input, tier: input.tier ?? defaultTier(ctx) };
  const conditions: SQL[] = [
    eq(suppliers.organizationId, ctx.organizationId),
    lte(suppliers.tier, query.tier),
  ];
  if (query.country) conditions.push(eq(suppliers.country, query.country));
  if (query.level) conditions.push(eq(suppliers.riskLevel, query.level as RiskLevel));
  const where = and(...conditions);
  const database = db();
  const matching = database.select({ n: count() }).from(suppliers).where(where).get()?.n ?? 0;
  const countries = database
    .selectDistinct({ code: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .all()
    .map((r) => ({ code: r.code, name: countryName(r.code) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));

  const cap = GRAPH_NODE_CAP;
  if (matching > cap) {
    return { query, matching, countries, view: { status: "too-large", count: matching, cap, exact: true } };
  }
  const ids = database
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(where)
    .all()
    .map((r) => r.id);
  return { query, matching, countries, view: { status: "ok", ...assemble(ctx, ids), focusId: null } };
}
