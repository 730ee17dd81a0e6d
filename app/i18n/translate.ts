import { DEFAULT_LANGUAGE, isSupportedLanguage, type LanguageCode } from "./languages";

/**
 * The one translate function. Each area (portal pages, emails, PDF copy, form fields) keeps its strings
 * per language in its own module; `translator(area)` gives the `t` for one language. Placeholders are
 * {name}; unknown placeholders stay visible rather than silently dropped; a missing key falls back to
 * English. Areas only the server needs live in `.server` modules, so the browser never downloads them.
 */
export type Vars = Record<string, string | number>;
export type Translate<K extends string = string> = (key: K, vars?: Vars) => string;
export type Messages<K extends string = string> = Record<K, string>;

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The table for a language, English when the language is not one we ship. */
export function messagesFor<K extends string>(
  area: Record<LanguageCode, Messages<K>>,
  lang: string | null | undefined,
): Messages<K> {
  return area[isSupportedLanguage(lang) ? lang : DEFAULT_LANGUAGE];
}

/** `t` over one language's table (e.g. the messages a loader sent to the page), English as fallback. */
export function translate<K extends string>(table: Messages<K>, fallback: Messages<K> = table): Translate<K> {
  return (key, vars) => interpolate(table[key] ?? fallback[key] ?? key, vars);
}

export function translator<K extends string>(area: Record<LanguageCode, Messages<K>>) {
  return (lang: string | null | undefined): Translate<K> =>
    translate(messagesFor(area, lang), area[DEFAULT_LANGUAGE]);
}
