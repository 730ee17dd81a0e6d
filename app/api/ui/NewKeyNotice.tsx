/** The token of a key just created: shown in this one answer, never stored or shown again. */
export function NewKeyNotice({ label, token }: { label: string; token: string }) {
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm">
      <p className="font-medium text-emerald-900">
        Key “{label}” created. Copy it now: it is shown only once.
      </p>
      <label htmlFor="new-api-key" className="sr-only">
        New API key
      </label>
      <input
        id="new-api-key"
        readOnly
        value={token}
        className="input mt-2 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="mt-2 text-emerald-900">
        Send it as <code>Authorization: Bearer {"<key>"}</code> to <code>/api/v1</code>. Clearsource keeps
        only a hash: a lost key cannot be recovered, only revoked and replaced.
      </p>
    </div>
  );
}
