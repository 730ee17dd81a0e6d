import type { SerializeFrom } from "@remix-run/node";
import type { reportPageAction, reportPageLoader } from "~/grievances/intake-pages.server";
import { IntakeShell } from "~/grievances/ui/IntakeShell";
import { ReceiptCard } from "~/grievances/ui/ReceiptCard";
import { ReportForm } from "~/grievances/ui/ReportForm";

/** The report page of an organisation or of one site: the form, or the receipt code once it is sent. */
export function ReportPage({
  page,
  result,
}: {
  page: SerializeFrom<typeof reportPageLoader>;
  result: SerializeFrom<typeof reportPageAction> | undefined;
}) {
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
            file={page.file}
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
