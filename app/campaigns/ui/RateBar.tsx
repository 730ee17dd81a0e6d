/** Response rate as a bar: submitted + accepted over sent. */
export function RateBar({
  rate,
  compact = false,
}: {
  rate: { responded: number; sent: number; percent: number };
  compact?: boolean;
}) {
  return (
    <div>
      {compact ? null : <p className="text-3xl font-semibold text-slate-900">{rate.percent}%</p>}
      <div
        className={`${compact ? "h-2" : "mt-2 h-3"} w-full overflow-hidden rounded bg-slate-100`}
        role="img"
        aria-label={`Response rate ${rate.percent}%`}
      >
        <div className="h-full rounded bg-teal-700" style={{ width: `${rate.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {compact ? `${rate.percent}% · ` : ""}
        {rate.responded} of {rate.sent} responded
      </p>
    </div>
  );
}
