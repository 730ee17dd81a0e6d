import { Form } from "@remix-run/react";
import { Field, FieldError } from "~/ui/form";
import { Card } from "~/ui/layout";

type Member = {
  id: string;
  name: string;
  title: string;
  body: string;
  appointedOn: string;
  leftOn: string | null;
};

/** The governing body as recorded: a statement's signatory must be a member on the approval date. */
export function GoverningBodyCard({
  members,
  canManage,
  errors,
  today,
}: {
  members: Member[];
  canManage: boolean;
  errors: Record<string, string>;
  today: string;
}) {
  return (
    <Card title="Governing body">
      <div id="governing-body" className="space-y-4">
        {members.length === 0 ? (
          <p className="text-sm text-slate-500">No members recorded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 py-2">
                <span>
                  <strong>{m.name}</strong>, {m.title} · {m.body} · since {m.appointedOn}
                  {m.leftOn ? ` · left ${m.leftOn}` : ""}
                </span>
                {canManage && !m.leftOn ? (
                  <Form method="post" className="flex items-center gap-1">
                    <input type="hidden" name="intent" value="member-left" />
                    <input type="hidden" name="memberId" value={m.id} />
                    <input
                      type="date"
                      name="leftOn"
                      defaultValue={today}
                      className="input w-40"
                      aria-label={`Date ${m.name} left`}
                    />
                    <button type="submit" className="btn-secondary">
                      Left
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <FieldError error={errors.leftOn} />
        {canManage ? (
          <Form method="post" className="grid gap-3 sm:grid-cols-5" noValidate>
            <input type="hidden" name="intent" value="add-member" />
            <Field label="Name" name="name" error={errors.name} />
            <Field label="Title" name="title" placeholder="Director" error={errors.title} />
            <Field label="Body" name="body" defaultValue="Board of directors" error={errors.body} />
            <Field label="Appointed on" name="appointedOn" type="date" error={errors.appointedOn} />
            <div className="flex items-end">
              <button type="submit" className="btn-primary w-full">
                Add member
              </button>
            </div>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
