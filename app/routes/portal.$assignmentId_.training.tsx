import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { formValues, handle as atEdge } from "~/infra/http.server";
import { requirePortalAccess } from "~/questionnaires/portal.server";
import {
  courseLanguage,
  parseStep,
  portalCourseView,
  submitPortalQuiz,
} from "~/training/portal-course.server";
import { PortalCourse } from "~/training/ui/PortalCourse";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/**
 * The built-in course "Recognising forced labour" for the supplier's staff, behind the same confirmed
 * portal link as the questionnaire (the portal cookie, bound to this assignment; anything else is 404).
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the course language, without buyer navigation. */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? String(data.view.messages.title) : "Training"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  const url = new URL(request.url);
  const lang = courseLanguage(access, url.searchParams.get("lang"));
  const view = await atEdge(() => portalCourseView(access, lang));
  return {
    view,
    lang,
    step: parseStep(url.searchParams.get("step")),
    base: `/portal/${access.assignmentId}/training`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  const values = formValues(await readForm(request));
  const form = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? "" : v]));
  const lang = courseLanguage(access, form.lang ?? null);
  return atEdge(() => submitPortalQuiz(access, lang, form));
}

export default function PortalTraining() {
  const d = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <PortalCourse view={d.view} step={outcome ? { kind: "quiz" } : d.step} outcome={outcome} base={d.base} />
  );
}
