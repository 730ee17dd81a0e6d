import { writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { assertNotBlocked, recordFailure, TooManyAttemptsError, type Limit } from "~/orgs/rate-limit.server";
import { smsChannelFor } from "./config.server";
import { handleInbound } from "./inbound.server";
import { sendReply } from "./outbound.server";
import { parseTwilioInbound, verifyTwilioSignature } from "./twilio.server";

/**
 * The public webhook a provider posts workers' texts to (`/channels/sms/<org id>`, D46). In order:
 * an organisation without a connected number is 404; the organisation's request budget is counted
 * (before the body is read or verified, so a flood is refused cheaply); the signature is checked against the sealed auth
 * token over the configured public URL (a missing or wrong one is 403 and nothing is stored); the
 * message is handled in one transaction (replays add nothing); the reply goes out through the outbound
 * interface after the commit. The provider is always answered with an empty TwiML document, because
 * the reply is sent separately and a retried webhook must not produce a second one.
 */

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** 600 requests per 10 minutes per organisation: far above any real channel, far below a flood. */
export function webhookLimits(organizationId: string): Limit[] {
  return [{ key: `sms-webhook:org:${organizationId}`, max: 600, windowMs: 10 * 60_000 }];
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

export async function smsWebhook(
  request: Request,
  organizationId: string,
  now = new Date(),
): Promise<Response> {
  if (request.method !== "POST") return text(405, "POST only.", { Allow: "POST" });
  const channel = smsChannelFor(organizationId);
  // Looked up first, so requests for organisations without a number leave no limiter row behind.
  if (!channel) return text(404, "No text channel here.");
  try {
    writeTx((tx) => {
      const limits = webhookLimits(organizationId);
      assertNotBlocked(tx, limits, now);
      recordFailure(tx, limits, now);
    });
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    return text(429, "Too many requests.", { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)) });
  }

  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return text(415, "Form-encoded bodies only.");
  const params = [...new URLSearchParams(await request.text())];
  const url = new URL(request.url);
  const signedUrl = `${env().publicOrigin}${url.pathname}${url.search}`;
  if (
    !verifyTwilioSignature(
      channel.creds.authToken,
      signedUrl,
      params,
      request.headers.get("X-Twilio-Signature"),
    )
  )
    return text(403, "Signature refused.");
  const msg = parseTwilioInbound(params);
  if (!msg) return text(400, "From, To and MessageSid are required.");
  const outcome = handleInbound(organizationId, msg, { defaultLanguage: channel.defaultLanguage, now });
  if (outcome.kind === "reply")
    await sendReply(channel.creds, { from: msg.recipient, to: msg.sender, body: outcome.body });
  return new Response(EMPTY_TWIML, {
    status: 200,
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
