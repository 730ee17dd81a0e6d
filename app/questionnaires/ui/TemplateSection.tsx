import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FormFailure } from "~/infra/validation";
import { Field, fieldBinder, Select } from "~/ui/form";
import { IntentButton } from "~/ui/IntentButton";
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type Question, type Section } from "../model";
import { describeRule } from "../template-editor";
import { QuestionBadges } from "./QuestionBadges";
import { QuestionEditor } from "./QuestionEditor";

/**
 * One section of a template in the editor: its questions (with the open one's editor), and for a draft
 * the forms to rename, move or delete it and to add a question.
 */
export function TemplateSection({
  s,
  si,
  questions: all,
  draft,
  selected,
  busy,
  result,
}: {
  s: Section;
  si: number;
  /** Every question of the template, in order (conditions may refer to earlier sections). */
  questions: Question[];
  draft: boolean;
  /** The question whose editor is open. */
  selected: string | null;
  busy: boolean;
  result?: FormFailure;
}) {
  const questions = all.filter((q) => q.section === s.id);
  const sectionErrors =
    result?.intent === "update-section" && (result.target ?? "") === s.id ? result.fieldErrors : {};
  const bindSection = fieldBinder(s, sectionErrors, `s-${s.id}`);
  return (
    <section id={`s-${s.id}`} className="card">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">
            {si + 1}. {s.title}
          </h2>
          {s.description ? <p className="text-xs text-slate-500">{s.description}</p> : null}
        </div>
        {draft ? (
          <div className="flex items-center gap-1">
            <MoveButtons intent="move-section" fields={{ sectionId: s.id }} name={`section ${s.title}`} />
            <ToolButton
              intent="delete-section"
              fields={{ sectionId: s.id }}
              title={`Delete section ${s.title}`}
              danger
            >
              Delete
            </ToolButton>
          </div>
        ) : null}
      </div>
      <div className="divide-y divide-slate-100 px-4">
        {draft ? (
          <details className="py-3" open={Object.keys(sectionErrors).length > 0}>
            <summary className="cursor-pointer text-xs font-medium text-slate-500">Rename section</summary>
            <Form method="post" className="mt-2 grid gap-3 md:grid-cols-3" noValidate>
              <input type="hidden" name="intent" value="update-section" />
              <input type="hidden" name="sectionId" value={s.id} />
              <Field label="Title" {...bindSection("title")} />
              <Field label="Description" {...bindSection("description")} />
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
          const open = draft && selected === q.id;
          const earlier = all.slice(
            0,
            all.findIndex((x) => x.id === q.id),
          );
          return (
            <div key={q.id} id={`q-${q.id}`} className="py-3">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="text-sm text-slate-900">
                    <span className="mr-2 font-mono text-xs text-slate-500">{q.id}</span>
                    {q.text}
                  </p>
                  <QuestionBadges q={q} />
                  <p className="mt-1 text-xs text-slate-500">{describeRule(q)}</p>
                </div>
                {draft ? (
                  <div className="flex shrink-0 items-center gap-1">
                    <MoveButtons intent="move-question" fields={{ questionId: q.id }} name={q.id} />
                    <Link
                      to={`?q=${q.id}#q-${q.id}`}
                      className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
                      aria-label={`Edit ${q.id}`}
                    >
                      Edit
                    </Link>
                    <ToolButton
                      intent="delete-question"
                      fields={{ questionId: q.id }}
                      title={`Delete ${q.id}`}
                      danger
                    >
                      Delete
                    </ToolButton>
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
            <Select label="New question type" id={`s-${s.id}-type`} name="type" defaultValue="yes_no">
              {QUESTION_TYPES.map((qt) => (
                <option key={qt} value={qt}>
                  {QUESTION_TYPE_LABELS[qt]}
                </option>
              ))}
            </Select>
            <button type="submit" className="btn-secondary" disabled={busy}>
              Add question to {s.title}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

const TOOL_CLASS = "rounded px-2 py-1 text-xs font-medium";

/** A small one-button form of the editor's rows (move, delete). */
function ToolButton({
  intent,
  fields,
  title,
  danger,
  children,
}: {
  intent: string;
  fields: Record<string, string>;
  title: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <IntentButton
      intent={intent}
      fields={fields}
      title={title}
      formClassName="inline"
      className={`${TOOL_CLASS} ${danger ? "text-red-700 hover:bg-red-50" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </IntentButton>
  );
}

/** ↑ and ↓ for a section or a question (`name` as the buttons say it: "section Wages", "Q12"). */
function MoveButtons({
  intent,
  fields,
  name,
}: {
  intent: string;
  fields: Record<string, string>;
  name: string;
}) {
  return (
    <>
      <ToolButton intent={intent} fields={{ ...fields, direction: "up" }} title={`Move ${name} up`}>
        ↑
      </ToolButton>
      <ToolButton intent={intent} fields={{ ...fields, direction: "down" }} title={`Move ${name} down`}>
        ↓
      </ToolButton>
    </>
  );
}
