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
import { createStatementSchema } from "~/statements/forms";
import { formatLongDate, isIsoDate, publicationDeadline } from "~/statements/period";
import { REGIME_NAMES } from "~/statements/regimes";
import { createStatement, newStatementDefaults } from "~/statements/statements.server";
import { Field, FormError } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";
import { REGIMES } from "~db/schema/statements.constants";

export const meta: MetaFunction = () => [{ title: "New statement · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:write");
  const url = new URL(request.url);
  const today = new Date().toISOString().slice(0, 10);
  // "Revise" links from an approved statement carry its period; anything that is not a date is ignored.
  const start = url.searchParams.get("periodStart") ?? "";
  const end = url.searchParams.get("periodEnd") ?? "";
  const suggested =
    isIsoDate(start) && isIsoDate(end) ? { periodStart: start, periodEnd: end } : newStatementDefaults(ctx);
  const year = Number(today.slice(0, 4));
  // The last completed April–March year and the last calendar year.
  const aprilEnd = today > `${year}-03-31` ? year : year - 1;
  const april = { periodStart: `${aprilEnd - 1}-04-01`, periodEnd: `${aprilEnd}-03-31` };
  const calendar = { periodStart: `${year - 1}-01-01`, periodEnd: `${year - 1}-12-31` };
  return { suggested, presets: { april, calendar } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "statements:write");
  const form = await readForm(request);
  const parsed = parseForm(createStatementSchema, form);
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const { id } = createStatement(ctx, parsed.data);
      return redirect(`/statements/${id}`);
    },
    { values: parsed.values },
  );
}

export default function NewStatement() {
  const { suggested, presets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? result.fieldErrors : {};
  const formError = result && "formError" in result ? result.formError : undefined;
  const values = (result && "values" in result ? result.values : undefined) as
    Record<string, string> | undefined;
  const busy = useNavigation().state === "submitting";
  const periodEnd = values?.periodEnd ?? suggested.periodEnd;

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div>
        <Link to="/statements" className="text-sm text-slate-500 hover:text-slate-700">
          ← All statements
        </Link>
      </div>
      <PageHeader
        title="New statement"
        subtitle="Choose the law and the financial year the statement covers."
      />
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          <FormError
            error={
              formError ??
              (Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined)
            }
          />
          <div>
            <label htmlFor="f-regime" className="label">
              Law the statement is made under
            </label>
            <select
              id="f-regime"
              name="regime"
              className="input"
              defaultValue={values?.regime ?? "uk_msa_s54"}
            >
              {REGIMES.map((r) => (
                <option key={r} value={r}>
                  {REGIME_NAMES[r]}
                </option>
              ))}
            </select>
            {errors.regime ? <p className="mt-1 text-sm text-red-600">{errors.regime}</p> : null}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="First day of the financial year"
              name="periodStart"
              type="date"
              required
              defaultValue={values?.periodStart ?? suggested.periodStart}
              error={errors.periodStart}
            />
            <Field
              label="Last day of the financial year"
              name="periodEnd"
              type="date"
              required
              defaultValue={periodEnd}
              error={errors.periodEnd}
            />
          </div>
          <p className="text-xs text-slate-500">
            Common choices:{" "}
            <Link
              to={`?periodStart=${presets.april.periodStart}&periodEnd=${presets.april.periodEnd}`}
              className="link"
            >
              April–March ({formatLongDate(presets.april.periodStart)} –{" "}
              {formatLongDate(presets.april.periodEnd)})
            </Link>{" "}
            or{" "}
            <Link
              to={`?periodStart=${presets.calendar.periodStart}&periodEnd=${presets.calendar.periodEnd}`}
              className="link"
            >
              calendar year {presets.calendar.periodEnd.slice(0, 4)}
            </Link>
            . A financial year can be up to 18 months long.
          </p>
          {isIsoDate(periodEnd) ? (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
              Publish the approved statement within six months of the year end: by{" "}
              <strong>{formatLongDate(publicationDeadline(periodEnd))}</strong>.
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Link to="/statements" className="btn-secondary">
              Cancel
            </Link>
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "Creating…" : "Create draft"}
            </button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
