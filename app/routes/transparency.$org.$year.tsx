import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handle } from "~/infra/http.server";
import { publicStatementsAt } from "~/statements/public.server";
import { PublicStatement } from "~/statements/ui/PublicStatement";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation}: statements ${data.year}` : "Statement" },
];

/**
 * Deliberately public (no login): the stable address an organisation links from its homepage (s.54(7)),
 * /transparency/<slug>/<year>. Shows its published statements for the year and their PDFs, nothing else
 * of the tenant; an earlier slug or the organisation id answers 301 to the current slug; an unknown
 * organisation or a year with nothing published is a 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const page = await handle(() => publicStatementsAt(params.org ?? "", params.year ?? ""));
  if ("movedTo" in page) throw redirect(page.movedTo, 301);
  return page;
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
