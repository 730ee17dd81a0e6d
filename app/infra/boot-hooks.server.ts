import { campaignJobHandlers } from "~/campaigns/campaign-send.server";
import { seedDemoIfEmpty } from "~/demo/seed.server";
import { startOutboxSender } from "~/email/sender.server";
import { evidenceJobHandlers } from "~/evidence/expiry-reminders.server";
import { evidenceWithdrawJobHandlers } from "~/evidence/withdraw.server";
import { grievanceJobHandlers } from "~/grievances/clocks.server";
import { startImportWorker } from "~/imports/worker.server";
import { reminderJobHandlers } from "~/questionnaires/reminders.server";
import { actionJobHandlers } from "~/remediation/reminders.server";
import { ensureDailyRiskRefresh, riskDailyJobHandlers } from "~/risk/daily-refresh.server";
import { enqueueStaleOrganisations, riskJobHandlers } from "~/risk/recompute-org.server";
import { startScheduler } from "~/scheduler/scheduler.server";
import { startWebhookWorker } from "~/webhooks/worker.server";
import { env } from "./env.server";
import { startHousekeeping } from "./housekeeping.server";

/**
 * Start-up work registered by capabilities (seeding, background workers), run in order by boot().
 * A hook may return a function that stops what it started.
 */
export type BootHook = (args: {
  log: (line: string) => void;
}) => Promise<(() => Promise<void> | void) | void> | (() => Promise<void> | void) | void;

export const bootHooks: BootHook[] = [
  async ({ log }) => {
    if (env().SEED_DEMO) await seedDemoIfEmpty(log);
  },
  // A new risk model version or reference edition: each organisation is rescored in the background.
  ({ log }) => {
    const n = enqueueStaleOrganisations();
    if (n) log(`Risk: ${n} organisation(s) queued for a recompute (model or reference data changed).`);
    // Dates that pass (evidence expiry, deadlines, ageing answers) rescore suppliers once a day (D30).
    ensureDailyRiskRefresh();
  },
  ({ log }) => startOutboxSender({ log }),
  ({ log }) =>
    startScheduler({
      log,
      handlers: {
        ...campaignJobHandlers,
        ...reminderJobHandlers,
        ...actionJobHandlers,
        ...evidenceJobHandlers,
        ...evidenceWithdrawJobHandlers,
        ...riskJobHandlers,
        ...riskDailyJobHandlers,
        ...grievanceJobHandlers,
      },
    }),
  ({ log }) => startImportWorker({ log }),
  // Webhook deliveries: a lane per endpoint beside the scheduler, so a slow receiver holds up no job (D39).
  ({ log }) => startWebhookWorker({ log }),
  ({ log }) => startHousekeeping({ log }),
];
