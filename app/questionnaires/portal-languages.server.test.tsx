/* eslint-disable @typescript-eslint/no-explicit-any -- loader payloads are passed through to the pages. */
import { describe, expect, it } from "vitest";
import { demoAnswers } from "~/demo/answers";
import { DEMO_SUPPLIERS } from "~/demo/catalogue";
import { prng } from "~/demo/prng";
import { LANGUAGE_CODES, SUPPORTED_LANGUAGES } from "~/i18n/languages";
import * as portalRoute from "~/routes/portal.$assignmentId";
import * as verifyRoute from "~/routes/portal.$assignmentId_.verify";
import * as landingRoute from "~/routes/s.$token";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import { renderPage } from "../../test/render";
import { BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import { redeemInvitation, requirePortalAccess } from "./portal-access.server";
import { submitAnswers } from "./portal.server";
import { openPortal, portalRequest } from "./portal.testing";
import { returnToSupplier, reviewQuestion } from "./review.server";
import { sendQuestionnaire } from "./send.server";

/**
 * Every supplier page of the questionnaire portal, in every supported language, compared with its English
 * rendering: a piece of text (or an accessible name) that reads the same as in English is a string someone
 * forgot to translate — unless it is a name from the records or on the short list of words that are the
 * same in both languages.
 */
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as any;

/** Words that are rightly the same in a language and in English (proper nouns, schemes, cognates). */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  all: [
    "Clearsource",
    ...SUPPORTED_LANGUAGES.map((l) => l.nativeName),
    "SMETA",
    "amfori BSCI",
    "RBA",
    "SA8000",
  ],
  fr: ["Questions", "Date", "Sections", "Total"],
  es: ["Total", "No"],
  pt: ["Total"],
  id: ["Total"],
};

function decode(s: string) {
  return s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** The text a person reads or hears: text between tags, and accessible names and hints in attributes. */
function readable(html: string): Set<string> {
  const body = html.replace(/<(script|style)[\s\S]*?<\/\1>/g, "");
  const out = new Set<string>();
  for (const chunk of body.split(/<[^>]*>/)) {
    const t = decode(chunk);
    if (t) out.add(t);
  }
  for (const m of body.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)) {
    const t = decode(m[1]);
    if (t) out.add(t);
  }
  return out;
}

function untranslated(lang: string, page: Set<string>, english: Set<string>, names: string[]): string[] {
  const allowed = new Set([...SAME_AS_ENGLISH.all, ...(SAME_AS_ENGLISH[lang] ?? []), ...names]);
  return [...page].filter(
    (t) =>
      english.has(t) &&
      /\p{L}{2}/u.test(t) && // words, not numbers, dates or punctuation
      !allowed.has(t) &&
      !/^[A-Z]{1,2}\d+$/.test(t), // question ids (P1, WG3)
  );
}

type Rendered = Record<string, string>;

/** One supplier at one buyer, sent the built-in questionnaire in `lang`; every portal page rendered. */
async function renderAll(org: TestOrg, lang: string): Promise<{ pages: Rendered; names: string[] }> {
  const entry = DEMO_SUPPLIERS.find((s) => s.key === "saigon")!;
  const supplier = insertSupplier(org.id, { name: "Saigon Garment Co.", country: "VN" });
  const sent = await sendQuestionnaire(org.members.procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Nguyễn Thị Lan",
    recipientEmail: `lan.${lang}@saigon.test`,
    dueDate: "2099-06-30",
    language: lang,
  });
  const token = sent.link.split("/s/")[1];
  const id = sent.assignmentId;
  const pages: Rendered = {};
  const landing = await landingRoute.loader(
    args(new Request(`http://localhost/s/${token}?lang=${lang}`), { token }),
  );
  pages.landing = await renderPage(landingRoute.default, (landing as any).data, `/s/${token}`, "/s/:token");
  const unknown = await landingRoute.loader(
    args(new Request(`http://localhost/s/nope?lang=${lang}`), { token: "nope" }),
  );
  pages.unknownLink = await renderPage(landingRoute.default, (unknown as any).data, "/s/nope", "/s/:token");

  // A browser that has redeemed the link but not yet entered the code.
  const redeemed = await redeemInvitation(portalRequest(null, `/s/${token}`), token, { lang });
  if (!redeemed.ok || !redeemed.setCookie) throw new Error("redeem failed");
  const pending = redeemed.setCookie.split(";")[0];
  const verify = await verifyRoute.loader(
    args(portalRequest(pending, `/portal/${id}/verify`), { assignmentId: id }),
  );
  pages.verify = await renderPage(
    verifyRoute.default,
    verify,
    `/portal/${id}/verify`,
    "/portal/:assignmentId/verify",
  );

  const { cookie } = await openPortal(token, { lang });
  const load = async () =>
    portalRoute.loader(args(portalRequest(cookie, `/portal/${id}`), { assignmentId: id }));
  pages.draft = await renderPage(portalRoute.default, await load(), `/portal/${id}`, "/portal/:assignmentId");

  // Submitted, then returned with one question to change and the buyer's comment.
  const access = requirePortalAccess(portalRequest(cookie, "/"), id);
  const raw = demoAnswers(BUILTIN_FORCED_LABOUR_LATEST, entry, prng(1), () => "2026-01-15");
  const result = await submitAnswers(access, {
    ...raw,
    declarationName: "Nguyễn Thị Lan",
    declarationTitle: "HR",
    attest: "yes",
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  pages.submitted = await renderPage(
    portalRoute.default,
    await load(),
    `/portal/${id}?submitted=1`,
    "/portal/:assignmentId",
  );
  const comment = "Please give the most hours anyone worked in one week.";
  reviewQuestion(org.members.procurement.ctx, id, { questionId: "H2", decision: "returned", comment });
  await returnToSupplier(org.members.procurement.ctx, id);
  pages.returned = await renderPage(
    portalRoute.default,
    await load(),
    `/portal/${id}`,
    "/portal/:assignmentId",
  );
  expect(pages.returned).toContain(comment);
  // Names from the records and the supplier's own typed answers, shown as written in every language.
  const typed = Object.values(raw).filter((v): v is string => typeof v === "string");
  const names = [
    org.name,
    "Saigon Garment Co.",
    "Nguyễn Thị Lan",
    comment,
    "HR",
    `lan.${lang}@saigon.test`,
    ...typed,
  ];
  return { pages, names };
}

describe("the questionnaire portal in every language", () => {
  it("has no English left on any supplier page, and marks the buyer's comment as not translated", async () => {
    const org = await createOrg({ name: "Northwind Apparel" });
    const english = await renderAll(org, "en");
    const englishText = Object.fromEntries(Object.entries(english.pages).map(([k, v]) => [k, readable(v)]));
    const problems: string[] = [];
    for (const lang of LANGUAGE_CODES.filter((l) => l !== "en")) {
      const { pages, names } = await renderAll(org, lang);
      for (const [page, html] of Object.entries(pages)) {
        for (const t of untranslated(lang, readable(html), englishText[page], names))
          problems.push(`${lang} ${page}: ${JSON.stringify(t)}`);
      }
      expect(pages.returned).toContain('data-testid="comment-as-written"');
      // No ILO indicator tags (they tell the supplier which answers are scored).
      expect(pages.draft).not.toMatch(/ILO \d/);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
