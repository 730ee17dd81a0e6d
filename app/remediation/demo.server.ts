import { eq } from "drizzle-orm";
import { addFinding, createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { withdrawEvidenceNow } from "~/evidence/withdraw.server";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { demoSiteId } from "~/suppliers/sites.server";
import { memberships, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import {
  acceptPlan,
  closeAction,
  returnPlan,
  startWork,
  submitEvidence,
  submitPlan,
  verifyAction,
} from "./actions.server";
import { recordRemedy } from "./remedies.server";

const DAY = 86_400_000;

/** A one-page PDF: enough for the demo's evidence (the type is checked by content). */
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * The demo organisation's corrective actions in several states: a SMETA audit of one supplier whose
 * findings sit at open (plan overdue), plan submitted by the supplier, plan returned, in progress, and
 * verified and closed by a second person. Runs through the real verbs, so timelines and the audit log
 * are what a user would have produced. Evidence needs S3: when it is unreachable the later states are
 * left out (and the log says so) rather than faked.
 */
export async function seedDemoActions(
  organizationId: string,
  supplierId: string,
  log: (line: string) => void,
): Promise<void> {
  const members = db()
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .all();
  const ctxOf = (role: Role, daysAgo: number): Ctx => {
    const m = members.find((x) => x.role === role)!;
    return {
      organizationId,
      actor: { type: "user", id: m.id, label: m.name, role },
      now: () => new Date(Date.now() - daysAgo * DAY),
    };
  };
  const supplier = (daysAgo: number): Ctx => ({
    organizationId,
    actor: { type: "supplier", id: "demo-supplier-contact", label: "Imran Khan (supplier contact)" },
    now: () => new Date(Date.now() - daysAgo * DAY),
  });
  const auditDate = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10);
  const auditor = ctxOf("auditor", 40);
  const audit = createAudit(auditor, {
    supplierId,
    scheme: "SMETA",
    auditDate,
    siteId: demoSiteId(auditor, supplierId, "Main tannery"),
  });
  const add = (
    title: string,
    schemeGrade: string,
    iloIndicator: string | undefined,
    clause: string,
    daysAgo = 40,
  ) =>
    addFinding(ctxOf("auditor", daysAgo), { auditId: audit.id, title, schemeGrade, iloIndicator, clause })
      .taskId;

  const passports = add(
    "Passports of migrant workers held in the HR office",
    "Business critical",
    "7",
    "ETI 1.1",
    3,
  );
  const overtime = add("Overtime above 60 hours a week in peak season", "Major", "11", "ETI 6.2");
  const fees = add("Recruitment fees paid by workers to agents in Nepal", "Critical", "9", "ETI 1.1");
  const exits = add("Fire exits on the first floor blocked by stock", "Minor", undefined, "ETI 3.1");
  const contracts = add("Contracts not in a language workers understand", "Major", "2", "ETI 8.1");
  void passports; // left open: its plan was due the day it was raised, so it shows as overdue.

  const plan = (root: string, corrective: string, preventive: string, daysAhead: number) => ({
    rootCause: root,
    correctiveAction: corrective,
    preventiveAction: preventive,
    planTargetDate: new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10),
    supplierOwner: "Imran Khan, HR manager",
  });
  submitPlan(
    supplier(30),
    overtime,
    plan(
      "Peak orders planned without extra shifts.",
      "Hire 30 seasonal workers; cap overtime at 12 hours a week.",
      "Capacity check before accepting peak orders.",
      60,
    ),
  );
  submitPlan(
    supplier(32),
    contracts,
    plan("Contracts printed in English only.", "Translate contracts.", "HR checks language on hiring.", 30),
  );
  returnPlan(ctxOf("procurement", 31), contracts, {
    comment: "Say which languages, and that workers re-sign after an explanation in person.",
  });
  submitPlan(
    supplier(35),
    fees,
    plan(
      "Agents in Nepal charged fees the factory never checked.",
      "Repay each of the 40 workers their recruitment fees in full.",
      "Employer-pays clause in every agency contract; quarterly worker interviews.",
      45,
    ),
  );
  acceptPlan(ctxOf("procurement", 34), fees, { comment: "Accepted. Evidence: bank transfers per worker." });
  startWork(supplier(20), fees, { note: "25 of 40 workers repaid so far." });
  recordRemedy(ctxOf("procurement", 18), fees, {
    kind: "recruitment_fees_repaid",
    amount: "15000",
    currency: "USD",
    workers: "25",
    remediedOn: new Date(Date.now() - 19 * DAY).toISOString().slice(0, 10),
    description: "USD 600 each, by bank transfer; the remaining 15 workers are due next month.",
  });
  submitPlan(
    supplier(38),
    exits,
    plan("No rule on where stock may stand.", "Clear the exits.", "Floor markings; weekly walk-through.", 10),
  );
  acceptPlan(ctxOf("procurement", 37), exits, {});
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  try {
    // Evidence depth on the fees action: an agency licence that has expired since it was uploaded, an
    // audit certificate expiring within the month, and a bank-transfer record replaced by a fuller one.
    await uploadEvidence(ctxOf("procurement", 30), {
      actionId: fees,
      expiresOn: day(-3),
      file: new File([DEMO_PDF], "agency-licence-nepal.pdf"),
    });
    await uploadEvidence(ctxOf("procurement", 18), {
      actionId: fees,
      expiresOn: day(20),
      file: new File([DEMO_PDF], "payroll-audit-certificate.pdf"),
    });
    const transfers = await uploadEvidence(supplier(19), {
      actionId: fees,
      file: new File([DEMO_PDF], "bank-transfers-first-batch.pdf"),
    });
    await uploadEvidence(ctxOf("procurement", 12), {
      actionId: fees,
      replacesId: transfers.id,
      file: new File([DEMO_PDF], "bank-transfers-25-workers.pdf"),
    });
    await uploadEvidence(supplier(15), {
      actionId: exits,
      file: new File([DEMO_PDF], "fire-exits-cleared.pdf"),
    });
    // A file the supplier sent by mistake and withdrew (D42): kept on record, the file itself deleted.
    const wrong = await uploadEvidence(supplier(16), {
      actionId: exits,
      file: new File([DEMO_PDF], "fire-exits-other-site.pdf"),
    });
    await withdrawEvidenceNow(supplier(15), {
      evidenceId: wrong.id,
      reason: "Photos of our other site, sent by mistake.",
    });
  } catch (err) {
    log(
      `Demo evidence not uploaded (file storage unavailable: ${(err as Error).message}); one action stays in progress.`,
    );
    return;
  }
  submitEvidence(supplier(15), exits, { note: "Photos of the cleared exits and the new floor markings." });
  verifyAction(ctxOf("auditor", 10), exits, {
    method: "desk_review",
    note: "Photos show both first-floor exits clear and marked; the walk-through log has 4 weekly entries.",
  });
  closeAction(ctxOf("auditor", 10), exits, { comment: "Verified by desk review." });
}
