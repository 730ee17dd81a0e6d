import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { trainingIntent } from "~/training/intents.server";
import { completionRates, listCourses } from "~/training/training.server";
import { CourseForm } from "~/training/ui/CourseForm";
import { CourseList } from "~/training/ui/CourseList";
import { HeadcountForm } from "~/training/ui/HeadcountForm";
import { ImportForm } from "~/training/ui/ImportForm";
import { RatesTable } from "~/training/ui/RatesTable";
import { Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Training · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "training:read");
  const rates = await handle(() => completionRates(ctx));
  return {
    courses: await handle(() => listCourses(ctx)),
    ...rates,
    canWrite: can(role, "training:write"),
    thisYear: new Date().getUTCFullYear(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = requireMember(request, "training:read");
  return trainingIntent(member, await readForm(request));
}

export default function TrainingPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const importFailure = failureFor(result, "import");
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Training"
        subtitle="Courses offered to staff and to suppliers' staff, who completed them, and completion rates per year (statements draw on these)."
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      <Card title="Completion rates per audience and year">
        <RatesTable years={d.years} />
      </Card>
      <Card title="Courses">
        <CourseList rows={d.courses} />
        <p className="mt-3 text-sm text-slate-600">
          Suppliers&apos; staff can take the built-in course “Recognising forced labour” (three pages and a
          five-question quiz, in the eight portal languages) from their questionnaire link; a pass is recorded
          here automatically.
        </p>
      </Card>
      {d.canWrite ? (
        <>
          <Card title="Add a course">
            <CourseForm failure={failureFor(result, "course")} busy={busy === "course"} />
          </Card>
          <Card title="Import completions (CSV)">
            <ImportForm failure={importFailure} busy={busy === "import"} />
          </Card>
          <Card title="Staff in scope">
            <HeadcountForm
              failure={failureFor(result, "headcount")}
              busy={busy === "headcount"}
              year={d.thisYear}
              headcounts={d.headcounts}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
