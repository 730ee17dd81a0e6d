import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_HINT } from "~/evidence/file-types";
import { UploadForm, type UploadLabels } from "~/evidence/ui/UploadForm";
import { Field, FieldError, fieldBinder, FormError, Select, TextArea } from "~/ui/form";
import { Card } from "~/ui/layout";
import type { ActionEvent } from "~db/schema/remediation.constants";
import { METHOD_LABELS } from "./ActionSummary";

export type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

const val = (f: Failure | undefined, name: string) => {
  const v = f?.values?.[name];
  return typeof v === "string" ? v : "";
};

/** A textarea of one of these forms, filled and marked from its failure (3 rows unless told). */
function FailureTextArea({
  name,
  failure,
  idPrefix = "f",
  rows = 3,
  ...rest
}: {
  name: string;
  label: string;
  failure?: Failure;
  hint?: string;
  rows?: number;
  placeholder?: string;
  /** Unique per form when a page repeats it (one per action). */
  idPrefix?: string;
}) {
  const bind = fieldBinder(failure?.values, failure?.fieldErrors, idPrefix);
  return <TextArea {...bind(name)} rows={rows} {...rest} />;
}

export type PlanLabels = {
  rootCause: string;
  correctiveAction: string;
  preventiveAction: string;
  planTargetDate: string;
  supplierOwner: string;
  submit: string;
};

export const ENGLISH_PLAN_LABELS: PlanLabels = {
  rootCause: "Root cause",
  correctiveAction: "Corrective action",
  preventiveAction: "Preventive action",
  planTargetDate: "Completion date",
  supplierOwner: "Person responsible at the supplier",
  submit: "Submit plan",
};

/** The plan: root cause, corrective and preventive action, a completion date, the supplier's owner. */
export function PlanForm({
  failure,
  busy,
  labels = ENGLISH_PLAN_LABELS,
  defaults,
  actionId,
}: {
  failure?: Failure;
  busy: boolean;
  labels?: PlanLabels;
  defaults?: { supplierOwner?: string | null };
  /** Set on pages that list several actions (the supplier's page): which one the plan is for. */
  actionId?: string;
}) {
  const p = actionId ? `p-${actionId}` : "f";
  const bind = fieldBinder(failure?.values, failure?.fieldErrors, p);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="submit_plan" />
      {actionId ? <input type="hidden" name="actionId" value={actionId} /> : null}
      <FormError error={failure?.formError} />
      <FailureTextArea idPrefix={p} name="rootCause" label={labels.rootCause} failure={failure} />
      <FailureTextArea
        idPrefix={p}
        name="correctiveAction"
        label={labels.correctiveAction}
        failure={failure}
      />
      <FailureTextArea
        idPrefix={p}
        name="preventiveAction"
        label={labels.preventiveAction}
        failure={failure}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={labels.planTargetDate} type="date" {...bind("planTargetDate")} />
        <Field
          label={labels.supplierOwner}
          maxLength={200}
          {...bind("supplierOwner")}
          defaultValue={bind("supplierOwner").defaultValue || (defaults?.supplierOwner ?? "")}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {labels.submit}
      </button>
    </Form>
  );
}

/** A step that takes one comment (required or not): accept, return, escalate, reopen, close… */
export function CommentForm({
  intent,
  label,
  button,
  failure,
  busy,
  name = "comment",
  hint,
  danger,
}: {
  intent: string;
  label: string;
  button: string;
  failure?: Failure;
  busy: boolean;
  name?: string;
  hint?: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="space-y-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError error={failure?.formError} />
      <FailureTextArea idPrefix={intent} name={name} label={label} failure={failure} hint={hint} rows={2} />
      <button type="submit" className={danger ? "btn-secondary text-red-700" : "btn-primary"} disabled={busy}>
        {button}
      </button>
    </Form>
  );
}

