import { Link } from "@remix-run/react";

/** One figure of the dashboard, linking to the list it counts. */
export function Stat({
  label,
  value,
  note,
  to,
  tone,
}: {
  label: string;
  value: number | string;
  note?: string;
  to: string;
  tone?: "red";
}) {
  return (
    <Link to={to} className="card block p-4 transition hover:border-brand-500">
      <div className="text-sm text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold ${tone === "red" ? "text-red-700" : "text-slate-900"}`}>
        {value}
      </div>
      {note ? <div className="mt-1 text-xs font-medium text-red-600">{note}</div> : null}
    </Link>
  );
}
