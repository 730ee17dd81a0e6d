import { createEndpoint, setEndpointEnabled } from "~/webhooks/endpoints.server";
import type { DemoStep } from "../context.server";

/**
 * A webhook subscription under Settings → Webhooks, paused: its address is the reserved example.com
 * domain (nothing real receives it), so the admin sees a configured endpoint, edits the address to their
 * own receiver and presses Resume; no delivery is attempted before that.
 */
export const webhooksStep: DemoStep = {
  name: "webhooks",
  run(demo) {
    const ctx = demo.as("admin", 0);
    const { endpointId } = createEndpoint(ctx, {
      url: "https://receiver.example.com/clearsource",
      description: "Demo: an example address. Replace it with your receiver's, then press Resume.",
      eventTypes: ["supplier.risk_level_changed", "finding.raised", "action.overdue"],
    });
    setEndpointEnabled(ctx, endpointId, false);
  },
};
