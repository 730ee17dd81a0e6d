import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { layoutGraph, NODE_H, NODE_W } from "~/maps/graph-layout";
import type { GraphEdge, GraphNode } from "~/maps/graph-types";
import { RISK_COLORS } from "~/ui/charts";

const LEVEL_ORDER = ["low", "medium", "high", "critical"] as const;

/** The card's second line, as shown (cut off at the card's edge, not shortened, so it stays its name). */
function nodeCaption(n: GraphNode): string {
  if (n.kind === "buyer") return "Buyer";
  const risk = n.riskLevel ? `${n.riskLevel} ${n.riskScore ?? ""}`.trim() : "not scored";
  const note = n.exposure ? " · upstream exposure" : n.coverage === "not_assessed" ? " · not assessed" : "";
  return `${n.countryName ?? ""} · ${risk}${note}`;
}

function columnTitle(column: number): string {
  return column === 0 ? "Your organisation" : `Tier ${column}`;
}

/**
 * A supplier card's description: tier, coverage and exposure in words. Its name is the two lines it shows
 * (so people who steer by voice can say what they see).
 */
function nodeDetails(n: GraphNode): string {
  const coverage =
    n.coverage === "not_assessed" ? ", not assessed" : n.coverage === "partial" ? ", partly assessed" : "";
  const exposure = n.exposure ? `; upstream exposure ${n.exposure.score} ${n.exposure.text}` : "";
  return `Tier ${n.tier}${coverage}${exposure}`;
}

/**
 * A supply-chain graph: tiers as columns, suppliers as cards with a risk-coloured edge, links as
 * curves. The layout is computed from the data alone, so server and browser render the same SVG.
 */
export function SupplyGraph({
  nodes,
  edges,
  focusId,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  focusId: string | null;
}) {
  const layout = useMemo(() => layoutGraph(nodes, edges), [nodes, edges]);
  const focusEdges = new Set(
    focusId ? layout.edges.filter((e) => e.from === focusId || e.to === focusId).map((e) => e.d) : [],
  );

  return (
    <div>
      <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-slate-50/60">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={`Supply-chain graph of ${nodes.length} organisations in ${layout.columns.length} columns`}
          className="block"
        >
          <defs>
            <marker
              id="graph-arrow"
              viewBox="0 0 8 8"
              refX="7"
              refY="4"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L8,4 L0,8 z" fill="#94a3b8" />
            </marker>
            {/* Long names are cut at the card's edge; the full name is in the tooltip and the link's name. */}
            <clipPath id="graph-card">
              <rect width={NODE_W - 6} height={NODE_H} />
            </clipPath>
          </defs>
          {layout.columns.map((c) => (
            <g key={c.column}>
              <text x={c.x} y={22} fontSize={12} fontWeight={600} fill="#475569">
                {columnTitle(c.column)}
              </text>
              <text x={c.x + NODE_W} y={22} fontSize={11} fill="#64748b" textAnchor="end">
                {c.count}
              </text>
            </g>
          ))}
          <g fill="none">
            {layout.edges.map((e) => (
              <path
                key={`${e.from}-${e.to}`}
                d={e.d}
                stroke={focusEdges.has(e.d) ? "#2f7f76" : "#b6c2d1"}
                strokeWidth={focusEdges.has(e.d) ? 1.8 : 1.2}
                markerEnd="url(#graph-arrow)"
              />
            ))}
          </g>
          {layout.nodes.map((n) => {
            const focus = n.id === focusId;
            const body = (
              <g transform={`translate(${n.x},${n.y})`}>
                {n.kind === "buyer" ? <title>{`${n.label} (your organisation)`}</title> : null}
                <rect
                  width={NODE_W}
                  height={NODE_H}
                  rx={7}
                  fill={n.kind === "buyer" ? "#1d524c" : focus ? "#eef6f5" : "#ffffff"}
                  stroke={focus ? "#2f7f76" : n.kind === "buyer" ? "#1d524c" : "#cbd5e1"}
                  strokeWidth={focus ? 2 : 1}
                />
                {n.kind === "supplier" ? (
                  <rect
                    x={0.5}
                    y={0.5}
                    width={6}
                    height={NODE_H - 1}
                    rx={3}
                    fill={RISK_COLORS[n.riskLevel ?? "unscored"]}
                  />
                ) : null}
                <text
                  clipPath="url(#graph-card)"
                  x={14}
                  y={18}
                  fontSize={12.5}
                  fontWeight={600}
                  fill={n.kind === "buyer" ? "#ffffff" : "#0f172a"}
                >
                  {n.label}
                </text>
                <text
                  clipPath="url(#graph-card)"
                  x={14}
                  y={33}
                  fontSize={11}
                  fill={n.kind === "buyer" ? "#d5e9e6" : "#64748b"}
                >
                  {nodeCaption(n)}
                </text>
              </g>
            );
            return n.kind === "supplier" ? (
              <Link
                key={n.id}
                to={`/suppliers/${n.id}`}
                data-node={n.id}
                data-exposure={n.exposure ? n.exposure.text : undefined}
                aria-describedby={`graph-node-${n.id}`}
                className="cursor-pointer outline-none [&:focus-visible_rect:first-of-type]:stroke-brand-700 [&:focus-visible_rect:first-of-type]:[stroke-width:3] [&_rect:first-of-type]:hover:stroke-slate-500"
              >
                {body}
                <desc id={`graph-node-${n.id}`} display="none">
                  {nodeDetails(n)}
                </desc>
              </Link>
            ) : (
              <g key={n.id} data-node={n.id}>
                {body}
              </g>
            );
          })}
        </svg>
      </div>
      <GraphLegend />
    </div>
  );
}

export function GraphLegend() {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Risk colours">
      {[...LEVEL_ORDER, "unscored" as const].map((l) => (
        <li key={l} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-1.5 rounded-sm" style={{ backgroundColor: RISK_COLORS[l] }} />
          {l === "unscored" ? "Not scored" : l[0].toUpperCase() + l.slice(1)}
        </li>
      ))}
      <li className="text-slate-500">Click a supplier to open it.</li>
    </ul>
  );
}
