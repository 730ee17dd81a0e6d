import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { caseFilterSchema, listCases } from "~/grievances/cases.server";
import { requireGrievanceMember } from "~/grievances/guard.server";
import { CaseList } from "~/grievances/ui/CaseList";
import { handle } from "~/infra/http.server";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Grievances · Clearsource" }];

/** The worker channel's cases: grievance roles only, everyone else 404 (D28). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, organization } = requireGrievanceMember(request);
  const filter = caseFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { rows: await handle(() => listCases(ctx, filter)), reportUrl: `/report/${organization.id}` };
}

export default function GrievancesPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Grievances"
        subtitle={
          <>
            Reports from the anonymous worker channel. The organisation&apos;s report page:{" "}
            <a className="link" href={d.reportUrl}>
              {d.reportUrl}
            </a>
            {" · "}
            <a className="link" href="/grievances/effectiveness">
              Channel effectiveness
            </a>
          </>
        }
      />
      <Card>
        <CaseList rows={d.rows} />
      </Card>
    </div>
  );
}
