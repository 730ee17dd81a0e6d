import { addFinding, createAudit, NEW_SITE } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import type { Ctx } from "~/infra/context";
import {
  acceptPlan,
  closeAction,
  escalateAction,
  returnPlan,
  startWork,
  submitEvidence,
  submitPlan,
  verifyAction,
} from "~/remediation/actions.server";
import { demoSiteId } from "~/suppliers/sites.server";
import { DEMO_SUPPLIERS } from "../catalogue";
import { DAY_MS, type DemoContext, type DemoStep } from "../context.server";
import { demoPdf } from "../files";

type Stage =
  "open" | "plan_submitted" | "plan_returned" | "plan_accepted" | "in_progress" | "escalated" | "closed";

type DemoFinding = {
  title: string;
  grade: "zero_tolerance" | "critical" | "major" | "minor" | "observation";
  ilo?: string;
  clause?: string;
  /** How far its corrective action has come by the anchor. */
  stage: Stage;
  plan?: { rootCause: string; corrective: string; preventive: string };
};

type DemoAudit = {
  supplier: string;
  scheme: "SMETA" | "amfori BSCI" | "RBA" | "SA8000" | "Internal" | "Other";
  daysAgo: number;
  summary?: string;
  /** The audit report's certificate is valid for a year after the audit. */
  certificate?: boolean;
  /** A site not yet on file, added to the supplier with the audit (else the supplier's recorded site). */
  newSite?: { name: string; address: string };
  findings?: DemoFinding[];
};

/**
 * A year of audits (Sialkot's SMETA audit and its actions are seeded by remediation/demo.server.ts): clean
 * ones that count as controls, and findings whose corrective actions stand at every stage of the workflow
 * — open (some overdue), plan submitted, returned, accepted, in progress, escalated, verified and closed.
 */
