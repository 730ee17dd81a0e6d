import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { referenceTables } from "~/risk/reference-view.server";
import { ReferenceTables } from "~/risk/ui/ReferenceTables";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Risk reference data · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireMember(request, "risk:read");
  return { tables: referenceTables() };
}

export default function RiskReferencePage() {
  const { tables } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Risk reference data"
        subtitle={
          <>
            The public data the risk model reads, with editions.{" "}
            <Link className="link" to="/risk/model">
              How the score is built
            </Link>
          </>
        }
      />
      <ReferenceTables tables={tables} />
    </div>
  );
}
