import type { IntakeMessages } from "~/grievances/intake-i18n.server";
import { translate } from "~/i18n/translate";

/** Enter the receipt code. One answer for every code that opens nothing, whatever the reason. */
export function ReceiptCodeForm(props: { m: IntakeMessages; postTo: string; error?: string }) {
  const t = translate(props.m);
  return (
    <form method="post" action={props.postTo} className="mt-2" noValidate>
      <h1 className="text-2xl font-semibold text-slate-900">{t("status.title")}</h1>
      <input type="hidden" name="intent" value="open" />
      <label htmlFor="code" className="label mt-4 block">
        {t("status.codeLabel")}
      </label>
      <input
        id="code"
        name="code"
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        maxLength={64}
        className="input mt-1 font-mono text-xl tracking-wider"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? "code-error" : undefined}
      />
      {props.error ? (
        <p id="code-error" role="alert" className="mt-2 text-red-700">
          {props.error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary mt-4 w-full py-3 text-lg">
        {t("status.open")}
      </button>
    </form>
  );
}
