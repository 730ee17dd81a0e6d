/**
 * Evidence expiry, judged from the date on every read (never a stored flag that a missed job could leave
 * wrong). Pure and browser-safe: the server computes it with its clock and sends the result, so server
 * and browser render the same badge.
 */

/** Days before the expiry date the owner is reminded. */
export const EXPIRY_REMINDER_DAYS = [30, 7] as const;
/** Within this many days of its expiry date a file is shown as expiring soon. */
export const EXPIRING_SOON_DAYS = 30;

export type ExpiryStatus = "expired" | "expiring" | "valid" | "none";

const DAY_MS = 86_400_000;

/** `expiresOn` is the last valid day (YYYY-MM-DD, UTC); `today` the same format. */
export function expiryStatus(expiresOn: string | null, today: string): ExpiryStatus {
  if (!expiresOn) return "none";
  if (expiresOn < today) return "expired";
  const days = (Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  return days <= EXPIRING_SOON_DAYS ? "expiring" : "valid";
}
