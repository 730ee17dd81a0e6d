/**
 * A horizontal bar chart as plain SVG (no chart library, nothing loaded from elsewhere): one bar per row,
 * its label and count written beside it, so the picture reads without colour and the same numbers are
 * in the text. `null` counts ("fewer than 3") get no bar.
 */
export function CountBars({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; count: number | null }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
  const rowH = 22;
  const labelW = 230;
  const barW = 260;
  const height = rows.length * rowH + 4;
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-800">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No reports in this period.</p>
      ) : (
        <svg
          role="img"
          aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.count ?? "fewer than 3"}`).join("; ")}`}
          viewBox={`0 0 ${labelW + barW + 90} ${height}`}
          className="w-full max-w-2xl"
        >
          {rows.map((r, i) => {
            const y = i * rowH + 2;
            const w = r.count ? Math.max(2, (r.count / max) * barW) : 0;
            return (
              <g key={r.label}>
                <text x={labelW - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#334155">
                  {r.label.length > 36 ? `${r.label.slice(0, 35)}…` : r.label}
                </text>
                <rect x={labelW} y={y + 3} width={w} height={rowH - 8} rx="2" fill="#4f46e5" />
                <text x={labelW + w + 6} y={y + 15} fontSize="12" fill="#0f172a">
                  {r.count === null ? "fewer than 3" : r.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
