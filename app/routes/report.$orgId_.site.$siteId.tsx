import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { INTAKE_HEADERS, reportPageAction, reportPageLoader } from "~/grievances/intake-pages.server";
import { ReportPage } from "~/grievances/ui/ReportPage";

/**
 * Deliberately public (no login, no cookie): the worker channel of one site (its poster points here; D28). A plain HTML
 * form that works without JavaScript; the answer to a sent report is the receipt code, shown once.
 */
export const handle = { bare: true };
export const headers = () => INTAKE_HEADERS;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.m["page.title"]} · ${data.organisation}` : "Report" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportPageLoader(request, params.orgId ?? "", params.siteId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return reportPageAction(request, params.orgId ?? "", params.siteId ?? "");
}

export default function SiteReportPageRoute() {
  return <ReportPage page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
