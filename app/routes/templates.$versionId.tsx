import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { languageName, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { readForm } from "~/infra/form.server";
import { formValues, handle, parseForm } from "~/infra/http.server";
import type { FormFailure } from "~/infra/validation";
import { requireMember } from "~/orgs/guard.server";
import {
  iloLabel,
  ILO_INDICATORS,
  missingTranslations,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  type Question,
} from "~/questionnaires/model";
import {
  CHOICE_TYPES,
  describeRule,
  NA_TYPES,
  NUMERIC_TYPES,
  questionFormSchema,
  questionToForm,
  TEXT_TYPES,
} from "~/questionnaires/template-editor";
import {
  editDraft,
  getTemplateVersion,
  publishVersion,
  startNewDraft,
  type DraftEdit,
} from "~/questionnaires/templates.server";
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

const line = (max: number, label: string) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} under ${max} characters.`);
const id = z.string().min(1).max(100);
const direction = z.enum(["up", "down"]);

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("meta"),
      title: line(200, "a title"),
      intro: z.string().trim().max(4000, "Keep the introduction under 4000 characters."),
      attestation: line(2000, "the declaration"),
    }),
    z.object({ intent: z.literal("add-section"), title: line(200, "a section title") }),
    z.object({
      intent: z.literal("update-section"),
      sectionId: id,
      title: line(200, "a section title"),
      description: z.string().trim().max(1000, "Keep the description under 1000 characters."),
    }),
    z.object({ intent: z.literal("delete-section"), sectionId: id }),
    z.object({ intent: z.literal("move-section"), sectionId: id, direction }),
    z.object({
      intent: z.literal("add-question"),
      sectionId: id,
      type: z.enum(QUESTION_TYPES, "Choose a type."),
    }),
    questionFormSchema.extend({ intent: z.literal("save-question"), questionId: id }),
    z.object({ intent: z.literal("delete-question"), questionId: id }),
    z.object({ intent: z.literal("move-question"), questionId: id, direction }),
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("new-draft") }),
  ],
  { error: "Unknown action" },
);

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
  const parsed = parseForm(actionSchema, form, context);
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
        const edit = toEdit(input);
        const { focus } = editDraft(ctx, versionId, edit);
        const q = focus && edit.op !== "add-section" ? `?q=${encodeURIComponent(focus)}#q-${focus}` : "";
        const anchor = !q && "sectionId" in edit ? `#s-${edit.sectionId}` : "";
        return redirect(`${here}${q}${anchor}`);
      }
    }
  }, context);
}

function toEdit(input: z.infer<typeof actionSchema>): DraftEdit {
  switch (input.intent) {
    case "meta":
      return { op: "meta", title: input.title, intro: input.intro, attestation: input.attestation };
    case "add-section":
      return { op: "add-section", title: input.title };
    case "update-section":
      return {
        op: "update-section",
        sectionId: input.sectionId,
        title: input.title,
        description: input.description,
      };
    case "delete-section":
      return { op: "delete-section", sectionId: input.sectionId };
    case "move-section":
      return { op: "move-section", sectionId: input.sectionId, direction: input.direction };
    case "add-question":
      return { op: "add-question", sectionId: input.sectionId, type: input.type };
    case "save-question": {
      const { intent: _i, questionId, ...form } = input;
      void _i;
      return { op: "save-question", questionId, form };
    }
    case "delete-question":
      return { op: "delete-question", questionId: input.questionId };
    case "move-question":
      return { op: "move-question", questionId: input.questionId, direction: input.direction };
    default:
      throw new Error(`Not an edit: ${input.intent}`);
  }
}

function SmallButton({
  intent,
  fields,
  label,
  title,
  danger,
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  title: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        title={title}
        aria-label={title}
        className={`rounded px-2 py-1 text-xs font-medium ${danger ? "text-red-700 hover:bg-red-50" : "text-slate-600 hover:bg-slate-100"}`}
      >
        {label}
      </button>
    </Form>
  );
}

function QuestionBadges({ q }: { q: Question }) {
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      <Badge>{QUESTION_TYPE_LABELS[q.type]}</Badge>
      {q.required ? <Badge tone="blue">required</Badge> : <Badge>optional</Badge>}
      {q.allowNotApplicable ? <Badge>N/A allowed</Badge> : null}
      {q.rule.redFlag ? <Badge tone="red">red flag</Badge> : null}
      {q.rule.control ? <Badge tone="green">control</Badge> : null}
      {q.evidence ? <Badge tone="blue">evidence requested</Badge> : null}
      {q.visibleWhen ? (
        <Badge tone="amber">
          shown when {q.visibleWhen.questionId}{" "}
          {"equals" in q.visibleWhen ? `= ${q.visibleWhen.equals}` : `in ${q.visibleWhen.in.join(", ")}`}
        </Badge>
      ) : null}
      {q.iloIndicators.map((n) => (
        <span key={n} title={iloLabel(n)}>
          <Badge>ILO {n}</Badge>
        </span>
      ))}
    </div>
  );
}