const AUDITS: DemoAudit[] = [
  { supplier: "lisbon", scheme: "SMETA", daysAgo: 400, certificate: true },
  { supplier: "leicester", scheme: "SMETA", daysAgo: 330, certificate: true },
  {
    supplier: "penang",
    scheme: "RBA",
    daysAgo: 250,
    certificate: true,
    findings: [
      {
        title: "Agency workers' contracts only in Malay, not in Nepali or Burmese",
        grade: "major",
        ilo: "2",
        clause: "RBA A.3",
        stage: "closed",
        plan: {
          rootCause: "The labour agency used one contract template for every nationality.",
          corrective: "Translate contracts into Nepali and Burmese and re-sign them after a briefing.",
          preventive: "Agency contract now requires contracts in the worker's language before departure.",
        },
      },
    ],
  },
  { supplier: "bristol", scheme: "SMETA", daysAgo: 210, certificate: true },
  { supplier: "hamburg", scheme: "SMETA", daysAgo: 200, certificate: true },
  {
    supplier: "klang",
    scheme: "RBA",
    daysAgo: 180,
    findings: [
      {
        title: "Migrant workers repaying recruitment debts through wage deductions",
        grade: "critical",
        ilo: "8",
        clause: "RBA A.1",
        stage: "in_progress",
        plan: {
          rootCause:
            "Workers borrowed to pay agents in Bangladesh; the factory deducted repayments from pay.",
          corrective: "Stop all deductions and repay every affected worker what was deducted.",
          preventive: "Employer-pays policy in every agency contract; quarterly worker interviews.",
        },
      },
      {
        title: "Dormitory rooms shared by 14 workers",
        grade: "minor",
        clause: "RBA A.7",
        stage: "closed",
        plan: {
          rootCause: "Headcount grew faster than the dormitory.",
          corrective: "Rent a second building; at most 8 workers per room.",
          preventive: "Dormitory capacity checked before each hiring round.",
        },
      },
    ],
  },
  {
    supplier: "ahmedabad",
    scheme: "SMETA",
    daysAgo: 150,
    findings: [
      {
        title: "Recruitment fees charged by labour contractors from Bihar",
        grade: "critical",
        ilo: "9",
        clause: "ETI 1.1",
        stage: "plan_accepted",
        plan: {
          rootCause: "Contractors were paid per head and recovered their costs from workers.",
          corrective: "Move recruitment in-house and reimburse the fees of the 120 affected workers.",
          preventive:
            "Only licensed contractors on an employer-pays contract; fee questions in every interview.",
        },
      },
      {
        title: "Hostel gates locked from 9 pm to 6 am",
        grade: "major",
        ilo: "3",
        clause: "ETI 1.2",
        stage: "plan_submitted",
        plan: {
          rootCause: "Management's rule for the safety of young women workers.",
          corrective: "Open the gates; a guard and a sign-out book replace the lock.",
          preventive: "Hostel rules agreed with the worker committee and posted in Hindi and Gujarati.",
        },
      },
    ],
  },
  {
    supplier: "casablanca",
    scheme: "amfori BSCI",
    daysAgo: 140,
    certificate: true,
    findings: [
      {
        title: "First-aid kits incomplete on two lines",
        grade: "observation",
        clause: "BSCI PA 9",
        stage: "closed",
        plan: {
          rootCause: "No one was responsible for restocking.",
          corrective: "Restock every kit and name a first-aider per line.",
          preventive: "Monthly check on the health and safety list.",
        },
      },
    ],
  },
  { supplier: "saigon", scheme: "amfori BSCI", daysAgo: 120, certificate: true },
  {
    supplier: "soubre",
    scheme: "Other",
    daysAgo: 100,
    summary: "Visit by the cooperative's certification body with our sourcing manager.",
    findings: [
      {
        title: "Harvest workers unpaid until the cooperative sells the crop",
        grade: "major",
        ilo: "10",
        stage: "plan_returned",
        plan: {
          rootCause: "Farmers pay workers only when the cooperative pays them.",
          corrective: "Advance payments to farmers so workers are paid monthly.",
          preventive: "Payment records checked at each buying visit.",
        },
      },
    ],
  },
  {
    supplier: "tirupur",
    scheme: "Internal",
    daysAgo: 90,
    summary: "Unannounced visit by our India sourcing team after an NGO report.",
    findings: [
      {
        title: "Part of young women's wages held back until the end of a three-year scheme",
        grade: "zero_tolerance",
        ilo: "10",
        stage: "escalated",
      },
    ],
  },
  {
    supplier: "songkhla",
    scheme: "amfori BSCI",
    daysAgo: 75,
    findings: [
      {
        title: "Myanmar workers' passports kept by the company",
        grade: "critical",
        ilo: "7",
        clause: "BSCI PA 10",
        stage: "plan_submitted",
        plan: {
          rootCause: "Passports were collected for work permits and never returned.",
          corrective: "Return every passport; lockers with the worker's own key for those who want one.",
          preventive: "Written policy: documents are never held; checked in every worker interview.",
        },
      },
      {
        title: "Peeling shifts of 14 hours in the high season",
        grade: "major",
        ilo: "11",
        clause: "BSCI PA 6",
        stage: "open",
      },
    ],
  },
  { supplier: "porto", scheme: "SMETA", daysAgo: 60, certificate: true },
  {
    supplier: "dongguan",
    scheme: "Internal",
    daysAgo: 45,
    findings: [
      {
        title: "Vocational-school interns working night shifts",
        grade: "major",
        ilo: "11",
        stage: "in_progress",
        plan: {
          rootCause: "The school placed interns for peak season without limits on hours.",
          corrective: "Interns on day shifts only, at most 40 hours, paid at the worker rate.",
          preventive: "Internship agreements reviewed by HR and the school each term.",
        },
      },
    ],
  },
  {
    supplier: "cotton",
    scheme: "Other",
    daysAgo: 30,
    summary: "Desk review of public reporting on the last harvest.",
    findings: [
      {
        title: "State-mobilised labour in the cotton harvest",
        grade: "zero_tolerance",
        ilo: "6",
        stage: "open",
      },
    ],
  },
  {
    supplier: "staffing",
    scheme: "Internal",
    daysAgo: 20,
    newSite: { name: "Agency workers' house, Beeston", address: "Beeston, Leeds LS11" },
    findings: [
      {
        title: "Transport and housing deducted from pay without written consent",
        grade: "critical",
        ilo: "8",
        stage: "open",
      },
    ],
  },
];

