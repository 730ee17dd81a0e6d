import { Webhook } from "standardwebhooks";

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` (the event's id, the same on every retry),
 * `webhook-timestamp` (seconds, the attempt's time: receivers refuse anything older than their replay
 * window, 5 minutes by default) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`,
 * one per secret, space-separated: during a rotation's overlap both the new and the previous secret sign).
 */
export function signedHeaders(
  eventId: string,
  body: string,
  secrets: readonly string[],
  at: Date,
): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(" "),
  };
}
