import { createAudit } from "~/audits/audits.server";
import type { FollowUpChoice } from "~/audits/follow-up";
import { priorFindings, reviewPriorFinding } from "~/audits/follow-up.server";
import { demoSiteId } from "~/suppliers/sites.server";
import { DEMO_SUPPLIERS } from "../catalogue";
import type { DemoStep } from "../context.server";

type FollowUp = {
  supplier: string;
  scheme: "SMETA" | "amfori BSCI" | "RBA";
  daysAgo: number;
  decisions: { title: string; decision: FollowUpChoice; schemeGrade?: string; note: string }[];
};

/**
 * Follow-up audits that review earlier findings (issue 10, Deliver 4): one reopens a finding closed last
 * year, one grades a finding again, one closes a finding as verified on site.
 */
const FOLLOW_UPS: FollowUp[] = [
  {
    supplier: "klang",
    scheme: "RBA",
    daysAgo: 20,
    decisions: [
      {
        title: "Dormitory rooms shared by 14 workers",
        decision: "reopen",
        schemeGrade: "Major",
        note: "Block C rooms are back to 12–14 workers since the new intake in the spring.",
      },
    ],
  },
  {
    supplier: "ahmedabad",
    scheme: "SMETA",
    daysAgo: 12,
    decisions: [
      {
        title: "Hostel gates locked from 9 pm to 6 am",
        decision: "regrade",
        schemeGrade: "Critical",
        note: "Workers say the warden keeps the keys and they need permission to leave at night.",
      },
    ],
  },
  {
    supplier: "songkhla",
    scheme: "amfori BSCI",
    daysAgo: 6,
    decisions: [
      {
        title: "Peeling shifts of 14 hours in the high season",
        decision: "close",
        note: "Time records for the last eight weeks show shifts of at most 10 hours; a second shift was hired.",
      },
    ],
  },
];

export const followUpAuditsStep: DemoStep = {
  name: "follow-up audits",
  async run(demo) {
    for (const f of FOLLOW_UPS) {
      const auditor = demo.as("auditor", f.daysAgo);
      const entry = DEMO_SUPPLIERS.find((s) => s.key === f.supplier)!;
      const audit = createAudit(auditor, {
        supplierId: demo.suppliers[f.supplier],
        scheme: f.scheme,
        auditDate: demo.day(f.daysAgo),
        siteId: demoSiteId(auditor, demo.suppliers[f.supplier], entry.site?.name),
        summary: "Follow-up audit of the findings of the previous audit.",
      });
      const earlier = priorFindings(auditor, audit.id);
      for (const d of f.decisions) {
        const finding = earlier.find((x) => x.title === d.title);
        if (!finding) throw new Error(`Demo follow-up: no earlier finding "${d.title}"`);
        reviewPriorFinding(auditor, {
          auditId: audit.id,
          findingId: finding.id,
          decision: d.decision,
          schemeGrade: d.schemeGrade,
          note: d.note,
        });
      }
    }
  },
};
