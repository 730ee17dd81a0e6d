/** A new signing secret, shown this once (only its sealed form is stored). */
export function SecretOnce({ secret, note }: { secret: string; note?: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">Copy the signing secret now: it is shown only this once.</p>
      <p className="mt-2">
        <code
          data-testid="webhook-secret"
          className="select-all break-all rounded bg-white px-2 py-1 font-mono"
        >
          {secret}
        </code>
      </p>
      <p className="mt-2">
        Verify each delivery with it: the <code>webhook-signature</code> header is HMAC-SHA256 over{" "}
        <code>webhook-id.webhook-timestamp.body</code> (any Standard Webhooks library does this).
        {note ? ` ${note}` : ""}
      </p>
    </div>
  );
}
