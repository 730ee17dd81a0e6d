import { Form } from "@remix-run/react";
import { useRef } from "react";
import type { PortalTranslate } from "~/i18n/portal";
import type { PortalView } from "./PortalQuestion";

/** Changes the portal's language at once (a plain form posting `language` without JavaScript). */
export function PortalLanguageSwitcher({ view, t }: { view: PortalView; t: PortalTranslate }) {
  const ref = useRef<HTMLFormElement>(null);
  return (
    <Form method="post" ref={ref} className="flex items-center gap-2">
      <input type="hidden" name="intent" value="language" />
      <label htmlFor="portal-lang" className="text-sm text-slate-600">
        {t("lang.label")}
      </label>
      <select
        id="portal-lang"
        name="lang"
        defaultValue={view.lang}
        className="input w-auto py-1 text-sm"
        onChange={() => ref.current?.requestSubmit()}
      >
        {view.languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary py-1 text-sm">
          {t("lang.change")}
        </button>
      </noscript>
    </Form>
  );
}
