/**
 * Only local paths: "/x" but not "//evil.example" or "/\evil.example" (browsers read both as another
 * host), and nothing with control characters or a scheme. Anything else falls back.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/dashboard",
): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  try {
    // The final check: resolved against a dummy origin, the target must stay on that origin.
    const base = "http://local.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Normalising can itself produce a protocol-relative path: "/.//evil.example" → "//evil.example".
    if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
