import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { openSecret, sealSecret } from "~/infra/crypto.server";
import { env } from "~/infra/env.server";
import { RECEIPT_DIGITS } from "./receipt";

/**
 * The grievance channel's two keys, derived with HKDF-SHA256 from the server's sealing key
 * (TOTP_ENCRYPTION_KEY, required in production) under their own labels, so neither equals the TOTP key
 * nor each other and no new secret has to be configured. Rotating TOTP_ENCRYPTION_KEY therefore also
 * makes sealed contact details and receipt codes unreadable: re-seal before rotating.
 */
function derive(label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", env().totpEncryptionKey, "clearsource-grievances", label, 32));
}

let keys: { contact: Buffer; receipt: Buffer; sender: Buffer; sms: Buffer; forKey: Buffer } | undefined;
function grievanceKeys() {
  const base = env().totpEncryptionKey;
  if (!keys || keys.forKey !== base) {
    keys = {
      contact: derive("contact-details v1"),
      receipt: derive("receipt-code v1"),
      sender: derive("sms-sender v1"),
      sms: derive("sms-channel-token v1"),
      forKey: base,
    };
  }
  return keys;
}

/** A fresh receipt code: 16 uniformly random digits (crypto.randomInt). */
export function newReceiptCode(): string {
  let digits = "";
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(randomInt(10));
  return digits;
}

/**
 * What is stored of a receipt code: HMAC-SHA256 under the receipt key, bound to the organisation. A
 * keyed hash, because 53 bits are too few to survive an offline search of a plain hash by someone who
 * copied the database.
 */
export function receiptHash(organizationId: string, digits: string): string {
  return createHmac("sha256", grievanceKeys().receipt).update(`${organizationId}:${digits}`).digest("hex");
}

/** A client address as a rate-limit key: keyed, so the limiter's table holds no address anyone can read. */
export function limiterKeyOf(ip: string): string {
  return createHmac("sha256", grievanceKeys().receipt).update(`ip:${ip}`).digest("hex").slice(0, 32);
}

export function sealContact(caseId: string, contact: string): string {
  return sealSecret(contact, grievanceKeys().contact, `grievance:${caseId}`);
}

export function openContact(caseId: string, sealed: string): string {
  return openSecret(sealed, grievanceKeys().contact, `grievance:${caseId}`);
}

/**
 * A text sender (phone number, or "whatsapp:" and the number) as the conversation table keeps it: keyed,
 * bound to the organisation, so neither the number nor a search for one can be done from the database.
 */
export function senderHash(organizationId: string, sender: string): string {
  return createHmac("sha256", grievanceKeys().sender)
    .update(`${organizationId}:sender:${sender}`)
    .digest("hex");
}

/** A provider's message id as the replay table keeps it (keyed: provider metadata is not stored). */
export function inboundMessageHash(organizationId: string, messageId: string): string {
  return createHmac("sha256", grievanceKeys().sender)
    .update(`${organizationId}:message:${messageId}`)
    .digest("hex");
}

export function sealSmsToken(organizationId: string, token: string): string {
  return sealSecret(token, grievanceKeys().sms, `sms-channel:${organizationId}`);
}

export function openSmsToken(organizationId: string, sealed: string): string {
  return openSecret(sealed, grievanceKeys().sms, `sms-channel:${organizationId}`);
}
