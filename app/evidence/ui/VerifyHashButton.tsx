import { useFetcher } from "@remix-run/react";

type VerifyResult = { ok: true; notice: string } | { ok: false; formError?: string };

/**
 * Re-read one file from storage and compare its SHA-256 with the one recorded at upload, from any list
 * that shows the file: posts to the evidence page's action and says the outcome beside the button.
 */
export function VerifyHashButton({ evidenceId }: { evidenceId: string }) {
  const fetcher = useFetcher<VerifyResult>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post" action={`/evidence/${evidenceId}?index`} className="inline">
      <input type="hidden" name="intent" value="verify_hash" />
      <button type="submit" className="link text-xs" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Verifying…" : "Verify SHA-256"}
      </button>
      <span role="status" className="ml-2 text-xs">
        {result ? (
          result.ok ? (
            <span className="text-emerald-700" title={result.notice}>
              Matches the hash recorded at upload.
            </span>
          ) : (
            <span className="text-red-700">{result.formError}</span>
          )
        ) : null}
      </span>
    </fetcher.Form>
  );
}
