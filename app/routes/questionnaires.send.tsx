import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { questionCountText } from "~/questionnaires/model";
import { getSendForm, sendQuestionnaire, sendQuestionnaireSchema } from "~/questionnaires/send.server";
import { Field, FieldError, FormError, stringValue } from "~/ui/form";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Send a questionnaire · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const supplierId = new URL(request.url).searchParams.get("supplierId");
  return handle(() => getSendForm(ctx, supplierId || null));
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const parsed = parseForm(sendQuestionnaireSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  return handle(
    async () => {
      const { assignmentId } = await sendQuestionnaire(ctx, parsed.data);
      return redirect(`/questionnaires/${assignmentId}?sent=1`);
    },
    { values: parsed.values },
  );
}

export default function SendQuestionnaire() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!("suppliers" in data)) return null;
  const { supplier, suppliers, template, templates, languages, defaultDueDate } = data;
  const errors = actionData?.fieldErrors ?? {};
  const value = (name: string, fallback: string) => stringValue(actionData?.values, name) ?? fallback;

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Send a questionnaire"
        subtitle={`${template.title} (version ${template.version}) · ${questionCountText(template)}`}
        actions={
          <Link to="/questionnaires" className="btn-secondary">
            All questionnaires
          </Link>
        }
      />
      {!supplier ? (
        suppliers.length === 0 ? (
          <EmptyState title="No suppliers yet">
            Add a supplier first, then send it the self-assessment.{" "}
            <Link to="/suppliers" className="link">
              Go to suppliers
            </Link>
          </EmptyState>
        ) : (
          <Card title="Choose the supplier">
            <Form method="get" className="flex items-end gap-3">
              <div className="flex-1">
                <label htmlFor="supplierId" className="label">
                  Supplier
                </label>
                <select id="supplierId" name="supplierId" className="input" required>
                  {suppliers.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.country})
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn-secondary">
                Continue
              </button>
            </Form>
          </Card>
        )
      ) : (
        <Card title={`To ${supplier.name}`}>
          <p className="mb-4 text-sm text-slate-600">
            {supplier.country} · {supplier.sector} · tier {supplier.tier}. The contact receives a personal
            link by email; they answer without an account. The questions are frozen as sent.
          </p>
          <Form method="post" className="space-y-4" noValidate>
            <FormError error={actionData?.formError} />
            <input type="hidden" name="supplierId" value={supplier.id} />
            <FieldError error={errors.supplierId} />
            <Field
              label="Contact name"
              name="recipientName"
              defaultValue={value("recipientName", supplier.contactName)}
              error={errors.recipientName}
              required
              maxLength={200}
            />
            <Field
              label="Contact email"
              name="recipientEmail"
              type="email"
              defaultValue={value("recipientEmail", supplier.contactEmail)}
              error={errors.recipientEmail}
              required
            />
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="Questionnaire" name="templateId" error={errors.templateId}>
                <select
                  id="f-templateId"
                  name="templateId"
                  className="input"
                  defaultValue={value("templateId", templates[0]?.id ?? "")}
                >
                  {templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title} · version {t.version} · {questionCountText(t)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Language" name="language" error={errors.language}>
                <select
                  id="f-language"
                  name="language"
                  className="input"
                  defaultValue={value("language", supplier.language)}
                >
                  {languages.map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.name} ({l.nativeName})
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field
              label="Due date"
              name="dueDate"
              type="date"
              defaultValue={value("dueDate", defaultDueDate)}
              error={errors.dueDate}
              hint="The supplier sees this date; the link itself stays valid a little longer."
              required
            />
            <div className="flex gap-2 pt-2">
              <button type="submit" className="btn-primary" disabled={busy}>
                {busy ? "Sending…" : "Send questionnaire"}
              </button>
              <Link to="/questionnaires/send" className="btn-secondary">
                Choose another supplier
              </Link>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
