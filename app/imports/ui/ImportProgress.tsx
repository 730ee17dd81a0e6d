import { JobProgressBar, usePolledProgress } from "~/ui/JobProgress";
import { IMPORT_PHASE_LABELS } from "../status";

export type ImportProgressData = {
  status: string;
  phase: "rows" | "links" | "finish";
  processedRows: number;
  totalRows: number;
  percent: number;
};

const running = (p: ImportProgressData) => p.status === "queued" || p.status === "running";

/** Polls the import's progress while it runs, then reloads the page once for the summary. */
export function ImportProgress({ jobId, initial }: { jobId: string; initial: ImportProgressData }) {
  const p = usePolledProgress(`/imports/${jobId}/progress`, initial, running, 700);
  const label =
    p.status === "done"
      ? "Import finished"
      : p.status === "queued"
        ? "Waiting to start…"
        : p.status === "failed"
          ? "Import stopped"
          : `${IMPORT_PHASE_LABELS[p.phase]}…`;
  return (
    <JobProgressBar
      label={label}
      count={`${p.processedRows.toLocaleString("en")} / ${p.totalRows.toLocaleString("en")} rows`}
      countTestId="import-rows"
      percent={p.percent}
      failed={p.status === "failed"}
      ariaLabel="Import progress"
    />
  );
}
