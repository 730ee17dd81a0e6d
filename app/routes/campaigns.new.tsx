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
import { AudiencePicker } from "~/campaigns/ui/AudiencePicker";
import { SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { questionCountText } from "~/questionnaires/model";
import { FilterSelect, FilterText } from "~/ui/FilterSelect";
import { Field, FormError, stringValue } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";
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
          <FilterSelect name="country" label="Country" value={filter.country} options={d.countries} />
          <FilterSelect
            name="tier"
            label="Tier"
            value={filter.tier}
            options={[1, 2, 3, 4].map((t) => ({ value: t, label: `Tier ${t}` }))}
          />
          <FilterSelect name="risk" label="Risk level" value={filter.risk} options={RISK_LEVELS} />
          <FilterSelect name="status" label="Status" value={filter.status} options={SUPPLIER_STATUSES} />
          <FilterText name="q" label="Name contains" value={filter.q as string | undefined} />
          <div className="flex items-end">
            <button type="submit" className="btn-secondary w-full">
              Filter
            </button>
          </div>
        </Form>

        <AudiencePicker
          audience={d.audience}
          selection={selection}
          onSelection={setSelection}
          error={errors.supplierIds}
        />
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
                    {t.title} · version {t.version} · {questionCountText(t)} · {t.languages.length}{" "}
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
