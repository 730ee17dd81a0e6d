export type ChainStatusView = {
  ok: boolean;
  brokenAt: number | null;
  rows: number;
  head: { hash: string; seq: number | null };
};

/** The result of re-verifying the whole hash chain, with its head (the latest row's hash). */
export function ChainStatusBanner({ chain }: { chain: ChainStatusView }) {
  const head =
    chain.head.seq === null ? null : (
      <>
        {" "}
        · head #{chain.head.seq} <code className="break-all text-xs">{chain.head.hash}</code>
      </>
    );
  return chain.ok ? (
    <div
      className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
      role="status"
    >
      <strong>Chain verified ✓</strong> · {chain.rows} {chain.rows === 1 ? "entry" : "entries"} checked, every
      hash matches{head}
    </div>
  ) : (
    <div className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" role="alert">
      <strong>Chain broken at #{chain.brokenAt}</strong> · that entry or one before it was altered outside
      Clearsource. Investigate before relying on this log{head}
    </div>
  );
}
