import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  commitSiteImport,
  getSiteImport,
  saveSiteMapping,
  siteImportFormSchema,
} from "~/imports/sites/sites-import.server";
import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from "~/imports/status";
import { SiteImportMapping } from "~/imports/ui/SiteImportMapping";
import { SiteImportPreview } from "~/imports/ui/SiteImportPreview";
import { SiteImportSummary } from "~/imports/ui/SiteImportSummary";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { Badge, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Import sites · Clearsource" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  return handle(() => getSiteImport(ctx, params.jobId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const parsed = parseForm(siteImportFormSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const jobId = params.jobId ?? "";
  const { intent, ...form } = parsed.data;
  return handle(
    async () => {
      if (intent === "commit") {
        await commitSiteImport(ctx, { jobId, form });
        return redirect(`/imports/sites/${jobId}`);
      }
      saveSiteMapping(ctx, { jobId, form });
      return { ok: true as const };
    },
    { values: parsed.values },
  );
}

export default function SiteImportPage() {
  const job = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failure = actionData?.ok === false ? actionData : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title={job.fileName}
        subtitle={
          <>
            <Badge tone={IMPORT_STATUS_TONES[job.status]}>{IMPORT_STATUS_LABELS[job.status]}</Badge>{" "}
            <span className="ml-1">
              Sites · {job.totalRows.toLocaleString("en")} rows · uploaded{" "}
              {job.createdAt.slice(0, 16).replace("T", " ")}
            </span>
          </>
        }
        actions={
          <Link to="/imports/sites" className="btn-secondary">
            All site imports
          </Link>
        }
      />
      {job.status === "mapping" ? (
        <>
          <SiteImportMapping
            job={job}
            fieldErrors={failure?.fieldErrors ?? {}}
            formError={failure?.formError}
            busy={busy}
          />
          <SiteImportPreview job={job} />
        </>
      ) : (
        <SiteImportSummary job={job} />
      )}
    </div>
  );
}
