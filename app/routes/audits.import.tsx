import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listSupplierOptions } from "~/audits/audits.server";
import { auditImportIntent } from "~/audits/import-intent.server";
import { AUDIT_IMPORT_MAX_BYTES, AUDIT_IMPORT_MAX_ROWS } from "~/audits/import.server";
import { AuditImportForm } from "~/audits/ui/AuditImportForm";
import { getVocabulary } from "~/audits/vocabulary.server";
import { formatLimitBytes } from "~/imports/upload.server";
import { requireMember } from "~/orgs/guard.server";
import { listSupplierSites } from "~/suppliers/sites.server";
import { EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Import an audit · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "audits:write");
  return {
    suppliers: listSupplierOptions(ctx),
    sites: listSupplierSites(ctx),
    vocabularies: getVocabulary(ctx),
    today: new Date().toISOString().slice(0, 10),
    limits: {
      size: formatLimitBytes(AUDIT_IMPORT_MAX_BYTES),
      rows: AUDIT_IMPORT_MAX_ROWS.toLocaleString("en"),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = requireMember(request, "audits:write");
  return auditImportIntent(member, request);
}

export default function ImportAudit() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Import an audit"
        subtitle="Record an audit from its corrective action report: the audit, its findings in the auditor's words, and a corrective action for each."
      />
      {d.suppliers.length === 0 ? (
        <EmptyState title="No suppliers yet">
          An audit is always of a supplier. Ask procurement to add the supplier first.
        </EmptyState>
      ) : (
        <AuditImportForm
          suppliers={d.suppliers}
          sites={d.sites}
          vocabularies={d.vocabularies}
          today={d.today}
          limits={d.limits}
          failure={result && !result.ok ? result : undefined}
          busy={busy}
        />
      )}
    </div>
  );
}
