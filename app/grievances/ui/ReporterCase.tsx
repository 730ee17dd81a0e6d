import type { IntakeMessages } from "~/grievances/intake-i18n.server";
import { translate } from "~/i18n/translate";
import type { GrievanceAuthor } from "~db/schema/grievances.constants";
import { AttachmentField } from "./AttachmentField";

export type ReporterCaseView = {
  receivedOn: string;
  stateLabel: string;
  messages: { author: GrievanceAuthor; body: string; sentOn: string }[];
  attachments: { fileName: string; addedOn: string }[];
};

/**
 * The reporter's view of their case: status, the conversation, and a form to add information. The
 * receipt code travels in a hidden field of that form (there is no session and no cookie).
 */
export function ReporterCase(props: {
  m: IntakeMessages;
  organisation: string;
  postTo: string;
  code: string;
  view: ReporterCaseView;
  added?: boolean;
  error?: string;
  file: { maxMb: number; accept: string };
}) {
  const t = translate(props.m);
  const { view } = props;
  return (
    <section className="mt-2">
      <h1 className="text-2xl font-semibold text-slate-900">{t("status.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("status.received", { date: view.receivedOn })}</p>
      <p className="mt-3">
        <span className="font-medium">{t("status.state")}:</span>{" "}
        <strong data-testid="reporter-state">{view.stateLabel}</strong>
      </p>
      {props.added ? (
        <p
          role="status"
          className="mt-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-800"
        >
          {t("status.added")}
        </p>
      ) : null}
      <h2 className="mt-6 text-lg font-semibold">{t("status.messages")}</h2>
      {view.messages.length === 0 ? <p className="mt-2 text-slate-600">{t("status.none")}</p> : null}
      <ol className="mt-2 space-y-3">
        {view.messages.map((msg, i) => (
          <li
            key={i}
            className={`rounded-md border px-3 py-2 ${msg.author === "reporter" ? "border-slate-200 bg-white" : "border-brand-200 bg-brand-50"}`}
          >
            <p className="text-xs text-slate-500">
              {msg.author === "reporter" ? t("status.you") : t("status.them", { org: props.organisation })} ·{" "}
              {msg.sentOn}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{msg.body}</p>
          </li>
        ))}
      </ol>
      {view.attachments.length ? (
        <>
          <h2 className="mt-6 text-lg font-semibold">{t("status.files")}</h2>
          <ul className="mt-2 list-disc ps-6 text-sm">
            {view.attachments.map((a) => (
              <li key={a.fileName}>
                {a.fileName} · {a.addedOn}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={props.postTo} encType="multipart/form-data" className="mt-6" noValidate>
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="code" value={props.code} />
        <label htmlFor="message" className="label">
          {t("status.add")}
        </label>
        <textarea id="message" name="message" rows={4} maxLength={5000} className="input mt-1" />
        {props.error ? (
          <p role="alert" className="mt-1 text-red-700">
            {props.error}
          </p>
        ) : null}
        <AttachmentField
          label={t("q.file")}
          help={t("q.file.help", { max: props.file.maxMb })}
          accept={props.file.accept}
        />
        <button type="submit" className="btn-primary mt-3 w-full py-3">
          {t("status.send")}
        </button>
      </form>
    </section>
  );
}
