import { matchLanguage } from "~/i18n/languages";

/**
 * Languages of the worker channel: the eight the product supports plus the languages of the largest
 * migrant workforces in the supply chains it watches (Bengali, Hindi, Nepali, Burmese, Khmer, Thai,
 * Arabic). `dir` is the page direction; only Arabic is right to left.
 */
export const INTAKE_LANGUAGES = [
  { code: "en", name: "English", nativeName: "English", dir: "ltr" },
  { code: "es", name: "Spanish", nativeName: "Español", dir: "ltr" },
  { code: "fr", name: "French", nativeName: "Français", dir: "ltr" },
  { code: "zh-Hans", name: "Chinese (Simplified)", nativeName: "简体中文", dir: "ltr" },
  { code: "vi", name: "Vietnamese", nativeName: "Tiếng Việt", dir: "ltr" },
  { code: "id", name: "Indonesian", nativeName: "Bahasa Indonesia", dir: "ltr" },
  { code: "pt", name: "Portuguese", nativeName: "Português", dir: "ltr" },
  { code: "tr", name: "Turkish", nativeName: "Türkçe", dir: "ltr" },
  { code: "bn", name: "Bengali", nativeName: "বাংলা", dir: "ltr" },
  { code: "hi", name: "Hindi", nativeName: "हिन्दी", dir: "ltr" },
  { code: "ne", name: "Nepali", nativeName: "नेपाली", dir: "ltr" },
  { code: "my", name: "Burmese", nativeName: "မြန်မာ", dir: "ltr" },
  { code: "km", name: "Khmer", nativeName: "ខ្មែរ", dir: "ltr" },
  { code: "th", name: "Thai", nativeName: "ไทย", dir: "ltr" },
  { code: "ar", name: "Arabic", nativeName: "العربية", dir: "rtl" },
] as const;

export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number]["code"];
export const INTAKE_LANGUAGE_CODES: readonly IntakeLanguage[] = INTAKE_LANGUAGES.map((l) => l.code);

export function isIntakeLanguage(code: unknown): code is IntakeLanguage {
  return typeof code === "string" && (INTAKE_LANGUAGE_CODES as readonly string[]).includes(code);
}

/** The language's name in English (buyer pages are English). */
export function intakeLanguageName(code: IntakeLanguage): string {
  return INTAKE_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

export function directionOf(code: IntakeLanguage): "ltr" | "rtl" {
  return INTAKE_LANGUAGES.find((l) => l.code === code)?.dir ?? "ltr";
}

/** One BCP 47 tag → an intake language: the product's own matching, then the extra languages by primary tag. */
export function matchIntakeLanguage(tag: string): IntakeLanguage | null {
  const base = matchLanguage(tag);
  if (base) return base;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isIntakeLanguage(primary) ? primary : null;
}

/**
 * The page language: an explicit `?lang=` first (the poster links carry it), then the browser's
 * Accept-Language by q-value, then English.
 */
export function pickIntakeLanguage(explicit: string | null, acceptLanguage: string | null): IntakeLanguage {
  if (explicit && isIntakeLanguage(explicit)) return explicit;
  const ranges = (acceptLanguage ?? "")
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
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    const match = matchIntakeLanguage(r.tag);
    if (match) return match;
  }
  return "en";
}
