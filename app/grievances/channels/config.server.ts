import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { type Ctx, nowOf } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ForbiddenError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { can } from "~/orgs/permissions";
import { grievanceSmsChannels } from "~db/schema";
import { INTAKE_LANGUAGE_CODES, isIntakeLanguage, type IntakeLanguage } from "../languages";
import { openSmsToken, sealSmsToken } from "../secrets.server";
import type { SmsCredentials } from "./types";

/**
 * The organisation's text-message number (D46): an admin connects the provider account once; the auth
 * token, which signs every inbound webhook and authorises every reply, is sealed (AES-256-GCM, bound to
 * the organisation) and never shown again, only its last four characters. Saving again replaces it.
 */

function requireAdmin(ctx: Ctx) {
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, "grievances:channel"))
    throw new ForbiddenError("Only admins may connect the worker channel's number.");
}

export const smsChannelSchema = z.strictObject({
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, "An account SID is AC followed by 32 hexadecimal characters."),
  authToken: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, "An auth token is 32 hexadecimal characters (Console → Account → API keys)."),
  defaultLanguage: z.enum(INTAKE_LANGUAGE_CODES as [IntakeLanguage, ...IntakeLanguage[]], {
    error: "Choose the language replies use when a message's script does not show it.",
  }),
});

export function webhookUrlOf(organizationId: string): string {
  return `${env().publicOrigin}/channels/sms/${organizationId}`;
}

export function saveSmsChannel(ctx: Ctx, raw: unknown): void {
  requireAdmin(ctx);
  const input = parseInput(smsChannelSchema, raw);
  writeTx((tx) => {
    const values = {
      organizationId: ctx.organizationId,
      provider: "twilio" as const,
      accountSid: input.accountSid,
      authTokenSealed: sealSmsToken(ctx.organizationId, input.authToken.toLowerCase()),
      authTokenHint: input.authToken.slice(-4).toLowerCase(),
      defaultLanguage: input.defaultLanguage,
      updatedAt: nowOf(ctx),
    };
    tx.insert(grievanceSmsChannels)
      .values(values)
      .onConflictDoUpdate({ target: grievanceSmsChannels.organizationId, set: values })
      .run();
    recordAudit(tx, ctx, {
      action: "grievance.sms_channel_saved",
      entityType: "organization",
      entityId: ctx.organizationId,
      details: { provider: "twilio", accountSid: input.accountSid, defaultLanguage: input.defaultLanguage },
    });
  });
}

export function removeSmsChannel(ctx: Ctx): void {
  requireAdmin(ctx);
  writeTx((tx) => {
    const gone = tx
      .delete(grievanceSmsChannels)
      .where(eq(grievanceSmsChannels.organizationId, ctx.organizationId))
      .returning({ id: grievanceSmsChannels.organizationId })
      .get();
    if (gone)
      recordAudit(tx, ctx, {
        action: "grievance.sms_channel_removed",
        entityType: "organization",
        entityId: ctx.organizationId,
        details: {},
      });
  });
}

export type SmsChannelSettings = {
  webhookUrl: string;
  channel: { accountSid: string; tokenHint: string; defaultLanguage: string; updatedAt: string } | null;
};

export function smsChannelSettings(ctx: Ctx): SmsChannelSettings {
  requireAdmin(ctx);
  const row = db()
    .select()
    .from(grievanceSmsChannels)
    .where(eq(grievanceSmsChannels.organizationId, ctx.organizationId))
    .get();
  return {
    webhookUrl: webhookUrlOf(ctx.organizationId),
    channel: row
      ? {
          accountSid: row.accountSid,
          tokenHint: row.authTokenHint,
          defaultLanguage: row.defaultLanguage,
          updatedAt: row.updatedAt.toISOString().slice(0, 10),
        }
      : null,
  };
}

/** What the webhook needs: the credentials (opened) and the reply language; null when not connected. */
export function smsChannelFor(
  organizationId: string,
): { creds: SmsCredentials; defaultLanguage: IntakeLanguage } | null {
  const row = db()
    .select()
    .from(grievanceSmsChannels)
    .where(eq(grievanceSmsChannels.organizationId, organizationId))
    .get();
  if (!row) return null;
  return {
    creds: { accountSid: row.accountSid, authToken: openSmsToken(organizationId, row.authTokenSealed) },
    defaultLanguage: isIntakeLanguage(row.defaultLanguage) ? row.defaultLanguage : "en",
  };
}
