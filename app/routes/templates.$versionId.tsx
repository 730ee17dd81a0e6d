import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { languageName, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { formValues, handle, parseForm } from "~/infra/http.server";

import { requireMember } from "~/orgs/guard.server";
import { missingTranslations } from "~/questionnaires/model";
import { templateEditSchema, toDraftEdit } from "~/questionnaires/template-editor";
import {
  editDraft,
  getTemplateVersion,
  publishVersion,
  startNewDraft,
} from "~/questionnaires/templates.server";
import { TemplateSection } from "~/questionnaires/ui/TemplateSection";
import { Field, FieldError, FormError, Notice } from "~/ui/form";
import { Badge, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.name ?? "Template"} · Templates · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const version = await handle(() => getTemplateVersion(ctx, params.versionId ?? ""));
  const url = new URL(request.url);
  const missing = SUPPORTED_LANGUAGES.filter((l) => l.code !== "en").map((l) => ({
    code: l.code,
    missing: missingTranslations(version.content, l.code).length,
  }));
  return { ...version, selected: url.searchParams.get("q"), notice: url.searchParams.get("notice"), missing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "templates:manage");
  const versionId = params.versionId ?? "";
  const form = await readForm(request);
  // A refused edit keeps what was typed and which form it came from (the intent, and the question or
  // section it edits), so that form shows the errors.
  const context = {
    intent: String(form.get("intent") ?? ""),
    target: String(form.get("questionId") ?? form.get("sectionId") ?? ""),
    values: { ...formValues(form), iloIndicators: form.getAll("iloIndicators").map(String) },
  };
  const parsed = parseForm(templateEditSchema, form, context);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return handle(() => {
    const here = `/templates/${versionId}`;
    switch (input.intent) {
      case "publish":
        publishVersion(ctx, versionId);
        return redirect(`${here}?notice=published`);
      case "new-draft":
        return redirect(`/templates/${startNewDraft(ctx, versionId).versionId}?notice=draft`);
      default: {
        const edit = toDraftEdit(input);
        const { focus } = editDraft(ctx, versionId, edit);
        const q = focus && edit.op !== "add-section" ? `?q=${encodeURIComponent(focus)}#q-${focus}` : "";
        const anchor = !q && "sectionId" in edit ? `#s-${edit.sectionId}` : "";
        return redirect(`${here}${q}${anchor}`);
      }
    }
  }, context);
}

export default function TemplateEditor() {
  const t = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const draft = t.status === "draft";
  const c = t.content;
  const errorsFor = (intent: string, target = "") =>
    result?.intent === intent && (result.target ?? "") === target ? result.fieldErrors : {};
  const formErrorFor = (intent: string, target = "") =>
    result?.intent === intent && (result.target ?? "") === target
      ? (result.formError ?? undefined)
      : undefined;
  const metaErrors = errorsFor("meta");
  const incomplete = t.missing.filter((m) => m.missing > 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Link to="/templates" className="link">
              Templates
            </Link>
            <span>·</span>
            <span>Version {t.version}</span>
            <Badge tone={draft ? "amber" : "green"}>{draft ? "draft" : "published"}</Badge>
            <span>
              {c.questions.length} questions in {c.sections.length} sections
            </span>
          </span>
        }
        actions={
          <>
            <Link to={`/templates/${t.id}/preview`} className="btn-secondary">
              Preview
            </Link>
            <Link to={`/templates/${t.id}/translate`} className="btn-secondary">
              Translations
            </Link>
            {draft ? (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <button type="submit" className="btn-primary" disabled={busy}>
                  Publish version {t.version}
                </button>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="new-draft" />
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t.draftId ? "Open the draft" : "Start a new draft"}
                </button>
              </Form>
            )}
          </>
        }
      />

      {t.notice === "published" ? (
        <Notice>
          Version {t.version} is published. It can now be sent in campaigns; its content will never change.
        </Notice>
      ) : null}
      {t.notice === "draft" ? <Notice>A new draft version was started from the published one.</Notice> : null}
      {!draft ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Published versions are read-only, so suppliers are always judged against exactly what they were
          asked. Start a new draft to make changes.
        </div>
      ) : null}
      <FormError
        error={
          result && !["meta", "save-question"].includes(result.intent ?? "")
            ? (result.formError ?? Object.values(result.fieldErrors ?? {})[0])
            : undefined
        }
      />
      {draft && incomplete.length > 0 ? (
        <p className="text-sm text-amber-800">
          Missing translations:{" "}
          {incomplete.map((m, i) => (
            <span key={m.code}>
              {i > 0 ? ", " : ""}
              <Link to={`/templates/${t.id}/translate?lang=${m.code}`} className="link">
                {languageName(m.code)} ({m.missing})
              </Link>
            </span>
          ))}
          . Suppliers see English for strings that are not translated.
        </p>
      ) : null}

      <Card title="Template details">
        {draft ? (
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="meta" />
            <FormError error={formErrorFor("meta")} />
            <Field label="Title suppliers see" name="title" defaultValue={c.title} error={metaErrors.title} />
            <div>
              <label className="label" htmlFor="f-intro">
                Introduction
              </label>
              <textarea id="f-intro" name="intro" rows={3} className="input" defaultValue={c.intro} />
              <FieldError error={metaErrors.intro} />
            </div>
            <div>
              <label className="label" htmlFor="f-attestation">
                Declaration the supplier signs
              </label>
              <textarea
                id="f-attestation"
                name="attestation"
                rows={2}
                className="input"
                defaultValue={c.declaration.attestation}
              />
              <FieldError error={metaErrors.attestation} />
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              Save details
            </button>
          </Form>
        ) : (
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Title</dt>
              <dd className="text-slate-900">{c.title}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Introduction</dt>
              <dd className="text-slate-900">{c.intro || "—"}</dd>
            </div>
          </dl>
        )}
      </Card>

      {c.sections.map((s, si) => (
        <TemplateSection
          key={s.id}
          s={s}
          si={si}
          questions={c.questions}
          draft={draft}
          selected={t.selected}
          busy={busy}
          result={result}
        />
      ))}

      {draft ? (
        <Card title="Add a section">
          <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="intent" value="add-section" />
            <div className="min-w-[16rem] flex-1">
              <Field
                label="Section title"
                name="title"
                id="new-section-title"
                error={errorsFor("add-section").title}
              />
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              Add section
            </button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
