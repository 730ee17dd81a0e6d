/**
 * The one way routes read a text form: `await readForm(request)` instead of `request.formData()`, which
 * throws (a 500) on JSON, text/plain, a missing Content-Type or a malformed multipart body. Here those
 * become a clear 415 or 400 response; a bodiless POST (a bare button) is an empty form. server.mjs has
 * already refused bodies over the size limit before this reads anything.
 */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const UNREADABLE_FORM =
  "The form could not be read. Reload the page and submit it again; nothing was saved.";

export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    const body = request.body ? await request.arrayBuffer().catch(() => null) : new ArrayBuffer(0);
    if (type === "" && body && body.byteLength === 0) return new FormData();
    throw new Response(
      "This address accepts form submissions (application/x-www-form-urlencoded or multipart/form-data).",
      { status: 415, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  try {
    return await request.formData();
  } catch {
    throw new Response(UNREADABLE_FORM, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
