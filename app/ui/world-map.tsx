import { Link } from "@remix-run/react";
import { useState } from "react";
import { classColors, classLabels, countBreaks, countFill, NO_SUPPLIERS_FILL } from "~/maps/scale";
import { RISK_COLORS } from "~/ui/charts";
import { RiskBadge } from "~/ui/layout";

/** What the map needs; the server module's WorldMapData has this shape (kept structural for the browser). */
export type WorldMapProps = {
  width: number;
  height: number;
  countries: {
    code: string;
    name: string;
    d: string;
    count: number;
    maxLevel: string | null;
    notAssessed?: number;
  }[];
  undrawn: { code: string; name: string; count: number; maxLevel: string | null; notAssessed?: number }[];
  totalSuppliers: number;
  maxCount: number;
};

export type SiteDotsProps = {
  dots: { x: number; y: number; count: number }[];
  located: number;
  shown: number;
};

type Mode = "count" | "risk";

const LEVELS = ["low", "medium", "high", "critical"] as const;
const LEVEL_LABELS: Record<string, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

const supplierWord = (n: number) => `${n.toLocaleString("en")} supplier${n === 1 ? "" : "s"}`;

export const countryHref = (code: string) => `/suppliers?country=${code}`;

function tooltip(c: { name: string; count: number; maxLevel: string | null; notAssessed?: number }): string {
  if (c.count === 0) return `${c.name}: no suppliers`;
  const level = c.maxLevel ? `highest risk ${c.maxLevel}` : "not scored yet";
  const unknown = c.notAssessed ? `, ${c.notAssessed} not assessed` : "";
  return `${c.name}: ${supplierWord(c.count)}, ${level}${unknown}`;
}

export function WorldMap({ data, sites }: { data: WorldMapProps; sites?: SiteDotsProps }) {
  const [mode, setMode] = useState<Mode>("count");
  const breaks = countBreaks(data.maxCount);
  const colors = classColors(breaks);
  const labels = classLabels(breaks, data.maxCount);

  const fill = (c: { count: number; maxLevel: string | null }) => {
    if (c.count === 0) return NO_SUPPLIERS_FILL;
    if (mode === "count") return countFill(c.count, breaks);
    return RISK_COLORS[c.maxLevel ?? "unscored"];
  };
  const dots = sites?.dots ?? [];
  const maxDot = Math.max(1, ...dots.map((d) => d.count));

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Colour countries by" className="inline-flex rounded-md shadow-sm">
          {(
            [
              ["count", "Supplier count"],
              ["risk", "Highest risk level"],
            ] as const
          ).map(([value, label], i) => (
            <button
              key={value}
              type="button"
              aria-pressed={mode === value}
              onClick={() => setMode(value)}
              className={`border px-3 py-1.5 text-sm font-medium ${i === 0 ? "rounded-l-md" : "-ml-px rounded-r-md"} ${
                mode === value
                  ? "z-10 border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {label}
            </button>
          ))}
        </div>
        <Legend mode={mode} colors={colors} labels={labels} />
      </div>

      <svg
        viewBox={`0 0 ${data.width} ${data.height}`}
        className="h-auto w-full rounded-lg bg-sky-50/60"
        role="group"
        aria-label={`World map of ${supplierWord(data.totalSuppliers)} by country`}
      >
        <g stroke="#ffffff" strokeWidth={0.5} strokeLinejoin="round">
          {data.countries.map((c) =>
            c.count > 0 ? (
              <Link
                key={c.code}
                to={countryHref(c.code)}
                aria-label={tooltip(c)}
                data-country={c.code}
                className="outline-none [&:focus-visible>path]:stroke-slate-900 [&:focus-visible>path]:[stroke-width:2]"
              >
                <path
                  d={c.d}
                  fill={fill(c)}
                  className="cursor-pointer transition-[filter] hover:brightness-90 focus:brightness-90"
                >
                  <title>{tooltip(c)}</title>
                </path>
              </Link>
            ) : (
              <path key={c.code} d={c.d} fill={fill(c)} data-country={c.code}>
                <title>{tooltip(c)}</title>
              </path>
            ),
          )}
        </g>
        {dots.length > 0 ? (
          <g fill="#0f172a" fillOpacity={0.45} stroke="#ffffff" strokeWidth={0.5} pointerEvents="none">
            {dots.map((d) => (
              <circle key={`${d.x},${d.y}`} cx={d.x} cy={d.y} r={1.3 + 2.7 * Math.sqrt(d.count / maxDot)} />
            ))}
          </g>
        ) : null}
      </svg>
      {sites && sites.located > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          <span className="mr-1 inline-block h-2 w-2 rounded-full bg-slate-800/60 align-middle" />
          {sites.located.toLocaleString("en")} site{sites.located === 1 ? "" : "s"} with coordinates
          {sites.shown < sites.located
            ? ` (the ${sites.dots.length.toLocaleString("en")} densest places shown, ${sites.shown.toLocaleString("en")} sites)`
            : ""}
        </p>
      ) : null}
    </div>
  );
}

function Legend({ mode, colors, labels }: { mode: Mode; colors: string[]; labels: string[] }) {
  const items =
    mode === "count"
      ? labels.map((label, i) => ({ label, color: colors[i] }))
      : [
          ...LEVELS.map((l) => ({ label: LEVEL_LABELS[l], color: RISK_COLORS[l] })),
          { label: "Not scored", color: RISK_COLORS.unscored },
        ];
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600" aria-label="Legend">
      {mode === "count" ? <li className="font-medium text-slate-700">Suppliers</li> : null}
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            className="inline-block h-3 w-4 rounded-sm ring-1 ring-inset ring-black/5"
            style={{ backgroundColor: item.color }}
          />
          {item.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          className="inline-block h-3 w-4 rounded-sm ring-1 ring-inset ring-black/5"
          style={{ backgroundColor: NO_SUPPLIERS_FILL }}
        />
        None
      </li>
    </ul>
  );
}

/** The countries ranked by supplier count (the map's data as a table, and its small countries). */
export function CountryTable({
  rows,
  caption,
}: {
  rows: { code: string; name: string; count: number; maxLevel: string | null }[];
  caption?: string;
}) {
  return (
    <table className="table">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          <th>Country</th>
          <th className="text-right">Suppliers</th>
          <th>Highest risk</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((c) => (
          <tr key={c.code} className="hover:bg-slate-50">
            <td>
              <Link to={countryHref(c.code)} className="link">
                {c.name}
              </Link>
            </td>
            <td className="text-right tabular-nums">{c.count.toLocaleString("en")}</td>
            <td>
              <RiskBadge level={c.maxLevel} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
