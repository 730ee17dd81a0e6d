import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { iloIndicatorLabel } from "~/audits/catalogue";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import {
  completeRemediationTask,
  completeTaskSchema,
  getRemediationTask,
} from "~/remediation/remediation.server";
import { FieldError, FormError, Notice } from "~/ui/form";
import { Badge, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.task.title} · ` : ""}Remediation · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "remediation:read");
  const task = await handle(() => getRemediationTask(ctx, params.taskId ?? ""));
  return {
    task,
    canComplete: can(role, "remediation:write"),
    justCompleted: new URL(request.url).searchParams.has("completed"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "remediation:write");
  const parsed = parseForm(completeTaskSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const taskId = params.taskId ?? "";
  return handle(
    () => {
      completeRemediationTask(ctx, taskId, parsed.data);
      return redirect(`/remediation/${taskId}?completed=1`);
    },
    { values: parsed.values },
  );
}

export default function RemediationTask() {
  const { task, canComplete, justCompleted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = (result && "values" in result ? result.values : undefined) as
    Record<string, string> | undefined;
  const busy = useNavigation().state === "submitting";

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={task.title}
        subtitle={
          <>
            <Link className="link" to={`/suppliers/${task.supplierId}`}>
              {task.supplierName}
            </Link>{" "}
            · raised {task.createdAt.slice(0, 10)}
          </>
        }
        actions={
          <Link to="/remediation" className="btn-secondary">
            All tasks
          </Link>
        }
      />
      {justCompleted ? (
        <Notice>Task completed. The supplier&apos;s risk score has been recomputed.</Notice>
      ) : null}

      <Card title="Task">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Status</dt>
            <dd className="mt-1">
              {task.status === "completed" ? (
                <Badge tone="green">Completed</Badge>
              ) : task.overdue ? (
                <Badge tone="red">Overdue</Badge>
              ) : (
                <Badge tone="amber">Open</Badge>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Due</dt>
            <dd className={task.overdue ? "font-semibold text-red-700" : undefined}>{task.dueDate}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Raised by</dt>
            <dd>
              {task.source.href ? (
                <Link className="link" to={task.source.href}>
                  {task.source.label}
                </Link>
              ) : (
                task.source.label
              )}
              {task.source.detail ? <span className="block text-slate-500">{task.source.detail}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">ILO indicator</dt>
            <dd>{task.iloIndicator ? (iloIndicatorLabel(task.iloIndicator) ?? task.iloIndicator) : "—"}</dd>
          </div>
        </dl>
      </Card>

      {task.status === "completed" ? (
        <Card title="Completion">
          <p className="whitespace-pre-wrap text-sm text-slate-700">{task.completionNote}</p>
          <p className="mt-2 text-xs text-slate-500">
            Completed {task.completedAt?.slice(0, 10)}
            {task.completedBy ? ` by ${task.completedBy}` : ""}
          </p>
        </Card>
      ) : canComplete ? (
        <Card title="Complete this task">
          <Form method="post" className="space-y-4" noValidate>
            <FormError error={formError} />
            <div>
              <label htmlFor="f-completionNote" className="label">
                What was done
              </label>
              <textarea
                id="f-completionNote"
                name="completionNote"
                rows={5}
                className="input"
                defaultValue={values?.completionNote ?? ""}
                aria-invalid={errors.completionNote ? true : undefined}
                aria-describedby={errors.completionNote ? "f-completionNote-error" : "f-completionNote-hint"}
                placeholder="e.g. Passports returned to all workers on 12 March; the supplier's HR policy now forbids holding them; verified on site."
              />
              {!errors.completionNote ? (
                <p id="f-completionNote-hint" className="mt-1 text-xs text-slate-500">
                  This note is kept in the audit trail and shown in reports.
                </p>
              ) : null}
              <FieldError id="f-completionNote-error" error={errors.completionNote} />
            </div>
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "Completing…" : "Mark as completed"}
            </button>
          </Form>
        </Card>
      ) : (
        <p className="text-sm text-slate-500">Procurement or an auditor can complete this task.</p>
      )}
    </div>
  );
}