export function VerifyForm({
  failure,
  busy,
  audits,
}: {
  failure?: Failure;
  busy: boolean;
  audits: { id: string; scheme: string; auditDate: string }[];
}) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="verify" />
      <FormError error={failure?.formError} />
      <fieldset>
        <legend className="label">How was it verified?</legend>
        {(Object.keys(METHOD_LABELS) as (keyof typeof METHOD_LABELS)[]).map((m) => (
          <label key={m} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="method"
              value={m}
              defaultChecked={(val(failure, "method") || "desk_review") === m}
            />
            {METHOD_LABELS[m]}
          </label>
        ))}
        <FieldError error={failure?.fieldErrors.method} />
      </fieldset>
      <Select
        label="Follow-up audit (for a follow-up audit)"
        {...fieldBinder(failure?.values, failure?.fieldErrors)("followUpAuditId")}
      >
        <option value="">—</option>
        {audits.map((a) => (
          <option key={a.id} value={a.id}>
            {a.scheme} audit of {a.auditDate}
          </option>
        ))}
      </Select>
      <FailureTextArea
        idPrefix="verify"
        name="note"
        label="What was checked"
        failure={failure}
        hint="e.g. Payroll records for March–May show the fees repaid to all 40 workers; bank transfer receipts attached."
      />
      <FieldError error={failure?.fieldErrors.verifier} />
      <button type="submit" className="btn-primary" disabled={busy}>
        Verify
      </button>
    </Form>
  );
}

export function EvidenceUploadForm({
  uploadUrl,
  failure,
  busy,
  uploadLimit,
  maxBytes,
  tooLargeMessage,
  label = "Add an evidence file",
  button = "Upload",
  actionId,
  labels,
  children,
}: {
  /** Where the progress bar's request goes (a resource route answering JSON). */
  uploadUrl: string;
  failure?: Failure;
  busy: boolean;
  uploadLimit: string;
  /** The file limit in bytes: a bigger file is refused before it is sent. */
  maxBytes?: number;
  /** Said when it is (the supplier's language on supplier pages). */
  tooLargeMessage?: string;
  label?: string;
  button?: string;
  /** Set on pages that list several actions: which one the file evidences. */
  actionId?: string;
  /** The progress block's words (supplier pages: the supplier's language). */
  labels?: UploadLabels;
  /** Further fields of the form (the buyer's owner, expiry and replaced file), above the button. */
  children?: (failure: Failure | undefined) => ReactNode;
}) {
  const fileId = actionId ? `file-${actionId}` : "f-file";
  return (
    <UploadForm
      uploadUrl={uploadUrl}
      failure={failure}
      busy={busy}
      labels={labels}
      className="space-y-3"
      maxFile={
        maxBytes
          ? {
              bytes: maxBytes,
              message:
                tooLargeMessage ??
                `The file is larger than the ${uploadLimit} limit. Please upload a smaller file (or split it).`,
            }
          : undefined
      }
    >
      {({ failure, busy }) => (
        <>
          <input type="hidden" name="intent" value="upload" />
          {actionId ? <input type="hidden" name="actionId" value={actionId} /> : null}
          <FormError error={failure?.formError} />
          <div>
            <label htmlFor={fileId} className="label">
              {label}
            </label>
            <input
              id={fileId}
              name="file"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              className="block w-full text-sm"
              aria-invalid={failure?.fieldErrors.file ? true : undefined}
            />
            <p className="mt-1 text-xs text-slate-500">
              {ALLOWED_TYPES_HINT}, up to {uploadLimit}.
            </p>
            {failure?.fieldErrors.file && failure.fieldErrors.file !== failure.formError ? (
              <FieldError error={failure.fieldErrors.file} />
            ) : null}
          </div>
          {children?.(failure)}
          <button type="submit" className="btn-secondary" disabled={busy}>
            {button}
          </button>
        </>
      )}
    </UploadForm>
  );
}

export function OwnerForm({
  owners,
  current,
  busy,
  failure,
}: {
  owners: { id: string; name: string }[];
  current: string | null;
  busy: boolean;
  failure?: Failure;
}) {
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="intent" value="owner" />
      <Select
        label="Owner on our side"
        name="buyerOwnerUserId"
        defaultValue={current ?? ""}
        error={failure?.fieldErrors.buyerOwnerUserId}
      >
        <OwnerOptions owners={owners} empty="Nobody yet" />
      </Select>
      <button type="submit" className="btn-secondary" disabled={busy}>
        Save owner
      </button>
    </Form>
  );
}

type CommentStep = {
  intent: ActionEvent;
  label: string;
  button: string;
  name?: string;
  hint?: string;
  danger?: boolean;
};