function QuestionEditor({ q, earlier, result }: { q: Question; earlier: Question[]; result?: FormFailure }) {
  const mine = result?.intent === "save-question" && result.target === q.id;
  const errors = mine ? result.fieldErrors : {};
  const initial = mine && result.values ? result.values : questionToForm(q);
  const v = (k: string) => String(initial[k] ?? "");
  const [type, setType] = useState<string>(v("type") || q.type);
  const flag = (k: string) => {
    const x = initial[k];
    return x === true || x === "on" || x === "true";
  };
  const ilo = new Set(
    (Array.isArray(initial.iloIndicators) ? initial.iloIndicators : [initial.iloIndicators])
      .filter(Boolean)
      .map(String),
  );
  const isChoice = CHOICE_TYPES.includes(type as Question["type"]);
  const isNumeric = NUMERIC_TYPES.includes(type as Question["type"]);
  const fid = (k: string) => `q-${q.id}-${k}`;

  return (
    <Form
      method="post"
      className="mt-3 space-y-4 rounded-md border border-brand-200 bg-brand-50/40 p-4"
      noValidate
    >
      <input type="hidden" name="intent" value="save-question" />
      <input type="hidden" name="questionId" value={q.id} />
      {mine ? <FormError error={result.formError ?? result.fieldErrors._form} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-2">
          <label className="label" htmlFor={fid("text")}>
            Question
          </label>
          <textarea
            id={fid("text")}
            name="text"
            rows={2}
            className="input"
            defaultValue={v("text")}
            aria-invalid={errors.text ? true : undefined}
          />
          <FieldError error={errors.text} />
        </div>
        <div>
          <label className="label" htmlFor={fid("type")}>
            Answer type
          </label>
          <select
            id={fid("type")}
            name="type"
            className="input"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            {QUESTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {QUESTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError error={errors.type} />
        </div>
      </div>
      <div>
        <label className="label" htmlFor={fid("help")}>
          Help text
        </label>
        <input id={fid("help")} name="help" className="input" defaultValue={v("help")} />
        <FieldError error={errors.help} />
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name="required"
            defaultChecked={flag("required")}
            className="h-4 w-4 rounded"
          />{" "}
          Required
        </label>
        {NA_TYPES.includes(type as Question["type"]) ? (
          <label className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              name="allowNotApplicable"
              defaultChecked={flag("allowNotApplicable")}
              className="h-4 w-4 rounded"
            />{" "}
            Offer “Not applicable”
          </label>
        ) : null}
        <FieldError error={errors.allowNotApplicable} />
      </div>

      {isChoice ? (
        <div>
          <label className="label" htmlFor={fid("options")}>
            Options
          </label>
          <textarea
            id={fid("options")}
            name="options"
            rows={5}
            className="input font-mono text-xs"
            defaultValue={v("options")}
            aria-invalid={errors.options ? true : undefined}
          />
          <p className="mt-1 text-xs text-slate-500">
            One per line: value | label | risk points (optional), e.g. “none | No audit | 4”.
          </p>
          <FieldError error={errors.options} />
        </div>
      ) : null}
      {type === "number" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Minimum"
            name="min"
            id={fid("min")}
            defaultValue={v("min")}
            error={errors.min}
            inputMode="decimal"
          />
          <Field
            label="Maximum"
            name="max"
            id={fid("max")}
            defaultValue={v("max")}
            error={errors.max}
            inputMode="decimal"
          />
          <Field
            label="Unit"
            name="unit"
            id={fid("unit")}
            defaultValue={v("unit")}
            error={errors.unit}
            placeholder="hours per week"
          />
        </div>
      ) : null}
      {TEXT_TYPES.includes(type as Question["type"]) ? (
        <Field
          label="Maximum length (characters)"
          name="maxLength"
          id={fid("maxLength")}
          defaultValue={v("maxLength")}
          error={errors.maxLength}
          inputMode="numeric"
        />
      ) : null}

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Risk rule</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {type === "yes_no" ? (
            <>
              <Field
                label="Points for Yes"
                name="pointsYes"
                id={fid("pointsYes")}
                defaultValue={v("pointsYes")}
                error={errors.pointsYes}
                inputMode="decimal"
              />
              <Field
                label="Points for No"
                name="pointsNo"
                id={fid("pointsNo")}
                defaultValue={v("pointsNo")}
                error={errors.pointsNo}
                inputMode="decimal"
              />
            </>
          ) : null}
          {NA_TYPES.includes(type as Question["type"]) ? (
            <Field
              label="Points for Not applicable"
              name="pointsNa"
              id={fid("pointsNa")}
              defaultValue={v("pointsNa")}
              error={errors.pointsNa}
              inputMode="decimal"
            />
          ) : null}
          {isNumeric ? (
            <div className="md:col-span-2">
              <label className="label" htmlFor={fid("thresholds")}>
                Thresholds
              </label>
              <textarea
                id={fid("thresholds")}
                name="thresholds"
                rows={3}
                className="input font-mono text-xs"
                defaultValue={v("thresholds")}
                aria-invalid={errors.thresholds ? true : undefined}
              />
              <p className="mt-1 text-xs text-slate-500">
                One per line: “above = points”. The highest threshold the answer exceeds applies.
              </p>
              <FieldError error={errors.thresholds} />
            </div>
          ) : null}
          {isNumeric ? (
            <Field
              label="Red flag when above"
              name="redFlagAbove"
              id={fid("redFlagAbove")}
              defaultValue={v("redFlagAbove")}
              error={errors.redFlagAbove}
              inputMode="decimal"
            />
          ) : type === "yes_no" || isChoice ? (
            <Field
              label="Red flag when the answer is"
              name="redFlagValues"
              id={fid("redFlagValues")}
              defaultValue={v("redFlagValues")}
              error={errors.redFlagValues}
              hint={type === "yes_no" ? "yes or no" : "option values, comma separated"}
            />
          ) : null}
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <label className="inline-flex items-center gap-2 text-sm md:col-span-1">
            <input
              type="checkbox"
              name="control"
              defaultChecked={flag("control")}
              className="h-4 w-4 rounded"
            />{" "}
            Management control (negative points lower risk)
          </label>
          <Field
            label="Credit without evidence"
            name="unevidencedPoints"
            id={fid("unevidencedPoints")}
            defaultValue={v("unevidencedPoints")}
            error={errors.unevidencedPoints}
            hint="Default: half the credit"
            inputMode="decimal"
          />
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-2">
            <Field
              label="Evidence request"
              name="evidenceRequest"
              id={fid("evidenceRequest")}
              defaultValue={v("evidenceRequest")}
              error={errors.evidenceRequest}
              placeholder="Upload your recruitment-fee policy."
            />
          </div>
          <Field
            label="Ask for evidence when the answer is"
            name="evidenceWhen"
            id={fid("evidenceWhen")}
            defaultValue={v("evidenceWhen")}
            error={errors.evidenceWhen}
            hint="Empty: always"
          />
        </div>
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          ILO indicators this question informs
        </legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {Object.entries(ILO_INDICATORS).map(([n, label]) => (
            <label key={n} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="iloIndicators"
                value={n}
                defaultChecked={ilo.has(n)}
                className="h-4 w-4 rounded"
              />
              {n} · {label}
            </label>
          ))}
        </div>
        <FieldError error={errors.iloIndicators} />
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Condition</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label className="label" htmlFor={fid("visibleWhenQuestion")}>
              Show only when this earlier question…
            </label>
            <select
              id={fid("visibleWhenQuestion")}
              name="visibleWhenQuestion"
              className="input"
              defaultValue={v("visibleWhenQuestion")}
              aria-invalid={errors.visibleWhenQuestion ? true : undefined}
            >
              <option value="">Always show</option>
              {earlier
                .filter((e) => e.type !== "file")
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.id} · {e.text.length > 70 ? `${e.text.slice(0, 70)}…` : e.text}
                  </option>
                ))}
            </select>
            <FieldError error={errors.visibleWhenQuestion} />
          </div>
          <Field
            label="…has one of these answers"
            name="visibleWhenValues"
            id={fid("visibleWhenValues")}
            defaultValue={v("visibleWhenValues")}
            error={errors.visibleWhenValues}
            hint="Answer values, comma separated: yes, no, or option values"
          />
        </div>
      </fieldset>

      <div className="flex gap-3">
        <button type="submit" className="btn-primary">
          Save question
        </button>
        <Link to="." className="btn-secondary">
          Close
        </Link>
      </div>
    </Form>
  );
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

      {c.sections.map((s, si) => {
        const questions = c.questions.filter((q) => q.section === s.id);
        const sectionErrors = errorsFor("update-section", s.id);
        return (
          <section key={s.id} id={`s-${s.id}`} className="card">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
              <div>
                <h2 className="text-sm font-semibold text-slate-900">
                  {si + 1}. {s.title}
                </h2>
                {s.description ? <p className="text-xs text-slate-500">{s.description}</p> : null}
              </div>
              {draft ? (
                <div className="flex items-center gap-1">
                  <SmallButton
                    intent="move-section"
                    fields={{ sectionId: s.id, direction: "up" }}
                    label="↑"
                    title={`Move section ${s.title} up`}
                  />
                  <SmallButton
                    intent="move-section"
                    fields={{ sectionId: s.id, direction: "down" }}
                    label="↓"
                    title={`Move section ${s.title} down`}
                  />
                  <SmallButton
                    intent="delete-section"
                    fields={{ sectionId: s.id }}
                    label="Delete"
                    title={`Delete section ${s.title}`}
                    danger
                  />
                </div>
              ) : null}
            </div>
            <div className="divide-y divide-slate-100 px-4">
              {draft ? (
                <details className="py-3" open={Object.keys(sectionErrors).length > 0}>
                  <summary className="cursor-pointer text-xs font-medium text-slate-500">
                    Rename section
                  </summary>
                  <Form method="post" className="mt-2 grid gap-3 md:grid-cols-3" noValidate>
                    <input type="hidden" name="intent" value="update-section" />
                    <input type="hidden" name="sectionId" value={s.id} />
                    <Field
                      label="Title"
                      name="title"
                      id={`s-${s.id}-title`}
                      defaultValue={s.title}
                      error={sectionErrors.title}
                    />
                    <Field
                      label="Description"
                      name="description"
                      id={`s-${s.id}-description`}
                      defaultValue={s.description}
                      error={sectionErrors.description}
                    />
                    <div className="flex items-end">
                      <button type="submit" className="btn-secondary">
                        Save section
                      </button>
                    </div>
                  </Form>
                </details>
              ) : null}
              {questions.length === 0 ? (
                <p className="py-4 text-sm text-slate-500">No questions in this section yet.</p>
              ) : null}
              {questions.map((q) => {
                const open = draft && t.selected === q.id;
                const earlier = c.questions.slice(
                  0,
                  c.questions.findIndex((x) => x.id === q.id),
                );
                return (
                  <div key={q.id} id={`q-${q.id}`} className="py-3">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="text-sm text-slate-900">
                          <span className="mr-2 font-mono text-xs text-slate-400">{q.id}</span>
                          {q.text}
                        </p>
                        <QuestionBadges q={q} />
                        <p className="mt-1 text-xs text-slate-500">{describeRule(q)}</p>
                      </div>
                      {draft ? (
                        <div className="flex shrink-0 items-center gap-1">
                          <SmallButton
                            intent="move-question"
                            fields={{ questionId: q.id, direction: "up" }}
                            label="↑"
                            title={`Move ${q.id} up`}
                          />
                          <SmallButton
                            intent="move-question"
                            fields={{ questionId: q.id, direction: "down" }}
                            label="↓"
                            title={`Move ${q.id} down`}
                          />
                          <Link
                            to={`?q=${q.id}#q-${q.id}`}
                            className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
                            aria-label={`Edit ${q.id}`}
                          >
                            Edit
                          </Link>
                          <SmallButton
                            intent="delete-question"
                            fields={{ questionId: q.id }}
                            label="Delete"
                            title={`Delete ${q.id}`}
                            danger
                          />
                        </div>
                      ) : null}
                    </div>
                    {open ? (
                      <QuestionEditor
                        key={`${q.id}-${JSON.stringify(q)}`}
                        q={q}
                        earlier={earlier}
                        result={result}
                      />
                    ) : null}
                  </div>
                );
              })}
              {draft ? (
                <Form method="post" className="flex flex-wrap items-end gap-2 py-3">
                  <input type="hidden" name="intent" value="add-question" />
                  <input type="hidden" name="sectionId" value={s.id} />
                  <div>
                    <label className="label" htmlFor={`s-${s.id}-type`}>
                      New question type
                    </label>
                    <select id={`s-${s.id}-type`} name="type" className="input" defaultValue="yes_no">
                      {QUESTION_TYPES.map((qt) => (
                        <option key={qt} value={qt}>
                          {QUESTION_TYPE_LABELS[qt]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="btn-secondary" disabled={busy}>
                    Add question to {s.title}
                  </button>
                </Form>
              ) : null}
            </div>
          </section>
        );
      })}

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
