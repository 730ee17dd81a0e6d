/** Small dependency-free SVG charts: people read a bar faster than a table of counts. */

export type BarDatum = { label: string; value: number; color?: string; href?: string };

export function HorizontalBars({ data, ariaLabel }: { data: BarDatum[]; ariaLabel: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <ul className="space-y-2" aria-label={ariaLabel}>
      {data.map((d) => (
        <li key={d.label} className="grid grid-cols-[8rem_1fr_3rem] items-center gap-2 text-sm">
          <span className="truncate text-slate-600" title={d.label}>
            {d.href ? (
              <a className="link" href={d.href}>
                {d.label}
              </a>
            ) : (
              d.label
            )}
          </span>
          <span className="h-3 rounded bg-slate-100">
            <span
              className="block h-3 rounded"
              style={{ width: `${(d.value / max) * 100}%`, backgroundColor: d.color ?? "#2f7f76" }}
            />
          </span>
          <span className="text-right font-medium tabular-nums">{d.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** A single 100 % stacked bar with a legend, e.g. suppliers by risk level. */
export function StackedBar({ data, ariaLabel }: { data: BarDatum[]; ariaLabel: string }) {
  const total = data.reduce((s, d) => s + d.value, 0);
  return (
    <div>
      <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100" role="img" aria-label={ariaLabel}>
        {total > 0
          ? data
              .filter((d) => d.value > 0)
              .map((d) => (
                <span
                  key={d.label}
                  style={{ width: `${(d.value / total) * 100}%`, backgroundColor: d.color }}
                  title={`${d.label}: ${d.value}`}
                />
              ))
          : null}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {data.map((d) => (
          <li key={d.label} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: d.color }} />
            {d.label} <span className="font-semibold text-slate-800">{d.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const RISK_COLORS: Record<string, string> = {
  low: "#10b981",
  medium: "#f59e0b",
  high: "#f97316",
  critical: "#dc2626",
  unscored: "#cbd5e1",
};
