import { and, asc, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { stageAttachment } from "~/grievances/attachments.server";
import { replyToReporter, transitionCase, triageCase } from "~/grievances/cases.server";
import { saveSmsChannel } from "~/grievances/channels/config.server";
import { handleInbound } from "~/grievances/channels/inbound.server";
import { submitReport, type ReportInput } from "~/grievances/intake.server";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { grievanceReportLinks, sites } from "~db/schema";
import { DAY_MS, type DemoContext, type DemoStep } from "../context.server";

const report = (r: Partial<ReportInput> & { whatHappened: string }): ReportInput => ({
  place: null,
  since: "unknown",
  howMany: "unknown",
  ongoing: "unknown",
  indicators: [],
  contact: null,
  ...r,
});

function dhakaSite(demo: DemoContext) {
  return db()
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(eq(sites.organizationId, demo.organizationId), eq(sites.supplierId, demo.suppliers.dhaka)))
    .orderBy(asc(sites.name))
    .get();
}

/**
 * Last calendar year's worker reports (all fictional), worked to their end by the grievance handler on
 * the days they happened, so last year's statements report the channel: four reports received in the
 * year (one substantiated and remedied, two not substantiated, one received in December and still open
 * at the year end, closed early this year). Excessive overtime is named in three of them, so a statement
 * itemises it; the other warning signs, each named fewer than 3 times, are not itemised. Runs before the
 * statements step.
 */
export const pastGrievancesStep: DemoStep = {
  name: "past grievances",
  run(demo) {
    const supplierId = demo.suppliers.dhaka;
    const site = dhakaSite(demo);
    const place = { orgId: demo.organizationId, siteId: site?.id ?? null };
    const year = demo.anchor.getUTCFullYear() - 1;
    const today = demo.day(0);
    const on = (md: string, y = year) => `${y}-${md}`;
    const handler = demo.as("grievance_handler");
    /** A transition on its day; steps that would fall after the seed's "now" are left for later. */
    const step = (caseId: string, day: string, event: string, note?: string) => {
      if (day > today) return false;
      const ctx = { ...handler, now: () => new Date(`${day}T10:00:00Z`) };
      transitionCase(ctx, caseId, { event, ...(note ? { note } : {}) } as Parameters<
        typeof transitionCase
      >[2]);
      return true;
    };
    const file = (day: string, lang: "bn" | "en" | "hi", r: ReportInput) =>
      submitReport(place, lang, r, { now: new Date(`${day}T06:00:00Z`) }).caseId;

    const overtime = file(
      on("02-10"),
      "bn",
      report({
        whatHappened: "We are made to work until midnight before every shipment and cannot refuse.",
        howMany: "many",
        ongoing: "yes",
        indicators: ["excessive_overtime", "intimidation_threats"],
      }),
    );
    step(overtime, on("02-12"), "acknowledge");
    step(overtime, on("02-14"), "investigate");
    triageCase({ ...handler, now: () => new Date(`${on("02-14")}T11:00:00Z`) }, overtime, {
      supplierId,
      siteId: site?.id ?? null,
    });
    step(
      overtime,
      on("03-20"),
      "substantiate",
      "Time records show 84-hour weeks in the sewing lines in January.",
    );
    step(overtime, on("03-21"), "start_remedy");
    step(overtime, on("06-30"), "close");

    const wages = file(
      on("05-05"),
      "en",
      report({
        whatHappened: "April wages were short for the packing line.",
        indicators: ["withholding_of_wages"],
      }),
    );
    step(wages, on("05-06"), "acknowledge");
    step(wages, on("05-08"), "investigate");
    step(
      wages,
      on("06-10"),
      "not_substantiate",
      "Payroll shows the April bonus was paid with May wages, as agreed.",
    );
    step(wages, on("06-11"), "close");

    const sundays = file(
      on("09-14"),
      "hi",
      report({
        whatHappened: "Sunday work is not voluntary this month.",
        indicators: ["excessive_overtime"],
      }),
    );
    step(sundays, on("09-15"), "acknowledge");
    step(sundays, on("09-18"), "investigate");
    step(
      sundays,
      on("10-20"),
      "not_substantiate",
      "Sign-up sheets and interviews show Sunday shifts were voluntary.",
    );
    step(sundays, on("10-21"), "close");

    // Received in December, still under investigation on 31 December.
    const december = file(
      on("12-18"),
      "bn",
      report({
        whatHappened: "The dormitory gate is locked after 10 pm and overtime is forced on weekends.",
        indicators: ["excessive_overtime", "restriction_of_movement"],
      }),
    );
    step(december, on("12-22"), "acknowledge");
    step(december, on("12-29"), "investigate");
    if (
      step(
        december,
        on("01-15", year + 1),
        "not_substantiate",
        "The gate has a night guard who opens it on request.",
      )
    )
      step(december, on("01-16", year + 1), "close");
  },
};

/**
 * The worker channel: the Dhaka supplier's site has a report page and a poster (its short address and
 * the poster's link are printed in the seed log), and four fictional reports in different states (one with
 * an attached roster), filed through the public intake and worked
 * by the grievance handler: one waiting for acknowledgement (overdue), one under investigation, one
 * substantiated with its corrective action and risk factor, one closed as not substantiated.
 */
