import type { FactorLine } from "~/risk/model";

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** One table of factor lines (points, source, edition) whose points add up to the total row. */
export function RiskFactorTable({
  lines,
  total,
  label,
}: {
  lines: FactorLine[];
  total: number;
  label: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="table" data-testid={`factors-${label.toLowerCase().replace(/\s+/g, "-")}`}>
        <thead>
          <tr>
            <th>What</th>
            <th className="text-right">Points</th>
            <th>Source</th>
            <th>Edition</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((f, i) => (
            <tr
              key={i}
              className={f.part === "floor" ? "bg-red-50" : f.provisional ? "bg-amber-50" : undefined}
            >
              <td>{f.factor}</td>
              <td className="text-right tabular-nums">{signed(f.points)}</td>
              <td className="text-slate-500">{f.source}</td>
              <td className="text-xs text-slate-500">{f.edition ?? ""}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td>{label}</td>
            <td className="text-right tabular-nums">{total}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
