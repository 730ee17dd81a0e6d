import type { ReactNode } from "react";
import type { IntakeMessages } from "~/grievances/intake-i18n.server";
import { INTAKE_LANGUAGES } from "~/grievances/languages";
import { translate } from "~/i18n/translate";

/**
 * The frame of the worker pages: no product header, a language list as plain links (works without
 * JavaScript, each link keeps the page it is on), the organisation's name and the privacy line.
 * Sized for a basic phone: one column, large tap targets, system fonts (nothing fetched from elsewhere).
 */
export function IntakeShell(props: {
  m: IntakeMessages;
  lang: string;
  /** The page's own path, to which `?lang=` is added. */
  path: string;
  organisation: string;
  children: ReactNode;
}) {
  const t = translate(props.m);
  return (
    <div className="mx-auto min-h-full max-w-xl px-4 py-6 text-base">
      <nav aria-label={t("page.language")} className="mb-4 text-sm">
        <span className="font-medium">{t("page.language")}:</span>{" "}
        {INTAKE_LANGUAGES.map((l, i) => (
          <span key={l.code}>
            {i > 0 ? " · " : ""}
            {l.code === props.lang ? (
              <strong lang={l.code}>{l.nativeName}</strong>
            ) : (
              <a
                className="link"
                href={`${props.path}?lang=${encodeURIComponent(l.code)}`}
                lang={l.code}
                hrefLang={l.code}
              >
                {l.nativeName}
              </a>
            )}
          </span>
        ))}
      </nav>
      <p className="text-sm font-semibold text-slate-600">{props.organisation}</p>
      {props.children}
      <p className="mt-8 text-xs text-slate-500">{t("page.privacy")}</p>
    </div>
  );
}
