import { type LoaderFunctionArgs, createReadableStreamFromReadable } from "@remix-run/node";
import { importErrorsCsv } from "~/imports/imports.server";
import { handle } from "~/infra/http.server";
import { attachmentDisposition } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";

/** The rows of a sites import that were not imported, as a CSV with an "error" column. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const { fileName, body } = await handle(() => importErrorsCsv(ctx, params.jobId ?? "", "sites"));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "no-store",
    },
  });
}
