import type { IntakeMessages } from "~/grievances/intake-i18n.server";
import { formatReceiptCode } from "~/grievances/receipt";
import { translate } from "~/i18n/translate";

/** After sending: the receipt code, large and grouped, to write down; where to come back. */
export function ReceiptCard(props: { m: IntakeMessages; code: string; statusUrl: string }) {
  const t = translate(props.m);
  return (
    <section className="mt-2" aria-live="polite">
      <h1 className="text-2xl font-semibold text-slate-900">{t("receipt.title")}</h1>
      <p className="mt-3 text-slate-700">{t("receipt.body")}</p>
      <p className="mt-4 text-sm font-medium text-slate-600">{t("receipt.code")}</p>
      {/* Digits stay left to right in every script, so the groups read the same on paper. */}
      <p
        dir="ltr"
        data-testid="receipt-code"
        className="mt-1 rounded-md border-2 border-slate-800 bg-white px-3 py-4 text-center font-mono text-3xl tracking-wider"
      >
        {formatReceiptCode(props.code)}
      </p>
      <p className="mt-4 text-slate-700">{t("receipt.next")}</p>
      <p dir="ltr" className="mt-1 break-all">
        <a className="link" href={props.statusUrl}>
          {props.statusUrl}
        </a>
      </p>
    </section>
  );
}
