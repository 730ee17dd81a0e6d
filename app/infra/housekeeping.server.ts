import { sweepIdempotency } from "~/api/keys.server";
import { sweepAccountTokens } from "~/orgs/account-tokens.server";
import { sweepPortalSessions } from "~/questionnaires/portal-access.server";
import { sweepActionPortalSessions } from "~/remediation/supplier-access.server";
import { sweepSsoAttempts } from "~/sso/login.server";
import { pruneWebhookDeliveries } from "~/webhooks/retention.server";

const HOUR_MS = 3_600_000;

/**
 * Rows that only ever pile up: expired or never-confirmed supplier portal and action-link sessions (every
 * redeemed link makes one), spent account tokens, single sign-on attempts and webhook deliveries past
 * their retention. Swept at boot and then every hour.
 */
export function runHousekeeping(now = new Date()): {
  portalSessions: number;
  accountTokens: number;
  apiIdempotency: number;
  ssoAttempts: number;
  webhookDeliveries: number;
  webhookEvents: number;
} {
  return {
    portalSessions: sweepPortalSessions(now) + sweepActionPortalSessions(now),
    accountTokens: sweepAccountTokens(now),
    // Stored answers of API creates are kept a day (D40).
    apiIdempotency: sweepIdempotency(now),
    // Single sign-on attempts that never came back from the provider (10 minutes, D44).
    ssoAttempts: sweepSsoAttempts(now),
    ...webhookLog(now),
  };
}

/** The webhook delivery log past WEBHOOK_RETENTION_DAYS (D39). */
function webhookLog(now: Date) {
  const pruned = pruneWebhookDeliveries(now);
  return { webhookDeliveries: pruned.deliveries, webhookEvents: pruned.events };
}

export function startHousekeeping(opts: { log: (line: string) => void; intervalMs?: number }): () => void {
  const tick = () => {
    try {
      const swept = runHousekeeping();
      if (swept.portalSessions || swept.accountTokens) {
        opts.log(
          `Housekeeping: removed ${swept.portalSessions} expired portal sessions, ${swept.accountTokens} spent account tokens.`,
        );
      }
      if (swept.webhookDeliveries || swept.webhookEvents) {
        opts.log(
          `Housekeeping: removed ${swept.webhookDeliveries} webhook deliveries and ${swept.webhookEvents} events past the retention.`,
        );
      }
    } catch (err) {
      opts.log(`Housekeeping error: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? HOUR_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