/** The steps the buyer takes with one comment, in the words of their forms. */
const COMMENT_STEPS = {
  accept_plan: { intent: "accept_plan", label: "Comment (optional)", button: "Accept plan" },
  return_plan: {
    intent: "return_plan",
    label: "What the plan is missing",
    button: "Return plan to supplier",
  },
  start_work: {
    intent: "start_work",
    name: "note",
    label: "Progress note (optional)",
    button: "Mark work started",
  },
  submit_evidence: {
    intent: "submit_evidence",
    name: "note",
    label: "What the evidence shows (optional)",
    button: "Submit evidence for verification",
    hint: "Upload the files first. Someone other than you will have to verify them.",
  },
  reject_evidence: {
    intent: "reject_evidence",
    label: "Why the evidence is not enough",
    button: "Send back: evidence not sufficient",
  },
  close: {
    intent: "close",
    label: "Closing note (optional)",
    button: "Close action and finding",
    hint: "Closing removes the finding's risk points.",
  },
  reopen: {
    intent: "reopen",
    label: "Reason for reopening",
    button: "Reopen",
    hint: "A new plan is owed: the plan and resolution deadlines restart today from the grade's windows (Settings → Deadlines and grades).",
    danger: true,
  },
} satisfies Record<string, CommentStep>;

/** The buyer's next steps, only those the state machine allows from here. */
export function BuyerSteps({
  events,
  failureFor,
  busyIntent,
  audits,
}: {
  events: ActionEvent[];
  failureFor: (intent: string) => Failure | undefined;
  busyIntent: string | null;
  audits: { id: string; scheme: string; auditDate: string }[];
}) {
  const has = (e: ActionEvent) => events.includes(e);
  const busy = (e: string) => busyIntent === e;
  const comment = (step: CommentStep) => (
    <CommentForm {...step} failure={failureFor(step.intent)} busy={busy(step.intent)} />
  );
  const single = (title: string, step: CommentStep) =>
    has(step.intent) ? <Card title={title}>{comment(step)}</Card> : null;
  return (
    <div className="space-y-4">
      {has("submit_plan") ? (
        <Card title="Record the plan (on the supplier's behalf)">
          <PlanForm failure={failureFor("submit_plan")} busy={busy("submit_plan")} />
        </Card>
      ) : null}
      {has("accept_plan") ? (
        <Card title="Review the plan">
          <div className="grid gap-6 sm:grid-cols-2">
            {comment(COMMENT_STEPS.accept_plan)}
            {comment(COMMENT_STEPS.return_plan)}
          </div>
        </Card>
      ) : null}
      {single("Progress", COMMENT_STEPS.start_work)}
      {single("Submit the evidence for verification", COMMENT_STEPS.submit_evidence)}
      {has("verify") ? (
        <Card title="Verify">
          <VerifyForm failure={failureFor("verify")} busy={busy("verify")} audits={audits} />
          <div className="mt-6 border-t border-slate-100 pt-4">{comment(COMMENT_STEPS.reject_evidence)}</div>
        </Card>
      ) : null}
      {single("Close", COMMENT_STEPS.close)}
      {single("Reopen", COMMENT_STEPS.reopen)}
    </div>
  );
}

export function EscalateForm({
  failure,
  busy,
  owners,
}: {
  failure?: Failure;
  busy: boolean;
  owners: { id: string; name: string }[];
}) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="escalate" />
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Regulators and the UN Guiding Principles warn against exiting a supplier instead of fixing the
        problem: leaving rarely helps the workers affected. Suspend new orders first and keep working on
        remediation; a responsible exit plan is the last resort.
      </p>
      <FormError error={failure?.formError} />
      <fieldset>
        <legend className="label">Step</legend>
        <label className="mr-4 inline-flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="kind"
            value="suspension"
            defaultChecked={val(failure, "kind") !== "responsible_exit"}
          />
          Suspend new orders
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="kind"
            value="responsible_exit"
            defaultChecked={val(failure, "kind") === "responsible_exit"}
          />
          Responsible exit plan (last resort)
        </label>
        <FieldError error={failure?.fieldErrors.kind} />
      </fieldset>
      <FailureTextArea idPrefix="escalate" name="comment" label="Reason" failure={failure} rows={2} />
      <Select label="Approved by" {...fieldBinder(failure?.values, failure?.fieldErrors)("approverUserId")}>
        <OwnerOptions owners={owners} empty="Choose…" />
      </Select>
      <button type="submit" className="btn-secondary text-red-700" disabled={busy}>
        Escalate
      </button>
    </Form>
  );
}

/** The organisation's members as options, after an empty choice. */
function OwnerOptions({ owners, empty }: { owners: { id: string; name: string }[]; empty: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {owners.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}
