/* eslint-disable @typescript-eslint/no-explicit-any -- loader payloads are passed through to the pages. */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { maskEmail } from "~/email/address";
import { LANGUAGE_CODES, SUPPORTED_LANGUAGES, type LanguageCode } from "~/i18n/languages";
import { db } from "~/infra/db.server";
import * as landingRoute from "~/routes/a.$token";
import * as actionsRoute from "~/routes/supplier-actions._index";
import * as verifyRoute from "~/routes/supplier-actions.verify";
import { emailOutbox } from "~db/schema";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import { renderPage } from "../../test/render";
import { returnPlan } from "./actions.server";
import {
  redeemActionLink,
  requireSupplierActions,
  shareActionsWithSupplier,
  verifyActionCode,
} from "./supplier-access.server";
import { supplierActionsMessages } from "./supplier-i18n.server";
import { runSupplierIntent } from "./supplier-intents.server";

/**
 * Every supplier page of the corrective-action portal (the link's landing page, an unknown link, the code
 * page, the actions in several states) in every supported language, compared with its English rendering:
 * text or an accessible name that reads the same as in English is a string someone forgot to translate,
 * unless it is a name from the records. The same check as the questionnaire portal's
 * (app/questionnaires/portal-languages.server.test.tsx).
 */
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as any;

const SAME_AS_ENGLISH = ["Clearsource", ...SUPPORTED_LANGUAGES.map((l) => l.nativeName), "SMETA"];

function decode(s: string) {
  return s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

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

const latest = (organizationId: string, template: string) =>
  db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.organizationId, organizationId), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .get()!;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

async function renderAll(org: TestOrg, lang: LanguageCode) {
  const supplier = insertSupplier(org.id, { name: "Textiles Andinos", country: "PE" });
  const audit = createAudit(org.members.auditor.ctx, {
    supplierId: supplier.id,
    scheme: "SMETA",
    auditDate: "2026-02-01",
  });
  const overtime = "Overtime of 80 hours a month";
  const passports = "Passports kept by the dormitory manager";
  const first = addFinding(org.members.auditor.ctx, {
    auditId: audit.id,
    title: overtime,
    schemeGrade: "Major",
  });
  addFinding(org.members.auditor.ctx, { auditId: audit.id, title: passports, schemeGrade: "Major" });
  const email = `lucia.${lang}@andinos.example`;
  const shared = await shareActionsWithSupplier(org.members.procurement.ctx, supplier.id, {
    recipientName: "Lucía Pérez",
    recipientEmail: email,
    language: lang,
  });
  const token = shared.link.split("/a/")[1];
  const pages: Record<string, string> = {};
  const landing = await landingRoute.loader(args(new Request(`http://localhost/a/${token}`), { token }));
  pages.landing = await renderPage(landingRoute.default, landing, `/a/${token}`, "/a/:token");

  const redeemed = await redeemActionLink(token);
  const cookie = redeemed!.setCookie.split(";")[0];
  const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const verify = await verifyRoute.loader(args(request("/supplier-actions/verify"), {}));
  pages.verify = await renderPage(
    verifyRoute.default,
    verify,
    "/supplier-actions/verify",
    "/supplier-actions/verify",
  );
  const code = /\b(\d{6})\b/.exec(latest(org.id, "action-portal-code").text)![1];
  const unverified = requireSupplierActions(request("/supplier-actions"), { allowUnverified: true });
  expect(verifyActionCode(unverified, code)).toEqual({ ok: true });

  const render = async () =>
    renderPage(
      actionsRoute.default,
      await actionsRoute.loader(args(request("/supplier-actions"), {})),
      "/supplier-actions",
      "/supplier-actions",
    );
  pages.open = await render();

  // One action agreed, planned and returned with the buyer's comment; the other disputed.
  const access = requireSupplierActions(request("/supplier-actions"));
  await runSupplierIntent(access, form({ intent: "respond", actionId: first.taskId, response: "agreed" }));
  await runSupplierIntent(
    access,
    form({
      intent: "submit_plan",
      actionId: first.taskId,
      rootCause: "Orders arrive late in the season.",
      correctiveAction: "Hire a second shift for the peak.",
      preventiveAction: "Plan capacity with the buyer each quarter.",
      planTargetDate: "2099-03-01",
      supplierOwner: "Jorge Ramos",
    }),
  );
  const comment = "Please name who checks the hours each week.";
  returnPlan(org.members.procurement.ctx, first.taskId, { comment });
  pages.returned = await render();
  expect(pages.returned).toContain(comment);

  const names = [
    org.name,
    "Textiles Andinos",
    "Lucía Pérez",
    email,
    maskEmail(email),
    overtime,
    passports,
    comment,
    "Major",
    "Orders arrive late in the season.",
    "Hire a second shift for the peak.",
    "Plan capacity with the buyer each quarter.",
    "Jorge Ramos",
  ];
  return { pages, names };
}

describe("the corrective-action portal in every language", () => {
  it("has every string in every portal language", () => {
    const en = supplierActionsMessages("en");
    for (const lang of LANGUAGE_CODES.filter((l) => l !== "en")) {
      const table = supplierActionsMessages(lang);
      const same = Object.entries(table).filter(([k, v]) => v === en[k as keyof typeof en]);
      expect(same.map(([k]) => `${lang} ${k}`)).toEqual([]);
    }
  });

  it("has no English left on any supplier page", async () => {
    const org = await createOrg({ name: "Northwind Apparel" });
    const english = await renderAll(org, "en");
    const englishText = Object.fromEntries(Object.entries(english.pages).map(([k, v]) => [k, readable(v)]));
    const problems: string[] = [];
    for (const lang of LANGUAGE_CODES.filter((l) => l !== "en")) {
      const { pages, names } = await renderAll(org, lang);
      const allowed = new Set([...SAME_AS_ENGLISH, ...names]);
      for (const [page, html] of Object.entries(pages)) {
        for (const t of readable(html)) {
          if (englishText[page].has(t) && /\p{L}{2}/u.test(t) && !allowed.has(t))
            problems.push(`${lang} ${page}: ${JSON.stringify(t)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
