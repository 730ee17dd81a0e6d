import { processCampaignSend } from "~/campaigns/campaign-send.server";
import { createCampaign, getCampaign } from "~/campaigns/campaigns.server";
import { isSupportedLanguage } from "~/i18n/languages";
import { BUILTIN_FORCED_LABOUR_ID, BUILTIN_FORCED_LABOUR_LATEST } from "~/questionnaires/builtin";
import { type PortalAccess, supplierCtx } from "~/questionnaires/portal-access.server";
import { autosaveAnswer, submitAnswers } from "~/questionnaires/portal.server";
import { acceptAssignment, returnToSupplier, reviewQuestion } from "~/questionnaires/review.server";
import { demoAnswers, demoJobTitle } from "../answers";
import { DEMO_SUPPLIERS } from "../catalogue";
import { DAY_MS, type DemoContext, type DemoStep } from "../context.server";

/** How far each recipient has got by the anchor, in the order the campaign lists them (by name). */
type Progress = "not_started" | "in_progress" | "submitted" | "returned" | "accepted";

const SENT_DAYS_AGO = 35;

/**
 * The annual forced-labour self-assessment, sent 35 days ago to every supplier the catalogue gives an
 * answer profile, each in its contact's language, due in a fortnight. Suppliers answer through the
 * portal's own verbs (autosave, submit with the declaration), the buyer reviews through the review verbs:
 * some have not started, some are half-way, some submitted and wait for review, some were returned with a
 * question to correct and some accepted. Red-flag answers raise their corrective actions on submission.
 */
export const campaignStep: DemoStep = {
  name: "questionnaire campaign",
  async run(demo) {
    const recipients = DEMO_SUPPLIERS.filter((s) => s.answers);
    const sent = demo.as("procurement", SENT_DAYS_AGO);
    const { campaignId } = createCampaign(sent, {
      name: "Annual forced-labour self-assessment",
      templateId: BUILTIN_FORCED_LABOUR_ID,
      dueDate: demo.day(-14),
      reminderDays: [7, 1],
      overdueWeekly: true,
      language: "contact",
      selection: "some",
      supplierIds: recipients.map((s) => demo.suppliers[s.key]),
    });
    const sendClock = new Date(demo.anchor.getTime() - SENT_DAYS_AGO * DAY_MS);
    await processCampaignSend(campaignId, demo.organizationId, { now: () => sendClock });
    const rows = getCampaign(demo.as("procurement"), campaignId).rows;
    for (const row of rows) {
      const s = recipients.find((r) => demo.suppliers[r.key] === row.supplierId)!;
      await answer(demo, row.assignmentId, row.language, s, progressOf(demo));
    }
  },
};

function progressOf(demo: DemoContext): Progress {
  const x = demo.rand.next();
  if (x < 0.15) return "not_started";
  if (x < 0.3) return "in_progress";
  if (x < 0.5) return "submitted";
  if (x < 0.6) return "returned";
  return "accepted";
}

async function answer(
  demo: DemoContext,
  assignmentId: string,
  language: string,
  s: (typeof DEMO_SUPPLIERS)[number],
  progress: Progress,
): Promise<void> {
  if (progress === "not_started") return;
  const startedDaysAgo = demo.rand.int(20, 32);
  const access = (daysAgo: number): PortalAccess => ({
    assignmentId,
    language: isSupportedLanguage(language) ? language : "en",
    // The seed acts as the supplier's confirmed browser; the verbs below read only the assignment.
    sessionId: "demo-seed",
    ctx: supplierCtx(
      demo.organizationId,
      assignmentId,
      `${s.contactName} (supplier contact)`,
      () => new Date(demo.anchor.getTime() - daysAgo * DAY_MS),
    ),
  });
  const raw = demoAnswers(BUILTIN_FORCED_LABOUR_LATEST, s, demo.rand, demo.day);
  const fields = Object.entries(raw);
  if (progress === "in_progress") {
    for (const [name, value] of fields.slice(0, Math.floor(fields.length / 2)))
      autosaveAnswer(access(startedDaysAgo), name.slice(2), value);
    return;
  }
  const submittedDaysAgo = startedDaysAgo - demo.rand.int(2, 8);
  const result = await submitAnswers(access(submittedDaysAgo), {
    ...raw,
    declarationName: s.contactName,
    declarationTitle: demoJobTitle(s.language),
    attest: "yes",
  });
  if (!result.ok) throw new Error(`demo answers of ${s.key} refused: ${JSON.stringify(result.fieldErrors)}`);
  if (progress === "submitted") return;
  const reviewer = demo.as("procurement", submittedDaysAgo - 3);
  if (progress === "returned") {
    reviewQuestion(reviewer, assignmentId, {
      questionId: "H2",
      decision: "returned",
      comment:
        "Please give the most hours anyone worked in a single week, from the time records, not the average.",
    });
    await returnToSupplier(reviewer, assignmentId);
    return;
  }
  for (const questionId of ["P1", "R3", "I1", "H1"])
    reviewQuestion(reviewer, assignmentId, { questionId, decision: "accepted" });
  acceptAssignment(reviewer, assignmentId);
}
