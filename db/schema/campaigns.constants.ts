/** Enum values of the campaigns tables: no drizzle import, so browser code can use them. */
export const CAMPAIGN_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
