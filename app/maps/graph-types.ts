import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";

/** Shared by the graph queries (server) and the graph component (browser): no server imports here. */

/** Graphs larger than this are counted, not drawn: past it a picture stops being readable. */
export const GRAPH_NODE_CAP = 300;

/** The buying organisation itself, the root of every chain (links with no parent supplier). */
export const BUYER_NODE_ID = "buyer";

export type GraphNode = {
  id: string;
  kind: "buyer" | "supplier";
  /** Layout column: the tier (0 = the buyer). */
  column: number;
  label: string;
  tier: number;
  country: string | null;
  countryName: string | null;
  riskLevel: RiskLevel | null;
  riskScore: number | null;
  /** "not_assessed" etc.; null for the buyer and unscored suppliers. */
  coverage?: RiskCoverage | null;
  /** Upstream exposure that raises the supplier above its own residual score, with its path in words. */
  exposure?: { score: number; text: string } | null;
};

export type GraphEdge = { from: string; to: string };

export type GraphView =
  | { status: "ok"; nodes: GraphNode[]; edges: GraphEdge[]; focusId: string | null }
  /** `exact` false: the walk stopped counting at cap + 1. */
  | { status: "too-large"; count: number; cap: number; exact: boolean };

/** "1,234 suppliers at tiers 1–3 — too many to draw" (the message the pages show). */
export function tooLargeMessage(view: { count: number; cap: number; exact: boolean }, scope: string): string {
  const n = view.exact ? view.count.toLocaleString("en") : `More than ${view.cap.toLocaleString("en")}`;
  return `${n} suppliers ${scope} — too many to draw (the limit is ${view.cap.toLocaleString("en")}); showing none.`;
}
