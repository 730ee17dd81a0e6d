import { DEFAULT_LANGUAGE, languageDir } from "~/i18n/languages";

/**
 * A route the supplier sees (invitation landing, code page, questionnaire, corrective actions) exports
 * `handle = SUPPLIER_PAGE` and returns `lang` from its loader. The root then renders the page's html lang
 * and dir in that language and leaves out everything that belongs to buyers (navigation, log in, sign up,
 * the development mailbox).
 */
export const SUPPLIER_PAGE = { supplierPage: true } as const;

type MatchLike = { handle?: unknown; data?: unknown };

export function supplierPageOf(matches: readonly MatchLike[]): { lang: string; dir: "ltr" | "rtl" } | null {
  const page = [...matches].reverse().find((m) => (m.handle as { supplierPage?: boolean })?.supplierPage);
  if (!page) return null;
  const lang = (page.data as { lang?: unknown } | undefined)?.lang;
  const code = typeof lang === "string" && lang ? lang : DEFAULT_LANGUAGE;
  return { lang: code, dir: languageDir(code) };
}
