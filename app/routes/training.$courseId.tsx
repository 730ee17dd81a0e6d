import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { recordIntent } from "~/training/intents.server";
import { getCourse } from "~/training/training.server";
import { CompletionForm } from "~/training/ui/CompletionForm";
import { CompletionList } from "~/training/ui/CompletionList";
import { languageLabel } from "~/training/ui/CourseList";
import { Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";
import { AUDIENCE_LABELS } from "~db/schema/training.constants";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "Course"} · Training · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "training:read");
  const found = await handle(() => getCourse(ctx, params.courseId ?? ""));
  return { ...found, canWrite: can(role, "training:write"), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "training:read");
  return recordIntent(member, params.courseId ?? "", await readForm(request));
}

export default function CoursePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const forSuppliers = d.course.audience === "supplier";
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={d.course.title}
        subtitle={
          <>
            <Link className="link" to="/training">
              Training
            </Link>{" "}
            · {AUDIENCE_LABELS[d.course.audience]} ·{" "}
            {d.course.builtin ? "8 portal languages" : languageLabel(d.course.language)} ·{" "}
            {d.course.durationMinutes} min
          </>
        }
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      <Card title="Completions">
        <CompletionList rows={d.completions} forSuppliers={forSuppliers} />
      </Card>
      {d.canWrite && !d.course.builtin ? (
        <Card title="Record a completion">
          <CompletionForm
            failure={failureFor(result, "record")}
            busy={busy === "record"}
            forSuppliers={forSuppliers}
            today={d.today}
          />
        </Card>
      ) : null}
    </div>
  );
}
