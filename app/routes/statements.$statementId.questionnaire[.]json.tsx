import { type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { statementQuestionnaire } from "~/statements/statements.server";

/** GET only: Canada S-211, the answers for the government's online questionnaire derived from the report. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:read");
  const answers = await handle(() => statementQuestionnaire(ctx, params.statementId ?? ""));
  return Response.json(answers, { headers: { "Cache-Control": "private, no-store" } });
}
