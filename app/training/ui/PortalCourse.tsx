import { Form, Link } from "@remix-run/react";
import { translate, type Messages } from "~/i18n/translate";
import { LEARNER_NAME_MAX } from "~/training/learner-name";
import type { portalCourseView, CourseStep, QuizOutcome } from "~/training/portal-course.server";

type View = ReturnType<typeof portalCourseView>;

/**
 * The built-in course as the supplier's staff see it: pages as plain links, the quiz as a plain form,
 * the language as a GET form, so it all works without JavaScript on a basic phone.
 */
export function PortalCourse({
  view,
  step,
  outcome,
  base,
}: {
  view: View;
  step: CourseStep;
  outcome?: QuizOutcome;
  base: string;
}) {
  const t = translate(view.messages as Messages<string>);
  const total = view.pages.length;
  const href = (s: string) => `${base}?lang=${encodeURIComponent(view.lang)}&step=${s}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {view.organization} · {view.supplier} · {t("duration", { minutes: view.minutes })}
        </p>
        <Form method="get" className="flex items-center gap-2">
          <input type="hidden" name="step" value={step.kind === "quiz" ? "quiz" : String(step.index + 1)} />
          <label htmlFor="course-lang" className="text-sm text-slate-600">
            {t("lang.label")}
          </label>
          <select id="course-lang" name="lang" defaultValue={view.lang} className="input w-auto py-1 text-sm">
            {view.languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn-secondary py-1 text-sm">
            {t("lang.change")}
          </button>
        </Form>
      </header>

      {step.kind === "page" ? (
        <CoursePageView view={view} index={step.index} t={t} href={href} total={total} />
      ) : outcome?.ok && outcome.result.passed ? (
        <section className="space-y-3" aria-live="polite">
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
          >
            {t("result.passed", { score: outcome.result.score, total: outcome.result.total })}
          </p>
          <Link className="link" to={base.replace(/\/training$/, "")}>
            {t("nav.back")}
          </Link>
        </section>
      ) : (
        <QuizForm view={view} t={t} outcome={outcome} href={href} />
      )}
    </div>
  );
}

function CoursePageView({
  view,
  index,
  t,
  href,
  total,
}: {
  view: View;
  index: number;
  t: (k: string, v?: Record<string, string | number>) => string;
  href: (s: string) => string;
  total: number;
}) {
  const page = view.pages[index];
  return (
    <section className="space-y-4">
      {index === 0 ? <p>{t("intro")}</p> : null}
      <p className="text-xs uppercase text-slate-500">{t("nav.pageOf", { n: index + 1, total })}</p>
      <h2 className="text-xl font-semibold">{t(page.title)}</h2>
      {page.intro ? <p>{t(page.intro)}</p> : null}
      {page.items.length ? (
        <ol className="list-decimal space-y-2 ps-6">
          {page.items.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ol>
      ) : null}
      {page.paragraphs.map((k) => (
        <p key={k}>{t(k)}</p>
      ))}
      <nav className="flex justify-between gap-4 pt-2">
        {index > 0 ? (
          <Link className="btn-secondary" to={href(String(index))}>
            {t("nav.previous")}
          </Link>
        ) : (
          <span />
        )}
        {index + 1 < total ? (
          <Link className="btn-primary" to={href(String(index + 2))}>
            {t("nav.next")}
          </Link>
        ) : (
          <Link className="btn-primary" to={href("quiz")}>
            {t("nav.toQuiz")}
          </Link>
        )}
      </nav>
    </section>
  );
}

function QuizForm({
  view,
  t,
  outcome,
  href,
}: {
  view: View;
  t: (k: string, v?: Record<string, string | number>) => string;
  outcome?: QuizOutcome;
  href: (s: string) => string;
}) {
  const values = outcome?.values ?? {};
  const failed = outcome?.ok && !outcome.result.passed ? outcome.result : null;
  return (
    <section className="space-y-4">
      <h2 className="text-xl font-semibold">{t("quiz.title")}</h2>
      <p>{t("quiz.intro", { pass: view.passMark, total: view.quiz.length })}</p>
      {outcome && !outcome.ok ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {outcome.formError}
        </p>
      ) : null}
      {failed ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900"
        >
          <p>{t("result.failed", { score: failed.score, total: failed.total, pass: view.passMark })}</p>
          <Link className="link" to={href("1")}>
            {t("nav.previous")}: {t("p1.title")}
          </Link>
        </div>
      ) : null}
      <Form method="post" className="space-y-5">
        <input type="hidden" name="lang" value={view.lang} />
        <div>
          <label htmlFor="learnerName" className="block text-sm font-medium">
            {t("quiz.name")}
          </label>
          <input
            id="learnerName"
            name="learnerName"
            className="input"
            autoComplete="name"
            maxLength={LEARNER_NAME_MAX}
            required
            defaultValue={values.learnerName ?? ""}
          />
        </div>
        {view.quiz.map((q, i) => (
          <fieldset key={q.name} className="space-y-2">
            <legend className="font-medium">
              {i + 1}. {t(q.text)}
              {failed ? (
                <span className={failed.right[q.name] ? "ms-2 text-emerald-700" : "ms-2 text-red-700"}>
                  ({failed.right[q.name] ? t("result.correct") : t("result.wrong")})
                </span>
              ) : null}
            </legend>
            {(Object.entries(q.choices) as [string, string][]).map(([c, key]) => (
              <label key={c} className="flex items-start gap-2">
                <input
                  type="radio"
                  name={q.name}
                  value={c}
                  required
                  defaultChecked={!failed && values[q.name] === c}
                  className="mt-1"
                />
                <span>{t(key)}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="btn-primary">
          {failed ? t("result.again") : t("quiz.submit")}
        </button>
      </Form>
    </section>
  );
}
