import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isSupportedLanguage, languageName, nativeLanguageName, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { formFailure, formValues, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { translatableStrings, translationOf } from "~/questionnaires/model";
import { editDraft, getTemplateVersion } from "~/questionnaires/templates.server";
import { FormError, Notice } from "~/ui/form";
import { Badge, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Translations · Templates · Clearsource" }];

const MAX_STRING = 4000;

function chosenLanguage(request: Request): string {
  const requested = new URL(request.url).searchParams.get("lang");
  return isSupportedLanguage(requested) && requested !== "en" ? requested : "es";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const version = await handle(() => getTemplateVersion(ctx, params.versionId ?? ""));
  const lang = chosenLanguage(request);
  const strings = translatableStrings(version.content).map((s) => ({
    ...s,
    translation: translationOf(version.content, lang, s.key) ?? "",
  }));
  const saved = new URL(request.url).searchParams.has("saved");
  return {
    id: version.id,
    name: version.name,
    version: version.version,
    status: version.status,
    lang,
    strings,
    saved,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const versionId = params.versionId ?? "";
  const lang = chosenLanguage(request);
  const form = await readForm(request);
  const strings: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("t:") || typeof value !== "string") continue;
    const key = name.slice(2);
    if (value.length > MAX_STRING) fieldErrors[name] = `Keep this under ${MAX_STRING} characters.`;
    strings[key] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return formFailure(400, { fieldErrors, values: formValues(form) });
  return handle(
    () => {
      editDraft(ctx, versionId, { op: "translations", lang, strings });
      return redirect(`/templates/${versionId}/translate?lang=${lang}&saved`);
    },
    { values: formValues(form) },
  );
}

export default function TemplateTranslations() {
  const t = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const draft = t.status === "draft";
  const missing = t.strings.filter((s) => !s.translation).length;
  const typed = (key: string) => result?.values?.[`t:${key}`];

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Translations · ${t.name}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Link to={`/templates/${t.id}`} className="link">
              Back to the editor
            </Link>
            <span>· version {t.version}</span>
            <Badge tone={draft ? "amber" : "green"}>{t.status}</Badge>
          </span>
        }
        actions={
          <Link to={`/templates/${t.id}/preview?lang=${t.lang}`} className="btn-secondary">
            Preview in {nativeLanguageName(t.lang)}
          </Link>
        }
      />
      <nav aria-label="Language" className="flex flex-wrap gap-1">
        {SUPPORTED_LANGUAGES.filter((l) => l.code !== "en").map((l) => (
          <Link
            key={l.code}
            to={`?lang=${l.code}`}
            aria-current={l.code === t.lang ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${l.code === t.lang ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {l.name} · {l.nativeName}
          </Link>
        ))}
      </nav>
      {t.saved ? <Notice>{languageName(t.lang)} translations saved.</Notice> : null}
      <FormError error={result?.formError} />
      <p className="text-sm text-slate-600">
        {missing === 0 ? (
          <>Every string is translated into {languageName(t.lang)}.</>
        ) : (
          <>
            <span className="font-medium text-amber-800">{missing} missing</span> of {t.strings.length}:
            suppliers see the English text for those.
          </>
        )}
      </p>
      <Form method="post" className="space-y-4" noValidate>
        <div className="card divide-y divide-slate-100">
          {t.strings.map((s) => {
            const name = `t:${s.key}`;
            const value = typed(s.key);
            const long = s.source.length > 90;
            return (
              <div key={s.key} className="grid gap-3 p-4 md:grid-cols-2">
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.label}</p>
                  <p className="mt-1 text-sm text-slate-800">{s.source}</p>
                </div>
                <div>
                  <label htmlFor={`f-${s.key}`} className="sr-only">
                    {s.label} in {languageName(t.lang)}
                  </label>
                  {long ? (
                    <textarea
                      id={`f-${s.key}`}
                      name={name}
                      lang={t.lang}
                      rows={3}
                      readOnly={!draft}
                      defaultValue={value !== undefined ? String(value) : s.translation}
                      className={`input ${!s.translation ? "border-amber-300 bg-amber-50/50" : ""}`}
                    />
                  ) : (
                    <input
                      id={`f-${s.key}`}
                      name={name}
                      lang={t.lang}
                      readOnly={!draft}
                      defaultValue={value !== undefined ? String(value) : s.translation}
                      className={`input ${!s.translation ? "border-amber-300 bg-amber-50/50" : ""}`}
                    />
                  )}
                  {!s.translation ? <p className="mt-1 text-xs text-amber-700">Missing translation</p> : null}
                  {result?.fieldErrors?.[name] ? (
                    <p className="mt-1 text-sm text-red-600" role="alert">
                      {result.fieldErrors[name]}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        {draft ? (
          <div className="sticky bottom-0 flex justify-end border-t border-slate-200 bg-white/90 py-3 backdrop-blur">
            <button type="submit" className="btn-primary" disabled={busy}>
              Save {languageName(t.lang)} translations
            </button>
          </div>
        ) : (
          <p className="text-sm text-slate-500">
            Published versions are read-only. Start a new draft to change translations.
          </p>
        )}
      </Form>
    </div>
  );
}
