import { PassThrough } from "node:stream";
import { ValidationError } from "~/infra/errors";
import { readForm } from "~/infra/form.server";
import { formFailure, handle } from "~/infra/http.server";
import { MultipartRefused, parseMultipart } from "~/infra/multipart.server";
import { discardUpload, storeUpload, type ReceivedUpload } from "./store.server";

export type { ReceivedUpload } from "./store.server";

/**
 * Read a form that may carry one evidence file, streaming the file straight into this tenant's storage
 * as the body arrives (type sniffed from its first bytes, SHA-256 and size counted on the way, refused
 * the moment it passes UPLOAD_MAX_BYTES), so a 500 MB upload never sits in memory. `run` gets the text
 * fields and what became of the file: stored, refused with the reason (the rest of the form is still
 * read, and uploadEvidence reports the refusal through the intent's own error path), or null when none
 * was chosen. Whatever `run` does not keep (a field error, another intent, a 403 or 404 thrown) is
 * removed from storage before this returns. A malformed body, a second file or an unreachable S3 answer
 * as a form failure, never a 500. A plain (url-encoded) form is read as usual, with no file.
 */
export async function withUploadForm<T, I extends string = never>(
  request: Request,
  organizationId: string,
  /** The form the failure belongs to, on pages with several. */
  intent: I | undefined,
  run: (form: FormData, upload: ReceivedUpload | null) => Promise<T>,
): Promise<T | ReturnType<typeof formFailure<I>>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return run(await readForm(request), null);
  const received: Promise<ReceivedUpload | null>[] = [];
  const pipes: PassThrough[] = [];
  let form: FormData;
  try {
    form = await parseMultipart(request, {
      onFile: async (part) => {
        // Read through a pipe, so a refused file can be unhooked and the rest of it skipped while the
        // parser goes on to the fields after it.
        const pipe = part.stream.pipe(new PassThrough());
        pipes.push(pipe);
        const pending = storeUpload(organizationId, pipe, part.fileName).catch(
          (err: unknown): ReceivedUpload => {
            part.stream.unpipe(pipe);
            part.stream.resume();
            if (err instanceof ValidationError) return { refused: err };
            throw err;
          },
        );
        received.push(pending);
        await pending;
        return undefined;
      },
    });
  } catch (err) {
    // A second file part, a broken body or S3 down: whatever reached storage goes again. A body that
    // broke off mid-file (the browser's Cancel, a dropped connection) leaves its file part waiting for
    // bytes that never come: end it with an error, so the multipart upload is aborted, not left hanging.
    for (const pipe of pipes) pipe.destroy(new Error("The request ended before the file did."));
    await Promise.all(received.map((p) => p.then(discardUpload, () => {})));
    if (err instanceof MultipartRefused)
      return formFailure(400, { intent, formError: err.message, fieldErrors: { file: err.message } });
    return handle(
      () => {
        throw err;
      },
      { intent },
    );
  }
  const upload = (await Promise.all(received)).find((u) => u !== null) ?? null;
  try {
    return await run(form, upload);
  } finally {
    await discardUpload(upload);
  }
}

/**
 * An upload form's answer as the JSON its progress bar reads (app/evidence/ui/UploadForm.tsx): the
 * intent's result or form failure with its status, a returned redirect as `{ ok, redirect }`, and a
 * guard's thrown response (403, 404) as a failure carrying its text; a thrown redirect (to log in) stays
 * one. Resource routes only: pages keep
 * answering the plain form themselves.
 */
const NO_STORE = { "Cache-Control": "no-store" };

export async function uploadJson(run: () => Promise<unknown>): Promise<Response> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    if (!(err instanceof Response)) throw err;
    // A thrown redirect is the guard's (signed out, two-factor set-up due): it stays a redirect, as on
    // every other route; the form sees where it landed and says so.
    if (err.status >= 300 && err.status < 400) throw err;
    result = err;
  }
  const headers = NO_STORE;
  if (result instanceof Response) {
    const location = result.headers.get("Location");
    if (location && result.status >= 300 && result.status < 400)
      return Response.json({ ok: true, redirect: location }, { headers });
    const text = (await result.text()).trim();
    return Response.json(
      { ok: false, formError: text || `The upload was refused (${result.status}).`, fieldErrors: {} },
      { status: result.status, headers },
    );
  }
  if (isDataWithInit(result))
    return Response.json(result.data, { status: result.init?.status ?? 200, headers });
  return Response.json(result, { headers });
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit" &&
    "data" in value
  );
}