export const grievancesStep: DemoStep = {
  name: "grievances",
  async run(demo) {
    const supplierId = demo.suppliers.dhaka;
    const site = dhakaSite(demo);
    const place = { orgId: demo.organizationId, siteId: site?.id ?? null };
    const at = (daysAgo: number) => new Date(demo.anchor.getTime() - daysAgo * DAY_MS);
    const handler = (daysAgo: number) => demo.as("grievance_handler", daysAgo);

    const substantiated = submitReport(
      place,
      "bn",
      report({
        whatHappened:
          "The agent keeps our passports in the office. He says we get them back when the recruitment fee is paid.",
        place: "Dormitory 2",
        since: "months",
        howMany: "many",
        ongoing: "yes",
        indicators: ["retention_of_identity_documents", "debt_bondage"],
        contact: "+880 1700 000000 (fictional)",
      }),
      { now: at(60) },
    );
    transitionCase(handler(58), substantiated.caseId, { event: "acknowledge" });
    transitionCase(handler(57), substantiated.caseId, { event: "investigate" });
    triageCase(handler(57), substantiated.caseId, { supplierId, siteId: site?.id ?? null });
    replyToReporter(handler(40), substantiated.caseId, {
      body: "আমরা কারখানা পরিদর্শন করেছি। আপনার পাসপোর্ট ফেরত দেওয়ার ব্যবস্থা করা হচ্ছে।",
    });
    transitionCase(handler(39), substantiated.caseId, {
      event: "substantiate",
      note: "Unannounced visit found 41 passports in the labour agent's office safe.",
    });

    // Sent with a photo of the shift roster (here a PDF); its author and producer are removed on intake.
    const roster = await stageAttachment(demo.organizationId, { bytes: await rosterPdf() });
    const investigating = submitReport(
      place,
      "hi",
      report({
        whatHappened:
          "Overtime on Sundays is not voluntary before shipments. The roster for the last two Sundays is attached.",
        indicators: ["excessive_overtime"],
      }),
      { now: at(20), attachment: roster.staged },
    );
    transitionCase(handler(17), investigating.caseId, { event: "acknowledge" });
    transitionCase(handler(10), investigating.caseId, { event: "investigate" });

    const notSubstantiated = submitReport(
      place,
      "en",
      report({ whatHappened: "Wages for March were paid late.", indicators: ["withholding_of_wages"] }),
      { now: at(120) },
    );
    transitionCase(handler(118), notSubstantiated.caseId, { event: "acknowledge" });
    transitionCase(handler(110), notSubstantiated.caseId, { event: "investigate" });
    replyToReporter(handler(95), notSubstantiated.caseId, {
      body: "Payroll records show March wages were paid on time, on 31 March. Please tell us if you were paid differently.",
    });
    transitionCase(handler(80), notSubstantiated.caseId, {
      event: "not_substantiate",
      note: "Payroll and bank records show on-time payment for all 212 workers.",
    });
    transitionCase(handler(80), notSubstantiated.caseId, { event: "close" });

    // Ten days old and never acknowledged: the list flags it overdue.
    submitReport(place, "ne", report({ whatHappened: "The dormitory door is locked at night." }), {
      now: at(10),
    });

    // The text-message number (fictional account) and a Nepali worker's conversation by SMS: the first
    // text opened a case and got its receipt code, a second one was added to it.
    saveSmsChannel(demo.as("admin", 30), {
      accountSid: `AC${"0".repeat(28)}de00`,
      authToken: "0d3e0a0b0c0d0e0f101112131415161f",
      defaultLanguage: "ne",
    });
    const worker = { channel: "sms" as const, sender: "+9779800000000", recipient: "+15005550006" };
    const opened = handleInbound(
      demo.organizationId,
      {
        ...worker,
        body: "म्यानेजरले हाम्रो राहदानी राखेको छ। पैसा तिरेपछि मात्र फिर्ता दिन्छु भन्छ।",
        messageId: "SMdemo0001",
      },
      { defaultLanguage: "ne", now: at(6) },
    );
    handleInbound(
      demo.organizationId,
      { ...worker, body: "हामी २० जना छौं, सबैको राहदानी उहीँ छ।", messageId: "SMdemo0002" },
      { defaultLanguage: "ne", now: at(5) },
    );
    if (opened.kind === "reply" && opened.caseId)
      transitionCase(handler(4), opened.caseId, { event: "acknowledge" });

    if (site) {
      const link = db()
        .select({ code: grievanceReportLinks.code })
        .from(grievanceReportLinks)
        .where(eq(grievanceReportLinks.siteId, site.id))
        .get();
      demo.log(
        `  worker report page (site poster): ${env().publicOrigin}/report/${demo.organizationId}/site/${site.id}`,
      );
      if (link)
        demo.log(`  its short address, as printed on the poster: ${env().publicOrigin}/r/${link.code}/bn`);
      demo.log(
        `  poster PDF (signed in): ${env().publicOrigin}/suppliers/${supplierId}/sites/${site.id}/poster.pdf`,
      );
    }
  },
};

/** A fictional shift roster, as a worker's phone might save it: with an author the intake removes. */
async function rosterPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor("Demo worker (fictional)");
  doc.setCreator("Phone scanner app");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([420, 297]);
  const lines = [
    "Shift roster, Sunday (fictional demo data)",
    "Line 3 sewing: 08:00-20:00, all operators",
    "Line 4 sewing: 08:00-20:00, all operators",
    "Note: attendance compulsory before shipment",
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 30, y: 250 - i * 24, size: i ? 12 : 14, font }));
  return Buffer.from(await doc.save());
}
