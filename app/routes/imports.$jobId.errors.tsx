import { type LoaderFunctionArgs, createReadableStreamFromReadable } from "@remix-run/node";
import { importErrorsCsv } from "~/imports/imports.server";
import { handle } from "~/infra/http.server";
import { attachmentDisposition } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";

/** The rows of an import that failed, as a CSV with an "error" column (GET only, streamed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const report = await handle(() => importErrorsCsv(ctx, params.jobId ?? ""));
  const { fileName, body } = report;
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "no-store",
    },
  });
}
