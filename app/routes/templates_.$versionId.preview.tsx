import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { isSupportedLanguage, nativeLanguageName, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import {
  localizeTemplate,
  missingTranslations,
  validateAnswer,
  visibleQuestionIds,
  type AnswerValue,
} from "~/questionnaires/model";
import { getTemplateVersion } from "~/questionnaires/templates.server";
import { QuestionPreview, type RawValue } from "~/questionnaires/ui/QuestionField";
import { Badge } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Preview · Templates · Clearsource" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const version = await handle(() => getTemplateVersion(ctx, params.versionId ?? ""));
  const requested = new URL(request.url).searchParams.get("lang");
  const lang = isSupportedLanguage(requested) ? requested : "en";
  return {
    id: version.id,
    name: version.name,
    version: version.version,
    status: version.status,
    lang,
    missing: missingTranslations(version.content, lang).length,
    template: localizeTemplate(version.content, lang),
  };
}

/**
 * The questionnaire exactly as a supplier sees it, in any language: the same question component as the portal,
 * with conditions applied live as you answer. Nothing is saved.
 */
export default function TemplatePreview() {
  const { id, name, version, status, lang, missing, template } = useLoaderData<typeof loader>();
  const [raw, setRaw] = useState<Record<string, RawValue>>({});
  const answers = useMemo(() => {
    const out: Record<string, AnswerValue> = {};
    for (const q of template.questions) {
      const r = validateAnswer(q, raw[q.id]);
      if (r.ok) out[q.id] = r.value;
    }
    return out;
  }, [raw, template]);
  const visible = visibleQuestionIds(template, answers);
  let n = 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p>
          Preview of <span className="font-medium">{name}</span> v{version}{" "}
          <Badge tone={status === "draft" ? "amber" : "green"}>{status}</Badge> · answers here are not saved.{" "}
          <Link to={`/templates/${id}`} className="link">
            Back to the editor
          </Link>
        </p>
        <nav aria-label="Preview language" className="flex flex-wrap gap-1">
          {SUPPORTED_LANGUAGES.map((l) => (
            <Link
              key={l.code}
              to={`?lang=${l.code}`}
              lang={l.code}
              aria-current={l.code === lang ? "page" : undefined}
              className={`rounded px-2 py-1 text-xs font-medium ${l.code === lang ? "bg-amber-200 text-amber-950" : "hover:bg-amber-100"}`}
            >
              {l.nativeName}
            </Link>
          ))}
        </nav>
      </div>
      {missing > 0 ? (
        <p className="text-sm text-amber-800">
          {missing} strings are not translated into {nativeLanguageName(lang)}: suppliers see them in English.
        </p>
      ) : null}

      <div className="mx-auto max-w-3xl space-y-6" lang={template.language ?? "en"}>
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{template.title}</h1>
          {template.intro ? <p className="mt-2 text-sm text-slate-600">{template.intro}</p> : null}
        </div>
        {template.sections.map((s) => {
          const questions = template.questions.filter((q) => q.section === s.id && visible.has(q.id));
          if (questions.length === 0) return null;
          return (
            <section key={s.id} className="card p-4">
              <h2 className="text-base font-semibold text-slate-900">{s.title}</h2>
              {s.description ? <p className="mt-1 text-sm text-slate-500">{s.description}</p> : null}
              <div className="divide-y divide-slate-100">
                {questions.map((q) => (
                  <QuestionPreview
                    key={q.id}
                    question={q}
                    lang={lang}
                    number={`${++n}.`}
                    value={raw[q.id] ?? ""}
                    onChange={(v) => setRaw((prev) => ({ ...prev, [q.id]: v }))}
                  />
                ))}
              </div>
            </section>
          );
        })}
        <section className="card p-4">
          <p className="text-sm text-slate-700">{template.declaration.attestation}</p>
        </section>
      </div>
    </div>
  );
}
