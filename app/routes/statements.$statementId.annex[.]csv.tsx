import { type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { attachmentDisposition } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";
import { statementAnnexCsv } from "~/statements/statements.server";

/** GET only: the records behind every figure of the statement, for tracing a number back (CSV annex). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:read");
  const { fileName, csv } = await handle(() => statementAnnexCsv(ctx, params.statementId ?? ""));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
