/**
 * Inherent and residual risk over time as a small SVG line chart (no chart library: two polylines on a
 * 0–100 scale with the level bands behind them). Points are spaced by assessment, not by time, so a burst
 * of recomputes on one day stays readable; the first and last dates label the axis.
 */
export function RiskHistoryChart({
  series,
}: {
  series: { at: string; inherent: number | null; residual: number }[];
}) {
  if (series.length < 2) {
    return <p className="text-sm text-slate-500">The chart appears after the second assessment.</p>;
  }
  const W = 560;
  const H = 160;
  const pad = { l: 28, r: 8, t: 8, b: 20 };
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / (series.length - 1);
  const y = (v: number) => pad.t + ((100 - v) * (H - pad.t - pad.b)) / 100;
  const line = (pick: (p: (typeof series)[number]) => number | null) =>
    series
      .map((p, i) => [i, pick(p)] as const)
      .filter((p): p is readonly [number, number] => p[1] !== null)
      .map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(" ");
  const bands = [
    { from: 75, to: 100, cls: "fill-red-50" },
    { from: 50, to: 75, cls: "fill-orange-50" },
    { from: 25, to: 50, cls: "fill-amber-50" },
    { from: 0, to: 25, cls: "fill-emerald-50" },
  ];
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="w-full"
        role="img"
        aria-label="Inherent and residual risk over time"
      >
        {bands.map((b) => (
          <rect
            key={b.from}
            x={pad.l}
            y={y(b.to)}
            width={W - pad.l - pad.r}
            height={y(b.from) - y(b.to)}
            className={b.cls}
          />
        ))}
        {[0, 25, 50, 75, 100].map((v) => (
          <text key={v} x={pad.l - 4} y={y(v) + 3} textAnchor="end" className="fill-slate-400 text-[9px]">
            {v}
          </text>
        ))}
        <polyline
          points={line((p) => p.inherent)}
          fill="none"
          className="stroke-slate-400"
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
        <polyline points={line((p) => p.residual)} fill="none" className="stroke-sky-700" strokeWidth={2} />
        <text x={pad.l} y={H - 4} className="fill-slate-400 text-[9px]">
          {series[0].at.slice(0, 10)}
        </text>
        <text x={W - pad.r} y={H - 4} textAnchor="end" className="fill-slate-400 text-[9px]">
          {series[series.length - 1].at.slice(0, 10)}
        </text>
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-500">
        <span>
          <span className="mr-1 inline-block h-0.5 w-4 bg-sky-700 align-middle" />
          Residual
        </span>
        <span>
          <span className="mr-1 inline-block h-0.5 w-4 border-t border-dashed border-slate-400 align-middle" />
          Inherent
        </span>
        <span>{series.length} assessments</span>
      </figcaption>
    </figure>
  );
}
