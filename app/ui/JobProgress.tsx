import { useRevalidator } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The progress of a background job (an import, a campaign send) as the server reports it: polls `url`
 * (a JSON progress endpoint) while `running(progress)` holds, and reloads the page's data once the job
 * has stopped, so the page shows its summary. Starts from what the loader already knew.
 */
export function usePolledProgress<P>(
  url: string,
  initial: P,
  running: (p: P) => boolean,
  everyMs: number,
): P {
  const [progress, setProgress] = useState(initial);
  const revalidator = useRevalidator();
  const isRunning = running(progress);
  useEffect(() => {
    if (!isRunning) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      const res = await fetch(url, { headers: { Accept: "application/json" } });
      if (!res.ok || cancelled) return;
      const next = (await res.json()) as P;
      setProgress(next);
      if (!running(next)) revalidator.revalidate();
    }, everyMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
    // `running` is a pure test of the progress; a new function each render must not restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, isRunning, everyMs, revalidator]);
  return progress;
}

/** A job's progress bar: what it is doing, how far (e.g. "120 / 400 rows"), the percentage. */
export function JobProgressBar({
  label,
  count,
  countTestId,
  percent,
  failed,
  ariaLabel,
  children,
}: {
  label: string;
  count: string;
  countTestId?: string;
  percent: number;
  failed: boolean;
  ariaLabel: string;
  /** Shown below the bar (an error, say). */
  children?: ReactNode;
}) {
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-500" data-testid={countTestId}>
          {count}
        </span>
      </div>
      <div
        className="mt-2 h-3 w-full overflow-hidden rounded bg-slate-100"
        role="progressbar"
        aria-label={ariaLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div
          className={`h-full rounded transition-all ${failed ? "bg-red-600" : "bg-teal-700"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-500">{percent}%</p>
      {children}
    </div>
  );
}
