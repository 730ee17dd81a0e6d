import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { runCaseIntent } from "~/grievances/case-intents.server";
import { openCase, triageOptions } from "~/grievances/cases.server";
import { requireGrievanceMember } from "~/grievances/guard.server";
import { CaseDetail } from "~/grievances/ui/CaseDetail";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Grievance #${data.c.number} · ` : ""}Clearsource` },
];

/** One case. Grievance roles only (everyone else 404); each view writes an audit-log row (D28). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireGrievanceMember(request);
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const c = await handle(() => openCase(ctx, params.caseId ?? ""));
  return { c, query, options: triageOptions(ctx, query) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireGrievanceMember(request);
  return runCaseIntent(member, params.caseId ?? "", await readForm(request));
}

export default function GrievancePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={`Grievance #${d.c.number}`}
        subtitle={
          <Link className="link" to="/grievances">
            All cases
          </Link>
        }
      />
      <CaseDetail c={d.c} result={result} options={d.options} query={d.query} />
    </div>
  );
}
