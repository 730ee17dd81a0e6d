import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handle } from "~/infra/http.server";
import { publicStatements } from "~/statements/public.server";
import { PublicStatement } from "~/statements/ui/PublicStatement";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation}: statements ${data.year}` : "Statement" },
];

/**
 * Deliberately public (no login): the stable address an organisation links from its homepage (s.54(7)).
 * Shows its published statements for the year and their PDFs, nothing else of the tenant; an unknown
 * organisation or a year with nothing published is a 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  return handle(() => publicStatements(params.orgId ?? "", params.year ?? ""));
}

export default function PublicStatementsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{data.organisation}</h1>
        <p className="text-sm text-slate-600">Modern slavery and supply-chain statements · {data.year}</p>
      </header>
      {data.statements.map((s) => (
        <PublicStatement key={`${s.regime}-${s.periodEnd}`} statement={s} />
      ))}
    </div>
  );
}
