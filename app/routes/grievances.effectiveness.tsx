import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { channelEffectiveness } from "~/grievances/effectiveness.server";
import { requireGrievanceMember } from "~/grievances/guard.server";
import { EffectivenessPanel } from "~/grievances/ui/EffectivenessPanel";
import { handle } from "~/infra/http.server";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Channel effectiveness · Grievances · Clearsource" }];

/** The worker channel's indicators per year: grievance roles only, everyone else 404 (D28). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireGrievanceMember(request);
  const thisYear = new Date().getUTCFullYear();
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return { e: await handle(() => channelEffectiveness(ctx, year)), years };
}

export default function EffectivenessPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Channel effectiveness"
        subtitle={
          <>
            <Link className="link" to="/grievances">
              Grievances
            </Link>{" "}
            · indicators of the worker channel (UNGP 31), for the reports received in a year.
          </>
        }
      />
      <EffectivenessPanel e={d.e} years={d.years} />
    </div>
  );
}
