import { Form } from "@remix-run/react";
import type { UploadLabels } from "~/evidence/ui/UploadForm";
import { translate, type Messages } from "~/i18n/translate";
import { Field, FieldError, FormError, Notice, stringValue } from "~/ui/form";
import { Card } from "~/ui/layout";
import type { ActionEvent, ActionState } from "~db/schema/remediation.constants";
import type { SupplierActionsKey } from "../supplier-i18n.server";
import { EvidenceUploadForm, PlanForm, type Failure } from "./ActionForms";
import { WithdrawEvidenceForm } from "./WithdrawEvidence";

export type SupplierActionView = {
  id: string;
  title: string;
  clause: string | null;
  state: ActionState;
  planDueDate: string | null;
  dueDate: string;
  supplierResponse: "agreed" | "disputed" | null;
  supplierResponseReason: string | null;
  supplierOwner: string | null;
  returnedComment: string | null;
  evidenceCount: number;
  myFiles: { id: string; fileName: string; version: number; createdAt: string }[];
  steps: ActionEvent[];
};

type Result = { ok: boolean; intent?: string; target?: string; notice?: string } & Partial<Failure>;

/** One corrective action as the supplier sees it, in its language, with the steps it may take now. */
export function SupplierActionCard({
  item: a,
  messages,
  orgName,
  result,
  busyIntent,
  uploadLimit,
  maxBytes,
}: {
  item: SupplierActionView;
  messages: Messages<SupplierActionsKey>;
  orgName: string;
  result?: Result;
  busyIntent: string | null;
  uploadLimit: string;
  maxBytes?: number;
}) {
  const t = translate(messages);
  const mine = result?.target === a.id ? result : undefined;
  const failure = (intent: string): Failure | undefined =>
    mine && !mine.ok && mine.intent === intent
      ? { formError: mine.formError, fieldErrors: mine.fieldErrors ?? {}, values: mine.values }
      : undefined;
  const has = (e: ActionEvent) => a.steps.includes(e);
  const uploadLabels: UploadLabels = {
    progress: t("upload.progress"),
    sent: t("upload.sent"),
    cancel: t("upload.cancel"),
    started: t("upload.started"),
    checking: t("upload.checking"),
    cancelled: t("upload.cancelled"),
    lost: t("upload.lost"),
    done: t("saved.upload"),
    // A supplier session that ended answers 404, never a log-in page.
    signedOut: t("upload.lost"),
  };
  return (
    <Card title={a.title}>
      <div className="space-y-4 text-sm">
        <p>
          <strong>{t(`state.${a.state}`)}</strong>
          {a.planDueDate && (a.state === "open" || a.state === "plan_returned" || a.state === "reopened")
            ? ` · ${t("action.planDue", { date: a.planDueDate })}`
            : ""}{" "}
          · {t("action.due", { date: a.dueDate })}
          {a.clause ? ` · ${a.clause}` : ""}
        </p>
        {a.returnedComment && a.state === "plan_returned" ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
            {t("action.returned", { org: orgName, comment: a.returnedComment })}
          </p>
        ) : null}
        {mine?.ok ? <Notice>{mine.notice}</Notice> : null}

        {a.supplierResponse === "agreed" ? (
          <p>{t("respond.agreed")}</p>
        ) : a.supplierResponse === "disputed" ? (
          <p>{t("respond.disputed", { reason: a.supplierResponseReason ?? "" })}</p>
        ) : (
          <Form method="post" className="space-y-2" noValidate aria-label={t("respond.legend")}>
            <input type="hidden" name="intent" value="respond" />
            <input type="hidden" name="actionId" value={a.id} />
            <FormError error={failure("respond")?.formError} />
            <fieldset>
              <legend className="label">{t("respond.legend")}</legend>
              <label className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name="response" value="agreed" /> {t("respond.agree")}
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="response" value="disputed" /> {t("respond.dispute")}
              </label>
              <FieldError error={failure("respond")?.fieldErrors.response} />
            </fieldset>
            <label htmlFor={`reason-${a.id}`} className="label">
              {t("respond.reason")}
            </label>
            <textarea id={`reason-${a.id}`} name="reason" rows={2} className="input" />
            <FieldError error={failure("respond")?.fieldErrors.reason} />
            <button type="submit" className="btn-secondary" disabled={busyIntent === "respond"}>
              {t("respond.submit")}
            </button>
          </Form>
        )}

        {has("submit_plan") ? (
          <PlanForm
            actionId={a.id}
            failure={failure("submit_plan")}
            busy={busyIntent === "submit_plan"}
            defaults={{ supplierOwner: a.supplierOwner }}
            labels={{
              rootCause: t("plan.rootCause"),
              correctiveAction: t("plan.correctiveAction"),
              preventiveAction: t("plan.preventiveAction"),
              planTargetDate: t("plan.planTargetDate"),
              supplierOwner: t("plan.supplierOwner"),
              submit: t("plan.submit"),
            }}
          />
        ) : null}

        {has("start_work") ? (
          <Form method="post" className="space-y-2" noValidate>
            <input type="hidden" name="intent" value="start_work" />
            <input type="hidden" name="actionId" value={a.id} />
            <label htmlFor={`progress-${a.id}`} className="label">
              {t("progress.note")}
            </label>
            <textarea id={`progress-${a.id}`} name="note" rows={2} className="input" />
            <button type="submit" className="btn-secondary" disabled={busyIntent === "start_work"}>
              {t("progress.start")}
            </button>
          </Form>
        ) : null}

        {has("submit_evidence") ? (
          <div className="space-y-3 border-t border-slate-100 pt-3">
            <p>{t("evidence.count", { count: a.evidenceCount })}</p>
            <EvidenceUploadForm
              uploadUrl="/supplier-actions/upload"
              labels={uploadLabels}
              actionId={a.id}
              failure={failure("upload")}
              busy={busyIntent === "upload"}
              uploadLimit={uploadLimit}
              maxBytes={maxBytes}
              tooLargeMessage={t("err.fileTooLarge", { mb: uploadLimit })}
              label={t("evidence.file")}
              button={t("evidence.upload")}
            >
              {(shown) => (
                <Field
                  label={t("evidence.expiresOn")}
                  name="expiresOn"
                  id={`expires-${a.id}`}
                  type="date"
                  hint={t("evidence.expiresHint")}
                  defaultValue={stringValue(shown?.values, "expiresOn") ?? ""}
                  error={shown?.fieldErrors.expiresOn}
                />
              )}
            </EvidenceUploadForm>
            <Form method="post" className="space-y-2" noValidate>
              <input type="hidden" name="intent" value="submit_evidence" />
              <input type="hidden" name="actionId" value={a.id} />
              <FormError error={failure("submit_evidence")?.formError} />
              <label htmlFor={`evnote-${a.id}`} className="label">
                {t("evidence.note")}
              </label>
              <textarea id={`evnote-${a.id}`} name="note" rows={2} className="input" />
              <button type="submit" className="btn-primary" disabled={busyIntent === "submit_evidence"}>
                {t("evidence.submit")}
              </button>
            </Form>
          </div>
        ) : null}

        {a.myFiles.length && a.state !== "verified" ? (
          <div className="space-y-2 border-t border-slate-100 pt-3">
            <h3 className="text-sm font-medium">{t("evidence.mine")}</h3>
            <ul className="space-y-2 text-sm" data-testid="supplier-files">
              {a.myFiles.map((f) => (
                <li key={f.id} className="break-all">
                  {f.fileName}{" "}
                  <span className="text-xs text-slate-600">
                    ({f.createdAt.slice(0, 10)}
                    {f.version > 1 ? ` · v${f.version}` : ""})
                  </span>
                  <WithdrawEvidenceForm
                    evidenceId={f.id}
                    failure={failure("withdraw_evidence")}
                    busy={busyIntent === "withdraw_evidence"}
                    hidden={{ actionId: a.id }}
                    labels={{
                      summary: t("withdraw.summary"),
                      reason: t("withdraw.reason"),
                      hint: t("withdraw.hint", { org: orgName }),
                      button: t("withdraw.button"),
                    }}
                  />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
