import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import { nativeLanguageName } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { createTemplate, createTemplateSchema, listTemplates } from "~/questionnaires/templates.server";
import { DataTable } from "~/ui/DataTable";
import { Field, FormError } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Questionnaire templates · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  return listTemplates(ctx);
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const form = await readForm(request);
  const parsed = parseForm(createTemplateSchema, form);
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const { versionId } = createTemplate(ctx, parsed.data);
      return redirect(`/templates/${versionId}`);
    },
    { values: parsed.values },
  );
}

export default function TemplatesIndex() {
  const { builtin, templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const source = String(result?.values?.source ?? "");
  const errors = result?.fieldErrors ?? {};

  const createForm = (kind: "builtin" | "blank", label: string, placeholder: string) => (
    <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="source" value={kind} />
      <div className="min-w-[16rem] flex-1">
        <Field
          label="Name"
          name="name"
          id={`name-${kind}`}
          placeholder={placeholder}
          defaultValue={source === kind ? String(result?.values?.name ?? "") : ""}
          error={source === kind ? errors.name : undefined}
          maxLength={120}
        />
      </div>
      <button type="submit" className={kind === "builtin" ? "btn-primary" : "btn-secondary"} disabled={busy}>
        {label}
      </button>
    </Form>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Questionnaire templates"
        subtitle="Tailor the self-assessment suppliers receive. Published versions never change: every assignment keeps the exact version it was sent with."
      />
      <FormError error={result?.formError} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Built-in template">
          <div className="space-y-4">
            <div>
              <div className="flex flex-wrap items-center gap-2">
                <p className="font-medium text-slate-900">{builtin.title}</p>
                <Badge tone="blue">version {builtin.version}</Badge>
                <Badge tone="green">ready to send</Badge>
              </div>
              <p className="mt-1 text-sm text-slate-500">
                {builtin.questionCount} questions covering all 11 ILO forced-labour indicators ·{" "}
                {builtin.languages.map(nativeLanguageName).join(", ")}
              </p>
            </div>
            {createForm("builtin", "Clone and edit", `${builtin.title} (our version)`)}
          </div>
        </Card>
        <Card title="Start from scratch">
          <div className="space-y-4">
            <p className="text-sm text-slate-500">
              A blank template with one section. Add sections and questions, set risk rules and conditions,
              then publish.
            </p>
            {createForm("blank", "Start blank", "Supplier onboarding check")}
          </div>
        </Card>
      </div>

      <Card title="Your templates">
        {templates.length === 0 ? (
          <EmptyState title="No templates of your own yet">
            Clone the built-in self-assessment to adapt it, or start a blank one.
          </EmptyState>
        ) : (
          <DataTable
            box="none"
            divided={false}
            columns={[
              "Template",
              "Versions",
              "Latest",
              { label: "Questions", className: "text-right" },
              "Languages",
            ]}
          >
            {templates.map((t) => {
              const latest = t.versions[0];
              return (
                <tr key={t.id}>
                  <td>
                    <Link to={`/templates/${latest.id}`} className="link font-medium">
                      {t.name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {t.basedOn ? "Cloned from the built-in template" : "Started blank"}
                    </p>
                  </td>
                  <td>
                    <div className="flex flex-wrap gap-1">
                      {t.versions.map((v) => (
                        <Link
                          key={v.id}
                          to={`/templates/${v.id}`}
                          title={
                            v.status === "published" && v.publishedAt
                              ? `Published ${formatDate(v.publishedAt, "en", "short-month")}`
                              : "Draft"
                          }
                        >
                          <Badge tone={v.status === "published" ? "green" : "amber"}>
                            v{v.version} · {v.status}
                          </Badge>
                        </Link>
                      ))}
                    </div>
                  </td>
                  <td className="text-sm text-slate-600">
                    {latest.status === "published" && latest.publishedAt
                      ? `Published ${formatDate(latest.publishedAt, "en", "short-month")}`
                      : "Draft in progress"}
                  </td>
                  <td className="text-right tabular-nums">{latest.questionCount}</td>
                  <td className="text-sm text-slate-600">{latest.languages.length} languages</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
