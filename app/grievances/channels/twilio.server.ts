import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/infra/env.server";
import type { InboundMessage, OutboundText, SmsCredentials } from "./types";

/**
 * The one provider shape the channel speaks today: Twilio's Programmable Messaging (SMS and WhatsApp).
 *
 * Inbound: Twilio POSTs `application/x-www-form-urlencoded` to the webhook URL configured on the number,
 * with `MessageSid`, `AccountSid`, `From` ("+8801…" or "whatsapp:+8801…"), `To`, `Body`, `NumMedia` and
 * more, and signs it in `X-Twilio-Signature`: base64(HMAC-SHA1(auth token, URL + every POST parameter's
 * name and value, sorted by name)). The URL is the one Twilio was given, so we sign against the
 * configured public origin, never the Host header. Only `From`, `To`, `Body` and `MessageSid` are read;
 * nothing else the provider sends (location, profile name, media URLs) is kept anywhere.
 *
 * Outbound: POST `/2010-04-01/Accounts/<AccountSid>/Messages.json` with `From`, `To`, `Body`, basic
 * auth with the account id and auth token.
 */

/** The signature Twilio sends for these parameters at this URL. */
export function twilioSignature(authToken: string, url: string, params: [string, string][]): string {
  const sorted = [...params].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const data = url + sorted.map(([k, v]) => k + v).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Constant-time comparison of the header with the signature we compute; a missing header fails. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: [string, string][],
  header: string | null,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The provider-neutral message, or null when a field the channel needs is missing. */
export function parseTwilioInbound(params: [string, string][]): InboundMessage | null {
  const get = (k: string) => params.find(([name]) => name === k)?.[1];
  const from = get("From");
  const to = get("To");
  const sid = get("MessageSid") ?? get("SmsMessageSid");
  if (!from || !to || !sid) return null;
  return {
    channel: from.startsWith("whatsapp:") ? "whatsapp" : "sms",
    sender: from,
    recipient: to,
    body: get("Body") ?? "",
    messageId: sid,
  };
}

/** Send one text through the Messages API; throws on a non-2xx answer or a timeout. */
export async function sendTwilioText(creds: SmsCredentials, text: OutboundText): Promise<void> {
  const url = `${env().TWILIO_API_BASE.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(creds.accountSid)}/Messages.json`;
  const res = await fetch(url, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${creds.accountSid}:${creds.authToken}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ From: text.from, To: text.to, Body: text.body }),
    signal: AbortSignal.timeout(env().SMS_TIMEOUT_MS),
    redirect: "error",
  });
  if (!res.ok) throw new Error(`The provider answered ${res.status}.`);
  await res.body?.cancel();
}
