import { JobProgressBar, usePolledProgress } from "~/ui/JobProgress";

export type SendProgressData = {
  status: string;
  total: number;
  queued: number;
  percent: number;
  lastError: string | null;
};

const running = (p: SendProgressData) => p.status === "queued" || p.status === "sending";

/** Polls the campaign's send job while it runs, then reloads the page data once it is done. */
export function SendProgress({ campaignId, initial }: { campaignId: string; initial: SendProgressData }) {
  const p = usePolledProgress(`/campaigns/${campaignId}/progress`, initial, running, 1000);
  return (
    <JobProgressBar
      label={
        p.status === "sent"
          ? "All invitations queued"
          : p.status === "failed"
            ? "Sending failed"
            : "Queueing invitations…"
      }
      count={`${p.queued.toLocaleString("en-GB")} / ${p.total.toLocaleString("en-GB")}`}
      percent={p.percent}
      failed={p.status === "failed"}
      ariaLabel="Sending progress"
    >
      {p.lastError ? <p className="mt-1 text-sm text-red-600">{p.lastError}</p> : null}
    </JobProgressBar>
  );
}
