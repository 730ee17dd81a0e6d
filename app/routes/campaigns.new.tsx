import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import {
  audienceCountries,
  audienceFilterFrom,
  campaignFormDefaults,
  createCampaign,
  createCampaignSchema,
  findAudience,
  startCampaignSendSoon,
} from "~/campaigns/campaigns.server";
import { SUPPORTED_LANGUAGES, languageName } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { Field, FieldError, FormError, stringValue } from "~/ui/form";
import { Card, EmptyState, PageHeader, RiskBadge } from "~/ui/layout";
import { RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";

export const meta: MetaFunction = () => [{ title: "New campaign · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const filter = audienceFilterFrom(new URL(request.url).searchParams);
  return {
    ...campaignFormDefaults(ctx),
    filter,
    countries: audienceCountries(ctx),
    audience: findAudience(ctx, filter, { limit: 100 }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const form = await readForm(request);
  const parsed = parseForm(createCampaignSchema, form);
  if (!parsed.ok) return parsed.response;
  const filter = audienceFilterFrom(form);
  return handle(
    () => {
      const { campaignId } = createCampaign(ctx, { ...parsed.data, filter });
      startCampaignSendSoon();
      return redirect(`/campaigns/${campaignId}`);
    },
    { values: parsed.values },
  );
}

const FILTER_KEYS = ["country", "tier", "risk", "status", "q"] as const;

export default function NewCampaign() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const value = (name: string, fallback: string) => stringValue(actionData?.values, name) ?? fallback;
  const [selection, setSelection] = useState<"some" | "all">(
    value("selection", "some") === "all" ? "all" : "some",
  );
  const filter = d.filter as Record<string, string | number | undefined>;
  const shown = d.audience.rows.length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="New campaign"
        subtitle="Send a questionnaire to many suppliers at once, each in their contact's language."
        actions={
          <Link to="/campaigns" className="btn-secondary">
            All campaigns
          </Link>
        }
      />

      <Card title="1. Choose suppliers">
        <Form method="get" className="grid gap-3 md:grid-cols-6" aria-label="Filter suppliers">
          <div>
            <label htmlFor="country" className="label">
              Country
            </label>
            <select id="country" name="country" className="input" defaultValue={filter.country ?? ""}>
              <option value="">Any</option>
              {d.countries.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="tier" className="label">
              Tier
            </label>
            <select id="tier" name="tier" className="input" defaultValue={String(filter.tier ?? "")}>
              <option value="">Any</option>
              {[1, 2, 3, 4].map((t) => (
                <option key={t} value={t}>
                  Tier {t}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="risk" className="label">
              Risk level
            </label>
            <select id="risk" name="risk" className="input" defaultValue={filter.risk ?? ""}>
              <option value="">Any</option>
              {RISK_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="status" className="label">
              Status
            </label>
            <select id="status" name="status" className="input" defaultValue={filter.status ?? ""}>
              <option value="">Any</option>
              {SUPPLIER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="q" className="label">
              Name contains
            </label>
            <input id="q" name="q" className="input" defaultValue={filter.q ?? ""} />
          </div>
          <div className="flex items-end">
            <button type="submit" className="btn-secondary w-full">
              Filter
            </button>
          </div>
        </Form>

        {d.audience.total === 0 ? (
          <div className="mt-4">
            <EmptyState title="No supplier matches">Change the filter, or add suppliers first.</EmptyState>
          </div>
        ) : (
          <div className="mt-4 space-y-3">
            <fieldset className="flex flex-wrap gap-4 text-sm">
              <legend className="sr-only">Which suppliers</legend>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="selection"
                  value="some"
                  form="campaign-form"
                  checked={selection === "some"}
                  onChange={() => setSelection("some")}
                />
                The suppliers I tick below
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="selection"
                  value="all"
                  form="campaign-form"
                  checked={selection === "all"}
                  onChange={() => setSelection("all")}
                />
                Select all {d.audience.total.toLocaleString("en-GB")} matching
              </label>
            </fieldset>
            <FieldError error={errors.supplierIds} />
            <div className="max-h-96 overflow-y-auto rounded border border-slate-200">
              <table className="table">
                <thead>
                  <tr>
                    <th className="w-8">
                      <span className="sr-only">Choose</span>
                    </th>
                    <th>Supplier</th>
                    <th>Country</th>
                    <th>Tier</th>
                    <th>Risk</th>
                    <th>Contact</th>
                    <th>Language</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.audience.rows.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <input
                          type="checkbox"
                          name="supplierIds"
                          value={s.id}
                          form="campaign-form"
                          aria-label={`Choose ${s.name}`}
                          disabled={selection === "all"}
                        />
                      </td>
                      <td className="font-medium">{s.name}</td>
                      <td>{s.country}</td>
                      <td>{s.tier}</td>
                      <td>
                        <RiskBadge level={s.riskLevel} />
                      </td>
                      <td>
                        {s.contactName}
                        <div className="text-xs text-slate-500">{s.contactEmail}</div>
                      </td>
                      <td>{languageName(s.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.audience.total > shown ? (
              <p className="text-xs text-slate-500">
                Showing the first {shown} of {d.audience.total.toLocaleString("en-GB")}: narrow the filter, or
                choose “Select all matching”.
              </p>
            ) : null}
          </div>
        )}
      </Card>

      <Card title="2. Questionnaire, due date and reminders">
        <Form method="post" id="campaign-form" className="space-y-4" noValidate>
          <FormError error={actionData?.formError} />
          {FILTER_KEYS.map((k) =>
            filter[k] !== undefined ? (
              <input key={k} type="hidden" name={k} value={String(filter[k])} />
            ) : null,
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <Field label="Questionnaire" name="templateId" error={errors.templateId}>
              <select
                id="f-templateId"
                name="templateId"
                className="input"
                defaultValue={value("templateId", d.templates[0]?.id ?? "")}
              >
                {d.templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title} · version {t.version} · {t.questionCount} questions · {t.languages.length}{" "}
                    {t.languages.length === 1 ? "language" : "languages"}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label="Campaign name (optional)"
              name="name"
              defaultValue={value("name", "")}
              error={errors.name}
            />
            <Field
              label="Due date"
              name="dueDate"
              type="date"
              defaultValue={value("dueDate", d.defaultDueDate)}
              error={errors.dueDate}
              required
            />
            <Field
              label="Reminders (days before the due date)"
              name="reminderDays"
              defaultValue={value("reminderDays", d.defaultReminderDays)}
              error={errors.reminderDays}
              hint="Comma-separated, e.g. 7, 3, 1. Leave empty for none."
            />
            <Field label="Language" name="language" error={errors.language}>
              <select
                id="f-language"
                name="language"
                className="input"
                defaultValue={value("language", "contact")}
              >
                <option value="contact">Each supplier&apos;s contact language (English if unknown)</option>
                {SUPPORTED_LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    Everyone in {l.name}
                  </option>
                ))}
              </select>
            </Field>
            <div className="flex items-center gap-2 pt-6 text-sm">
              <input
                id="overdueWeekly"
                type="checkbox"
                name="overdueWeekly"
                defaultChecked={actionData ? actionData.values?.overdueWeekly === "on" : true}
              />
              <label htmlFor="overdueWeekly">Remind weekly while overdue</label>
            </div>
          </div>
          <div className="flex items-center gap-3 pt-2">
            <button type="submit" className="btn-primary" disabled={busy || d.audience.total === 0}>
              {busy
                ? "Queueing…"
                : selection === "all"
                  ? `Send to all ${d.audience.total.toLocaleString("en-GB")} suppliers`
                  : "Send to the ticked suppliers"}
            </button>
            <span className="text-xs text-slate-500">
              Invitations are queued in the background; you can follow the progress on the next page.
            </span>
          </div>
        </Form>
      </Card>
    </div>
  );
}
