import type { Ctx } from "~/infra/context";
import { addGoverningBodyMember } from "./governance.server";
import { addDays, todayIso } from "./period";
import { templateFor } from "./regimes";
import {
  approveStatement,
  createStatement,
  publishStatement,
  signStatement,
  submitForReview,
  updateStatement,
} from "./statements.server";

/** Demo text for the UK areas: a newcomer sees a complete, approved and published statement. */
const UK_TEXT: Record<string, string> = {
  structure:
    "Northwind Apparel Ltd designs and sells clothing in the United Kingdom and online. It has about 400 " +
    "employees in London and Leeds and no subsidiaries. We do not own factories: our garments are made by " +
    "suppliers in Türkiye, Bangladesh, Vietnam and China, who buy fabric, yarn and dyes from their own " +
    "suppliers. We map these supply chains tier by tier in Clearsource; the figures below show them.",
  policies:
    "Our supplier code of conduct prohibits forced, bonded, prison and trafficked labour and requires the " +
    "employer-pays principle for recruitment fees. It is part of every supplier contract and is owned by " +
    "our Head of Sourcing, who reports to the board on it twice a year.",
  dueDiligence:
    "We assess each supplier's risk when it is onboarded, ask suppliers to complete our forced-labour " +
    "self-assessment questionnaire and review each answer. Where an answer or an audit shows a red flag we " +
    "agree a corrective action plan with the supplier and follow it until it is verified. Workers at " +
    "supplier sites that display our poster can report concerns in their own language through our grievance channel, which our " +
    "grievance handler acknowledges, investigates and answers.",
  risk:
    "The highest risks are in the spinning and dyeing tiers of our cotton supply chain and in factories that " +
    "employ migrant workers. We prioritise suppliers by their risk score, which combines the country, the " +
    "goods and what suppliers and auditors tell us, and we engage the highest-risk suppliers first.",
  effectiveness:
    "We track the indicators below each year and report them to the board: how many suppliers have a risk " +
    "score, questionnaire response rates, audit findings, how quickly corrective actions close, " +
    "and how workers' grievances are answered and resolved.",
  training:
    "Staff who buy from or manage suppliers take our Modern slavery awareness course (45 minutes, in " +
    "English); those who negotiate prices and lead times also take Responsible purchasing and recruitment " +
    "fees. Supplier supervisors take our code-of-conduct course in their language. The figures below show " +
    "who completed them in the year; staff in scope who had not are booked for the first quarter.",
};

/**
 * The demo organisation's statements: an approved, signed and published UK statement for the last
 * calendar year (signed by a recorded director) and a draft Australian statement for the same year.
 */
export async function seedDemoStatements(adminCtx: Ctx, now = new Date()): Promise<void> {
  const year = now.getUTCFullYear() - 1;
  const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
  const director = addGoverningBodyMember(adminCtx, {
    name: "Ayşe Kowalczyk-Nguyễn",
    title: "Chief Executive and Director",
    body: "Board of directors",
    appointedOn: `${year - 3}-04-01`,
  });
  addGoverningBodyMember(adminCtx, {
    name: "Thomas Whitfield",
    title: "Non-executive Director",
    body: "Board of directors",
    appointedOn: `${year - 5}-01-01`,
  });

  const uk = createStatement(adminCtx, { regime: "uk_msa_s54", ...period });
  updateStatement(adminCtx, uk.id, { narrative: UK_TEXT });
  submitForReview(adminCtx, uk.id);
  const today = todayIso(now);
  const approvalDate = [`${year + 1}-03-12`, today].sort()[0];
  approveStatement(adminCtx, uk.id, {
    governingBody: "Board of directors",
    approvalDate,
    signatoryMemberId: director.id,
  });
  signStatement(adminCtx, uk.id, { signedOn: [addDays(approvalDate, 1), today].sort()[0] });
  await publishStatement(adminCtx, uk.id);

  const au = createStatement(adminCtx, { regime: "au_msa_s16", ...period });
  const t = templateFor("au_msa_s16", period.periodEnd);
  updateStatement(adminCtx, au.id, {
    narrative: {
      ...Object.fromEntries(t.criteria.map((c) => [c.key, c.starter])),
      entity: "Northwind Apparel Ltd (ABN 51 824 753 556), the reporting entity, is a private company.",
      structure: UK_TEXT.structure,
    },
    details: { identifiers: "ABN 51 824 753 556" },
  });
}
