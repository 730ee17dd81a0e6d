import { describe, expect, it } from "vitest";
import { maskEmail } from "~/email/address";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { COURSE_STRINGS } from "~/training/course-i18n.server";
import { COURSE_LINK_STRINGS } from "~/training/ui/PortalCourseLink";
import { formatDate } from "./dates";
import { EMAIL_KEYS } from "./email.server";
import { PDF_STRINGS } from "./pdf.server";
import { PORTAL_STRINGS, portalT } from "./portal";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const AREAS = [
  ["portal", PORTAL_STRINGS],
  ["email", EMAIL_KEYS],
  ["pdf", PDF_STRINGS],
  ["training course", COURSE_STRINGS],
  ["training course link", COURSE_LINK_STRINGS],
] as const;

describe.each(AREAS)("%s strings", (_area, strings) => {
  const table = strings as Record<string, Record<string, string>>;
  it("exist for every supported language", () => {
    expect(Object.keys(table).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it.each(LANGUAGE_CODES.filter((l) => l !== "en"))(
    "%s: every string translated, same placeholders as English",
    (lang) => {
      const en = table.en;
      for (const key of Object.keys(en)) {
        const s = table[lang][key];
        expect(s.trim(), `${lang} ${key}`).not.toBe("");
        expect(placeholders(s), `${lang} ${key}`).toEqual(placeholders(en[key]));
        // "Language", "Sections", "Date"... may coincide with English; whole sentences may not.
        if (en[key].split(" ").length > 6) expect(s, `${lang} ${key} looks untranslated`).not.toBe(en[key]);
      }
    },
  );
});

describe("portal translate", () => {
  it.each([
    ["en", "portal.progress", { answered: 3, total: 10 }, "Answered: 3 of 10"],
    ["es", "verify.wrong", { n: 2 }, "El código no es correcto. Intentos restantes: 2."],
    ["zh-Hans", "portal.progress", { answered: 1, total: 2 }, "已回答：1 / 2"],
    ["xx", "portal.saved", undefined, "Saved"],
  ] as const)("%s %s", (lang, key, vars, expected) => {
    expect(portalT(lang)(key, vars)).toBe(expected);
  });

  it("formats dates per language in UTC and masks email addresses", () => {
    expect(formatDate("2026-03-12", "en")).toBe("12 March 2026");
    expect(formatDate("2026-03-12", "es")).toBe("12 de marzo de 2026");
    expect(maskEmail("mehmet@bursa-iplik.test")).toBe("m•••@bursa-iplik.test");
    expect(maskEmail("broken")).toBe("•••");
  });
});
