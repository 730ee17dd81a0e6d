import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { INTAKE_HEADERS, statusPageAction, statusPageLoader } from "~/grievances/intake-pages.server";
import { IntakeShell } from "~/grievances/ui/IntakeShell";
import { ReceiptCodeForm } from "~/grievances/ui/ReceiptCodeForm";
import { ReporterCase } from "~/grievances/ui/ReporterCase";

/**
 * Deliberately public: a reporter returns with the receipt code to read replies and add information.
 * The code is the only credential and is posted, never put in a URL; wrong codes are rate-limited and
 * all get the same answer (D28).
 */
export const handle = { bare: true };
export const headers = () => INTAKE_HEADERS;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.m["status.title"]} · ${data.organisation}` : "Report" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return statusPageLoader(request, params.orgId ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return statusPageAction(request, context, params.orgId ?? "");
}

export default function ReportStatusPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <IntakeShell m={page.m} lang={page.lang} path={page.path} organisation={page.organisation}>
      {result?.ok ? (
        <ReporterCase
          m={page.m}
          organisation={page.organisation}
          postTo={page.postTo}
          code={result.code}
          view={result.view}
          added={result.added && !result.error}
          error={result.error}
          file={page.file}
        />
      ) : (
        <ReceiptCodeForm m={page.m} postTo={page.postTo} error={result?.error} />
      )}
    </IntakeShell>
  );
}
