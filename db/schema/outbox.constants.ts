/** Enum values of the outbox tables: no drizzle import, so browser code can use them. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
