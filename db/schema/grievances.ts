import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id } from "./_columns";
import {
  SMS_PROVIDERS,
  GRIEVANCE_AUTHORS,
  GRIEVANCE_CHANNELS,
  GRIEVANCE_HOW_MANY,
  GRIEVANCE_ONGOING,
  GRIEVANCE_SINCE,
  GRIEVANCE_STATES,
  type GrievanceIndicator,
} from "./grievances.constants";
import { organizations, users } from "./orgs";
import { sites, suppliers } from "./suppliers";

/**
 * One report from the anonymous worker channel and the case it became. Deliberately holds nothing that
 * identifies the reporter: no IP address, no user agent, no precise time (the day it arrived, as
 * YYYY-MM-DD, and no created_at), the receipt code only as a keyed hash, and contact details (when the
 * reporter chose to leave them) sealed with AES-256-GCM, opened only by a custodian with a logged reason.
 */
export const grievanceCases = sqliteTable(
  "grievance_cases",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The short number handlers refer to (per organisation, 1, 2, 3 …). */
    number: integer("number").notNull(),
    /** HMAC-SHA256 of the receipt code's digits (keyed: the database alone cannot be brute-forced). */
    receiptHash: text("receipt_hash").notNull(),
    channel: text("channel", { enum: GRIEVANCE_CHANNELS }).notNull().default("web"),
    /** The language the reporter wrote in: replies and the acknowledgement are shown in it. */
    language: text("language").notNull(),
    /** The site whose poster the report came through (none from the organisation-wide page). */
    intakeSiteId: text("intake_site_id").references(() => sites.id, { onDelete: "set null" }),
    /** YYYY-MM-DD: the day the report arrived. Never a time of day. */
    receivedOn: text("received_on").notNull(),
    whatHappened: text("what_happened").notNull(),
    /** Where it happens, in the reporter's words. */
    place: text("place"),
    since: text("since", { enum: GRIEVANCE_SINCE }).notNull().default("unknown"),
    howMany: text("how_many", { enum: GRIEVANCE_HOW_MANY }).notNull().default("unknown"),
    ongoing: text("ongoing", { enum: GRIEVANCE_ONGOING }).notNull().default("unknown"),
    /** The warning signs the reporter ticked (ILO indicator keys). */
    indicators: text("indicators", { mode: "json" }).$type<GrievanceIndicator[]>().notNull(),
    /** Optional contact details, sealed (`v1:<iv>:<tag>:<ct>`, bound to the case id). */
    contactSealed: text("contact_sealed"),
    state: text("state", { enum: GRIEVANCE_STATES }).notNull().default("received"),
    /** Triage: the supplier and site the case concerns (may differ from the intake site). */
    supplierId: text("supplier_id").references(() => suppliers.id, { onDelete: "set null" }),
    siteId: text("site_id").references(() => sites.id, { onDelete: "set null" }),
    /** YYYY-MM-DD milestones, for the clocks and the effectiveness indicators. */
    acknowledgedOn: text("acknowledged_on"),
    /** The first reply a handler wrote to the reporter (the Directive's "feedback"). */
    feedbackOn: text("feedback_on"),
    decidedOn: text("decided_on"),
    closedOn: text("closed_on"),
    /** The corrective action raised when the case was substantiated (remediation_tasks.id). */
    actionId: text("action_id"),
    /** The handler's finding when deciding (substantiated or not), shown to handlers only. */
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("grievance_cases_receipt").on(t.organizationId, t.receiptHash),
    uniqueIndex("grievance_cases_number").on(t.organizationId, t.number),
    index("grievance_cases_org_state").on(t.organizationId, t.state),
    index("grievance_cases_org_supplier").on(t.organizationId, t.supplierId),
  ],
);

/**
 * The two-way conversation of a case. Reporter messages carry the day only (like the report); the order
 * is `seq`, per case.
 */
