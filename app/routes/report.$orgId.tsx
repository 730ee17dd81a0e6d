import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { INTAKE_HEADERS, reportPageAction, reportPageLoader } from "~/grievances/intake-pages.server";
import { IntakeShell } from "~/grievances/ui/IntakeShell";
import { ReceiptCard } from "~/grievances/ui/ReceiptCard";
import { ReportForm } from "~/grievances/ui/ReportForm";

/**
 * Deliberately public (no login, no cookie): the worker channel of an organisation (D28). A plain HTML
 * form that works without JavaScript; the answer to a sent report is the receipt code, shown once.
 */
export const handle = { bare: true };
export const headers = () => INTAKE_HEADERS;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.m["page.title"]} · ${data.organisation}` : "Report" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportPageLoader(request, params.orgId ?? "", null);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return reportPageAction(request, params.orgId ?? "", null);
}

export default function ReportPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <IntakeShell m={page.m} lang={page.lang} path={page.path} organisation={page.organisation}>
      {result?.ok ? (
        <ReceiptCard m={page.m} code={result.code} statusUrl={result.statusUrl} />
      ) : (
        <>
          <ReportForm
            m={page.m}
            postTo={page.postTo}
            organisation={page.organisation}
            site={page.site}
            errors={result?.errors}
            values={result?.values}
          />
          <p className="mt-6">
            <a className="link" href={page.statusHref}>
              {page.m["page.haveCode"]}
            </a>
          </p>
        </>
      )}
    </IntakeShell>
  );
}
