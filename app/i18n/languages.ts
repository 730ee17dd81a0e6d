/**
 * Languages the supplier portal and questionnaire templates support. Codes are BCP 47; Chinese is the
 * script subtag (zh-Hans) because the written form, not the region, decides what a reader can read.
 */
export const SUPPORTED_LANGUAGES = [
  { code: "en", name: "English", nativeName: "English" },
  { code: "es", name: "Spanish", nativeName: "Español" },
  { code: "fr", name: "French", nativeName: "Français" },
  { code: "zh-Hans", name: "Chinese (Simplified)", nativeName: "简体中文" },
  { code: "vi", name: "Vietnamese", nativeName: "Tiếng Việt" },
  { code: "id", name: "Indonesian", nativeName: "Bahasa Indonesia" },
  { code: "pt", name: "Portuguese", nativeName: "Português" },
  { code: "tr", name: "Turkish", nativeName: "Türkçe" },
] as const;

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]["code"];
export const LANGUAGE_CODES: LanguageCode[] = SUPPORTED_LANGUAGES.map((l) => l.code);
export const DEFAULT_LANGUAGE: LanguageCode = "en";

export function isSupportedLanguage(code: unknown): code is LanguageCode {
  return typeof code === "string" && (LANGUAGE_CODES as string[]).includes(code);
}

export function languageName(code: string): string {
  return SUPPORTED_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

export function nativeLanguageName(code: string): string {
  return SUPPORTED_LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;
}

/**
 * Map one BCP 47 tag to a supported language. Regional variants fall back to the base language (es-MX → es,
 * pt-BR → pt). Every Chinese tag maps to Simplified Chinese, the only Chinese we ship: Traditional readers
 * can read it, which beats English for most of them. "in" is the pre-1989 code for Indonesian that old
 * Java-based phones still send.
 */
export function matchLanguage(tag: string): LanguageCode | null {
  const lower = tag.trim().toLowerCase();
  if (!lower || lower === "*") return null;
  const exact = LANGUAGE_CODES.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split(/[-_]/)[0];
  if (primary === "zh") return "zh-Hans";
  if (primary === "in") return "id";
  return LANGUAGE_CODES.find((c) => c === primary) ?? null;
}

/**
 * Pick the best supported language from an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8"), honouring
 * q-values and, for equal q, the order given. Falls back to English.
 */
export function negotiateLanguage(acceptLanguageHeader: string | null | undefined): LanguageCode {
  if (!acceptLanguageHeader) return DEFAULT_LANGUAGE;
  const ranges = acceptLanguageHeader
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
        if (m) q = Number(m[1]);
      }
      return { tag: tag ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    const match = matchLanguage(r.tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** Primary subtags of the scripts written right to left (Arabic, Hebrew, Persian, Urdu, Yiddish, …). */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"]);

/** The `dir` of a page or passage in this language: "rtl" for right-to-left scripts, else "ltr". */
export function languageDir(code: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(code.trim().toLowerCase().split(/[-_]/)[0]) ? "rtl" : "ltr";
}
