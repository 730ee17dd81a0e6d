import type { IntakeKey, IntakeMessages } from "~/grievances/intake-i18n.server";
import { translate } from "~/i18n/translate";
import {
  GRIEVANCE_HOW_MANY,
  GRIEVANCE_INDICATORS,
  GRIEVANCE_ONGOING,
  GRIEVANCE_SINCE,
} from "~db/schema/grievances.constants";
import { AttachmentField } from "./AttachmentField";

type Values = Record<string, string | string[]>;

/**
 * The report form: a plain HTML POST (no JavaScript needed), the questions in the order a worker would
 * tell it, the warning signs as checkboxes, optional contact details last. Errors arrive as message
 * keys and are shown in the page's language.
 */
export function ReportForm(props: {
  m: IntakeMessages;
  postTo: string;
  organisation: string;
  site: string | null;
  errors?: Record<string, string>;
  values?: Values;
  /** The attachment limit in MB and the file input's accept list. */
  file: { maxMb: number; accept: string };
}) {
  const t = translate(props.m);
  // Errors arrive already in the page's language (the action translates them).
  const err = (name: string) => props.errors?.[name];
  const value = (name: string) => {
    const v = props.values?.[name];
    return typeof v === "string" ? v : "";
  };
  const checked = (name: string, option: string) => {
    const v = props.values?.[name];
    return Array.isArray(v) ? v.includes(option) : v === option;
  };
  const radios = (name: string, options: readonly string[], prefix: string) => (
    <fieldset className="mt-5">
      <legend className="label">{t(`q.${name}` as IntakeKey)}</legend>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-3 py-1">
            <input
              type="radio"
              name={name}
              value={o}
              defaultChecked={checked(name, o) || (!props.values?.[name] && o === "unknown")}
              className="h-5 w-5"
            />
            <span>{t(`${prefix}.${o}` as IntakeKey)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
  const whatError = err("whatHappened");
  return (
    <form method="post" action={props.postTo} encType="multipart/form-data" className="mt-2" noValidate>
      <h1 className="text-2xl font-semibold text-slate-900">{t("page.title")}</h1>
      {props.site ? (
        <p className="mt-1 text-sm text-slate-700">{t("page.site", { site: props.site })}</p>
      ) : null}
      <p className="mt-3 text-slate-700">{t("page.intro", { org: props.organisation })}</p>
      {props.errors && Object.keys(props.errors).length ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-700">
          {t("form.check")}
        </p>
      ) : null}

      <div className="mt-5">
        <label htmlFor="whatHappened" className="label">
          {t("q.what")}
        </label>
        <p id="whatHappened-hint" className="text-sm text-slate-600">
          {t("q.what.help")}
        </p>
        <textarea
          id="whatHappened"
          name="whatHappened"
          rows={6}
          required
          maxLength={5000}
          className="input mt-1"
          defaultValue={value("whatHappened")}
          aria-invalid={whatError ? true : undefined}
          aria-describedby={whatError ? "whatHappened-error" : "whatHappened-hint"}
        />
        {whatError ? (
          <p id="whatHappened-error" role="alert" className="mt-1 text-red-700">
            {whatError}
          </p>
        ) : null}
      </div>

      <fieldset className="mt-5">
        <legend className="label">{t("q.signs")}</legend>
        <div className="mt-1 space-y-2">
          {GRIEVANCE_INDICATORS.map((i) => (
            <label key={i} className="flex items-start gap-3 py-1">
              <input
                type="checkbox"
                name="indicators"
                value={i}
                defaultChecked={checked("indicators", i)}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span>{t(`sign.${i}` as IntakeKey)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="mt-5">
        <label htmlFor="place" className="label">
          {t("q.where")} <span className="font-normal text-slate-500">({t("form.optional")})</span>
        </label>
        <p id="place-hint" className="text-sm text-slate-600">
          {t("q.where.help")}
        </p>
        <input
          id="place"
          name="place"
          maxLength={500}
          className="input mt-1"
          defaultValue={value("place")}
          aria-describedby="place-hint"
        />
        {err("place") ? <p className="mt-1 text-red-700">{err("place")}</p> : null}
      </div>

      {radios("since", GRIEVANCE_SINCE, "since")}
      {radios("howMany", GRIEVANCE_HOW_MANY, "howMany")}
      {radios("ongoing", GRIEVANCE_ONGOING, "ongoing")}

      <AttachmentField
        label={t("q.file")}
        help={t("q.file.help", { max: props.file.maxMb })}
        accept={props.file.accept}
        error={err("file")}
      />

      <div className="mt-5">
        <label htmlFor="contact" className="label">
          {t("q.contact")}
        </label>
        <p id="contact-hint" className="text-sm text-slate-600">
          {t("q.contact.help")}
        </p>
        <input
          id="contact"
          name="contact"
          maxLength={300}
          autoComplete="off"
          className="input mt-1"
          defaultValue={value("contact")}
          aria-describedby="contact-hint"
        />
        {err("contact") ? <p className="mt-1 text-red-700">{err("contact")}</p> : null}
      </div>

      <button type="submit" className="btn-primary mt-6 w-full py-3 text-lg">
        {t("form.submit")}
      </button>
    </form>
  );
}
