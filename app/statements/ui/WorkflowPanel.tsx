import { Form, Link } from "@remix-run/react";
import { FieldError } from "~/ui/form";
import { Card } from "~/ui/layout";
import type { StatementStatus } from "~db/schema/statements.constants";
import { formatLongDate } from "../period";

type GoverningBodyMember = { id: string; name: string; title: string; body: string; leftOn: string | null };

type Props = {
  statementId: string;
  status: StatementStatus;
  approvalDate: string | null;
  governingBody: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  signedOn: string | null;
  publicUrl: string | null;
  members: GoverningBodyMember[];
  defaultBody: string;
  today: string;
  canWrite: boolean;
  canApprove: boolean;
  errors: Record<string, string>;
  busy: string | null;
};

/** draft → in review → approved → signed → published, one form per step, each shown when it applies. */
export function WorkflowPanel(p: Props) {
  const bodies = [...new Set(p.members.map((m) => m.body))];
  return (
    <Card title="Approval and publication">
      <ol className="mb-3 flex flex-wrap gap-1 text-xs text-slate-500">
        {(["draft", "in_review", "approved", "signed", "published"] as const).map((s) => (
          <li key={s} className={s === p.status ? "font-semibold text-slate-900" : undefined}>
            {s.replace("_", " ")}
            {s !== "published" ? " →" : ""}
          </li>
        ))}
      </ol>
      {p.status === "draft" && p.canWrite ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <p className="mb-2 text-sm text-slate-600">
            Send the draft to review: reviewers comment, the text stays editable.
          </p>
          <button type="submit" className="btn-primary w-full" disabled={p.busy === "submit"}>
            Submit for review
          </button>
        </Form>
      ) : null}
      {p.status === "in_review" && p.canApprove ? (
        bodies.length === 0 ? (
          <p className="text-sm text-amber-800">
            No governing body is recorded.{" "}
            <Link to="/statements#governing-body" className="link">
              Record its members
            </Link>{" "}
            first: the signatory must be one of them.
          </p>
        ) : (
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="approve" />
            <div>
              <label htmlFor="f-governingBody" className="label">
                Approved by
              </label>
              <select
                id="f-governingBody"
                name="governingBody"
                className="input"
                defaultValue={bodies.includes(p.defaultBody) ? p.defaultBody : bodies[0]}
              >
                {bodies.map((b) => (
                  <option key={b}>{b}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-approvalDate" className="label">
                Date of approval
              </label>
              <input
                id="f-approvalDate"
                name="approvalDate"
                type="date"
                className="input"
                max={p.today}
                aria-invalid={p.errors.approvalDate ? true : undefined}
              />
              <FieldError error={p.errors.approvalDate} />
            </div>
            <div>
              <label htmlFor="f-signatoryMemberId" className="label">
                Signed by (member of the governing body)
              </label>
              <select id="f-signatoryMemberId" name="signatoryMemberId" className="input">
                {p.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}, {m.title} ({m.body}
                    {m.leftOn ? `, left ${m.leftOn}` : ""})
                  </option>
                ))}
              </select>
              <FieldError error={p.errors.signatoryMemberId} />
            </div>
            <button type="submit" className="btn-primary w-full" disabled={p.busy === "approve"}>
              {p.busy === "approve" ? "Recording…" : "Record approval"}
            </button>
          </Form>
        )
      ) : null}
      {p.approvalDate ? (
        <p className="mb-3 text-sm text-slate-700">
          Approved by the {p.governingBody} on <strong>{formatLongDate(p.approvalDate)}</strong>; signatory{" "}
          {p.signatoryName}
          {p.signatoryTitle ? `, ${p.signatoryTitle}` : ""}
          {p.signedOn ? `, signed on ${formatLongDate(p.signedOn)}` : ""}.
        </p>
      ) : null}
      {p.status === "approved" && p.canApprove ? (
        <Form method="post" className="space-y-2" noValidate>
          <input type="hidden" name="intent" value="sign" />
          <label htmlFor="f-signedOn" className="label">
            Date signed by {p.signatoryName}
          </label>
          <input
            id="f-signedOn"
            name="signedOn"
            type="date"
            className="input"
            defaultValue={p.today}
            max={p.today}
          />
          <FieldError error={p.errors.signedOn} />
          <button type="submit" className="btn-primary w-full" disabled={p.busy === "sign"}>
            Record signature
          </button>
        </Form>
      ) : null}
      {p.status === "signed" && p.canApprove ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <p className="mb-2 text-sm text-slate-600">
            Publishing produces the final PDF and opens the public page.
          </p>
          <button type="submit" className="btn-primary w-full" disabled={p.busy === "publish"}>
            {p.busy === "publish" ? "Publishing…" : "Publish"}
          </button>
        </Form>
      ) : null}
      {p.status === "published" && p.publicUrl ? (
        <p className="text-sm">
          Public page (link it from your homepage):{" "}
          <a href={p.publicUrl} className="link" data-testid="public-url">
            {p.publicUrl}
          </a>
        </p>
      ) : null}
      {(p.status === "approved" || p.status === "signed" || p.status === "published") && p.canWrite ? (
        <Form method="post" className="mt-4 space-y-2 border-t border-slate-200 pt-3" noValidate>
          <input type="hidden" name="intent" value="revise" />
          <label htmlFor="f-note" className="label">
            This version cannot change. Revise it: what will the revision change?
          </label>
          <textarea id="f-note" name="note" rows={2} className="input" />
          <FieldError error={p.errors.note} />
          <button type="submit" className="btn-secondary w-full">
            Start a revision
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
