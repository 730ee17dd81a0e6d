import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { ModelTables } from "~/risk/ui/ModelTables";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Risk model · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireMember(request, "risk:read");
  return null;
}

export default function RiskModelPage() {
  return (
    <div>
      <PageHeader
        title="Risk model"
        subtitle={
          <>
            Every figure the score uses, from the model's own code.{" "}
            <Link className="link" to="/risk/reference">
              Reference data and editions
            </Link>
          </>
        }
      />
      <ModelTables />
    </div>
  );
}
