import { seedDemoActions } from "~/remediation/demo.server";
import { seedDemoStatements } from "~/statements/demo.server";
import type { DemoStep } from "../context.server";

/** Sialkot's SMETA audit with actions at each stage and evidence versions (remediation/demo.server.ts). */
export const sialkotActionsStep: DemoStep = {
  name: "Sialkot corrective actions",
  run: (demo) => seedDemoActions(demo.organizationId, demo.suppliers.sialkot, demo.log),
};

/** Last year's approved, signed and published UK statement and a draft Australian one. */
export const statementsStep: DemoStep = {
  name: "statements",
  run: (demo) => seedDemoStatements(demo.as("admin"), demo.anchor),
};
