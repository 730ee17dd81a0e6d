import { type LoaderFunctionArgs, createReadableStreamFromReadable } from "@remix-run/node";
import { importErrorsCsv } from "~/imports/imports.server";
import { NotFoundError } from "~/infra/errors";
import { attachmentDisposition } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";

/** The rows of an import that failed, as a CSV with an "error" column (GET only, streamed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  let report: ReturnType<typeof importErrorsCsv>;
  try {
    report = importErrorsCsv(ctx, params.jobId ?? "");
  } catch (err) {
    if (err instanceof NotFoundError) throw new Response("Import not found", { status: 404 });
    throw err;
  }
  const { fileName, body } = report;
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "no-store",
    },
  });
}