export const grievanceMessages = sqliteTable(
  "grievance_messages",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    caseId: text("case_id")
      .notNull()
      .references(() => grievanceCases.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    author: text("author", { enum: GRIEVANCE_AUTHORS }).notNull(),
    /** The handler who wrote it (null for the reporter and the automatic acknowledgement). */
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** YYYY-MM-DD. */
    sentOn: text("sent_on").notNull(),
  },
  (t) => [uniqueIndex("grievance_messages_seq").on(t.caseId, t.seq)],
);

/**
 * The short address printed on a site's poster (`/r/<code>`): twelve hex digits a worker can type on a
 * basic phone. One per site, created by a trigger whenever a site is inserted (every writer: the sites
 * page, imports, the demo), so reading a poster never writes. Codes are random (48 bits), not derived
 * from the site id; a collision leaves that site without a short code and its poster prints the full
 * address instead.
 */
export const grievanceReportLinks = sqliteTable("grievance_report_links", {
  code: text("code").primaryKey(),
  organizationId: text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  siteId: text("site_id")
    .notNull()
    .unique()
    .references(() => sites.id, { onDelete: "cascade" }),
});

/**
 * A file the reporter attached to the report or to a later message (D41): a photo or document with its
 * metadata stripped before storage (EXIF/XMP/IPTC, PNG text chunks, PDF info and XMP). The object lives
 * under the organisation's prefix (`org/<id>/grievance/…`); the row keeps the day only, like the report,
 * and the name the reporter's file had, made safe. Handlers download it through the app after the case
 * access check, and each download is logged like a view of the case.
 */
export const grievanceAttachments = sqliteTable(
  "grievance_attachments",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    caseId: text("case_id")
      .notNull()
      .references(() => grievanceCases.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    /** Size and SHA-256 of the stored (stripped) bytes. */
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** YYYY-MM-DD. */
    addedOn: text("added_on").notNull(),
  },
  (t) => [index("grievance_attachments_case").on(t.caseId)],
);

/**
 * An organisation's text-message number for the worker channel (D46): the provider, its account id and
 * the auth token that signs the provider's webhooks (sealed, bound to the organisation; never shown
 * again after it is saved), and the language replies use when a message's script does not say.
 */
export const grievanceSmsChannels = sqliteTable("grievance_sms_channels", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  provider: text("provider", { enum: SMS_PROVIDERS }).notNull().default("twilio"),
  accountSid: text("account_sid").notNull(),
  authTokenSealed: text("auth_token_sealed").notNull(),
  /** The token's last four characters, so an admin can tell which one is saved. */
  authTokenHint: text("auth_token_hint").notNull(),
  defaultLanguage: text("default_language").notNull().default("en"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A text conversation: which case a sender's messages go to. The sender is kept only as a keyed hash
 * (HMAC under a key derived from the server's sealing key, bound to the organisation and channel), so
 * the table cannot be searched for a phone number without the server key and holds no number at all.
 * Days only, like the report.
 */
export const grievanceConversations = sqliteTable(
  "grievance_conversations",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    senderHash: text("sender_hash").notNull(),
    caseId: text("case_id")
      .notNull()
      .references(() => grievanceCases.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD of the last message; the conversation ends CONVERSATION_DAYS after it. */
    lastMessageOn: text("last_message_on").notNull(),
  },
  (t) => [uniqueIndex("grievance_conversations_sender").on(t.organizationId, t.senderHash)],
);

/**
 * Provider message ids already handled (as keyed hashes), so a replayed or retried webhook never adds a
 * message twice. Swept after 30 days (a provider retries within hours); the day only.
 */
export const grievanceInboundSeen = sqliteTable(
  "grievance_inbound_seen",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    messageHash: text("message_hash").notNull(),
    seenOn: text("seen_on").notNull(),
  },
  (t) => [uniqueIndex("grievance_inbound_seen_message").on(t.organizationId, t.messageHash)],
);