export const auditsStep: DemoStep = {
  name: "audits and corrective actions",
  async run(demo) {
    for (const a of AUDITS) await seedAudit(demo, a);
  },
};

async function seedAudit(demo: DemoContext, a: DemoAudit): Promise<void> {
  const supplierId = demo.suppliers[a.supplier];
  const entry = DEMO_SUPPLIERS.find((s) => s.key === a.supplier)!;
  const auditor = demo.as("auditor", a.daysAgo);
  const audit = createAudit(auditor, {
    supplierId,
    scheme: a.scheme,
    auditDate: demo.day(a.daysAgo),
    ...(a.newSite
      ? {
          siteId: NEW_SITE,
          newSiteName: a.newSite.name,
          newSiteCountry: entry.country,
          newSiteAddress: a.newSite.address,
        }
      : { siteId: demoSiteId(auditor, supplierId, entry.site?.name) }),
    summary: a.summary,
  });
  if (a.certificate)
    await uploadEvidence(demo.as("auditor", a.daysAgo - 2), {
      auditId: audit.id,
      expiresOn: demo.day(a.daysAgo - 365),
      file: demoPdf(`${a.scheme.replace(/\W+/g, "-").toLowerCase()}-certificate-${a.supplier}.pdf`),
    });
  for (const f of a.findings ?? []) {
    const { taskId } = addFinding(auditor, {
      auditId: audit.id,
      title: f.title,
      grade: f.grade,
      iloIndicator: f.ilo,
      clause: f.clause,
    });
    await advance(demo, taskId, f, a.daysAgo, entry.contactName);
  }
}

/** Walk a finding's action through the real workflow, a few days per step, up to its stage. */
async function advance(demo: DemoContext, taskId: string, f: DemoFinding, raised: number, contact: string) {
  const supplier = (daysAgo: number): Ctx => ({
    organizationId: demo.organizationId,
    actor: { type: "supplier", id: `demo-contact:${contact}`, label: `${contact} (supplier contact)` },
    now: () => new Date(demo.anchor.getTime() - daysAgo * DAY_MS),
  });
  const at = (fraction: number) => Math.max(1, Math.round(raised * fraction));
  if (f.stage === "open") return;
  if (f.stage === "escalated") {
    escalateAction(demo.as("procurement", at(0.6)), taskId, {
      kind: "suspension",
      comment: "No plan after repeated requests: new orders suspended until wages are paid in full.",
      approverUserId: demo.userId("executive"),
    });
    return;
  }
  const plan = f.plan!;
  const target = demo.day(at(0.2) - 60);
  submitPlan(supplier(at(0.85)), taskId, {
    rootCause: plan.rootCause,
    correctiveAction: plan.corrective,
    preventiveAction: plan.preventive,
    planTargetDate: target,
    supplierOwner: contact,
  });
  if (f.stage === "plan_submitted") return;
  if (f.stage === "plan_returned") {
    returnPlan(demo.as("procurement", at(0.8)), taskId, {
      comment: "Say how workers will be paid while the advance scheme starts, and who checks it.",
    });
    return;
  }
  acceptPlan(demo.as("procurement", at(0.8)), taskId, { comment: "Accepted." });
  if (f.stage === "plan_accepted") return;
  startWork(supplier(at(0.6)), taskId, { note: "Work started as planned." });
  if (f.stage === "in_progress") return;
  await uploadEvidence(supplier(at(0.4)), {
    actionId: taskId,
    file: demoPdf(`evidence-${taskId.slice(0, 8)}.pdf`),
  });
  submitEvidence(supplier(at(0.4)), taskId, { note: "Records and photos attached." });
  verifyAction(demo.as("auditor", at(0.3)), taskId, {
    method: "desk_review",
    note: "Checked the records against the plan; every item is done.",
  });
  closeAction(demo.as("auditor", at(0.3)), taskId, { comment: "Verified by desk review." });
}
