import { env } from "~/infra/env.server";
import { sendTwilioText } from "./twilio.server";
import type { OutboundText, SmsCredentials, SmsSender } from "./types";

/**
 * The outbound side of the text channel, provider-neutral: `sendReply` is all the channel calls, and
 * SMS_OUTBOUND chooses the implementation (the provider's HTTP API, or a log line in development that
 * names neither number nor text). Tests run the Twilio adapter against a local double of its API.
 */
const logSender: SmsSender = async (_creds, text) => {
  console.info(`Worker channel: a reply of ${text.body.length} characters would be sent (SMS_OUTBOUND=log).`);
};

const SENDERS: Record<"twilio" | "log", SmsSender> = { twilio: sendTwilioText, log: logSender };

/**
 * Send a reply; a failure is reported (without the number or the text) and swallowed, because the
 * worker's message is already committed and the provider must not retry it. The worker can always ask
 * again with STATUS and the receipt code.
 */
export async function sendReply(creds: SmsCredentials, text: OutboundText): Promise<boolean> {
  try {
    await SENDERS[env().smsOutbound](creds, text);
    return true;
  } catch (err) {
    console.error(
      `Worker channel: a reply could not be sent (${err instanceof Error ? err.message : "error"}).`,
    );
    return false;
  }
}
