import { uploadEvidence } from "~/evidence/evidence.server";
import { db } from "~/infra/db.server";
import { decideOverride, requestOverride } from "~/risk/overrides.server";
import { recomputeOrgNow } from "~/risk/recompute-org.server";
import type { DemoStep } from "../context.server";
import { demoPdf } from "../files";

/** An approved override raising the Shenzhen factory to critical until the buyer's own audit. */
export const overrideStep: DemoStep = {
  name: "risk override",
  run(demo) {
    const o = requestOverride(demo.as("executive", 12), demo.suppliers.shenzhen, {
      level: "critical",
      justification:
        "Media reports of workers transferred from Xinjiang to this factory; treat as critical until our own audit.",
      expiresOn: demo.day(-80),
    });
    decideOverride(demo.as("admin", 11), o.id, {
      decision: "approve",
      note: "Agreed until the audit in Q1.",
    });
  },
};

/**
 * A fire-safety certificate whose last valid day is tomorrow: the day after, the daily refresh (D30) adds
 * an "evidence expired" line naming it to the Porto supplier's risk, without anyone touching the record.
 */
export const expiringEvidenceStep: DemoStep = {
  name: "evidence expiring soon",
  async run(demo) {
    await uploadEvidence(demo.as("admin", 300), {
      supplierId: demo.suppliers.porto,
      expiresOn: demo.day(-1),
      file: demoPdf("fire-safety-certificate-porto.pdf"),
    });
  },
};

/**
 * Last: rescore the whole organisation with everything the other steps recorded, as the nightly job
 * would, so every supplier's level and upstream exposure reflect the final picture.
 */
export const recomputeStep: DemoStep = {
  name: "risk recompute",
  run(demo) {
    recomputeOrgNow(db(), demo.as("admin"), "demo.seeded");
  },
};
