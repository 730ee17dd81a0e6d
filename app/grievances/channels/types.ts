import type { GrievanceChannel } from "~db/schema/grievances.constants";

/** A worker's text message as every provider adapter hands it over (D46). */
export type InboundMessage = {
  channel: Exclude<GrievanceChannel, "web">;
  /** The sender's address at the provider ("+8801…", "whatsapp:+8801…"): used in memory, never stored. */
  sender: string;
  /** The organisation's number the worker wrote to (replies go out from it). */
  recipient: string;
  body: string;
  /** The provider's id of this message: replay protection (stored only as a keyed hash). */
  messageId: string;
};

export type OutboundText = { from: string; to: string; body: string };
export type SmsCredentials = { accountSid: string; authToken: string };

/** How replies leave: one implementation per provider, plus a log for development. */
export type SmsSender = (creds: SmsCredentials, text: OutboundText) => Promise<void>;
