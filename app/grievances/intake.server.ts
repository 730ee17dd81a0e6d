import { and, asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { assertNotBlocked, recordFailure, type Limit } from "~/orgs/rate-limit.server";
import { grievanceCases, grievanceMessages, organizations, sites } from "~db/schema";
import {
  GRIEVANCE_HOW_MANY,
  GRIEVANCE_INDICATORS,
  GRIEVANCE_ONGOING,
  GRIEVANCE_SINCE,
  type GrievanceAuthor,
  type GrievanceChannel,
  type GrievanceState,
} from "~db/schema/grievances.constants";
import { caseAttachments, insertAttachment, type StagedAttachment } from "./attachments.server";
import { isoDay } from "./clocks";
import { scheduleCaseClocks } from "./clocks.server";
import type { IntakeKey } from "./intake-i18n.server";
import { isIntakeLanguage, type IntakeLanguage } from "./languages";
import { normaliseReceiptCode } from "./receipt";
import { limiterKeyOf, newReceiptCode, receiptHash, sealContact } from "./secrets.server";

/**
 * The anonymous side of the worker channel: the report form, the receipt code, and the reporter's view
 * of their case. Nothing here writes an audit-log row or any other row with a precise time: an audit row
 * carries the millisecond of the submission, which is exactly what must not be kept (see D28). Every
 * error message is an `IntakeKey`, so the page shows it in the reporter's language.
 */

export const WHAT_MAX = 5000;
const PLACE_MAX = 500;
const CONTACT_MAX = 300;
const MESSAGE_MAX = 5000;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v == null ? "unknown" : v), z.enum(values, { error: "form.check" }));

const optional = (maxLen: number) =>
  z
    .string()
    .trim()
    .max(maxLen, "err.tooLong" satisfies IntakeKey)
    .nullish()
    .transform((v) => v || null);

export const reportSchema = z.strictObject({
  lang: z.string().optional(),
  whatHappened: z
    .string({ error: "err.empty" })
    .trim()
    .min(1, "err.empty" satisfies IntakeKey)
    .max(WHAT_MAX, "err.tooLong" satisfies IntakeKey),
  place: optional(PLACE_MAX),
  since: choice(GRIEVANCE_SINCE),
  howMany: choice(GRIEVANCE_HOW_MANY),
  ongoing: choice(GRIEVANCE_ONGOING),
  indicators: z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(GRIEVANCE_INDICATORS, { error: "form.check" })).max(GRIEVANCE_INDICATORS.length),
  ),
  contact: optional(CONTACT_MAX),
});
export type ReportInput = z.output<typeof reportSchema>;

export const codeSchema = z.strictObject({
  lang: z.string().optional(),
  intent: z.string().optional(),
  code: z.string().max(64).optional(),
  message: z.string().optional(),
});

export type IntakePlace = {
  organizationId: string;
  organisation: string;
  site: { id: string; name: string } | null;
};

/** The organisation (and site) a public report page belongs to; 404 for anything else. */
export function intakePlace(orgId: string, siteId: string | null, tx: DbOrTx = db()): IntakePlace {
  const org = tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .get();
  if (!org) throw new NotFoundError("No reporting page here.");
  if (!siteId) return { organizationId: org.id, organisation: org.name, site: null };
  const site = tx
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, org.id)))
    .get();
  if (!site) throw new NotFoundError("No reporting page here.");
  return { organizationId: org.id, organisation: org.name, site };
}

/**
 * File a report: one transaction that stores the case (day of arrival only), seals the contact details
 * to the case id, and schedules the acknowledgement and feedback clocks. Returns the receipt code, which
 * exists nowhere else afterwards (only its keyed hash is kept).
 */
export function submitReport(
  place: { orgId: string; siteId: string | null },
  lang: IntakeLanguage,
  input: ReportInput,
  opts: { now?: Date; attachment?: StagedAttachment | null } = {},
): { code: string; caseId: string } {
  const today = isoDay(opts.now ?? new Date());
  return writeTx((tx) => {
    const where = intakePlace(place.orgId, place.siteId, tx);
    const opened = insertCase(tx, where, { lang, input, channel: "web", today });
    if (opts.attachment)
      insertAttachment(tx, {
        organizationId: where.organizationId,
        caseId: opened.caseId,
        staged: opts.attachment,
        addedOn: today,
      });
    return opened;
  });
}

/**
 * The case row of a new report with its receipt code and clocks, inside the caller's transaction (the
 * web form and the text-message channel). Returns the code, which is kept nowhere (only its keyed hash).
 */
export function insertCase(
  tx: DbOrTx,
  where: IntakePlace,
  r: { lang: IntakeLanguage; input: ReportInput; channel: GrievanceChannel; today: string },
): { code: string; caseId: string } {
  const { input, today } = r;
  const caseId = crypto.randomUUID();
  const last = tx
    .select({ n: max(grievanceCases.number) })
    .from(grievanceCases)
    .where(eq(grievanceCases.organizationId, where.organizationId))
    .get();
  // A 53-bit code colliding within one organisation is astronomically unlikely; the unique index
  // would refuse it, and a fresh code is drawn rather than failing the reporter.
  let code = newReceiptCode();
  while (
    tx
      .select({ id: grievanceCases.id })
      .from(grievanceCases)
      .where(
        and(
          eq(grievanceCases.organizationId, where.organizationId),
          eq(grievanceCases.receiptHash, receiptHash(where.organizationId, code)),
        ),
      )
      .get()
  ) {
    code = newReceiptCode();
  }
  tx.insert(grievanceCases)
    .values({
      id: caseId,
      organizationId: where.organizationId,
      number: (last?.n ?? 0) + 1,
      receiptHash: receiptHash(where.organizationId, code),
      channel: r.channel,
      language: r.lang,
      intakeSiteId: where.site?.id ?? null,
      receivedOn: today,
      whatHappened: input.whatHappened,
      place: input.place,
      since: input.since,
      howMany: input.howMany,
      ongoing: input.ongoing,
      indicators: [...new Set(input.indicators)],
      contactSealed: input.contact ? sealContact(caseId, input.contact) : null,
      // Triage starts from the site the poster was for; a handler can change it.
      siteId: where.site?.id ?? null,
      supplierId: where.site ? siteSupplier(tx, where.site.id) : null,
    })
    .run();
  scheduleCaseClocks(tx, { organizationId: where.organizationId, caseId, receivedOn: today });
  return { code, caseId };
}

function siteSupplier(tx: DbOrTx, siteId: string): string | null {
  return tx.select({ s: sites.supplierId }).from(sites).where(eq(sites.id, siteId)).get()?.s ?? null;
}

// ---- Returning with the receipt code ----------------------------------------------------------------

/**
 * Wrong codes are counted per client address (as a keyed hash, never the address) and per organisation.
 * 10 wrong codes in 15 minutes from one address, or 300 in an hour against one organisation, pause
 * further tries; with 10^16 codes neither lets a guesser get anywhere, and an attacker on one address
 * cannot exhaust the organisation's allowance on their own. Right codes are not counted.
 */
export function receiptLimits(organizationId: string, ip: string | null): Limit[] {
  const limits: Limit[] = [{ key: `grievance-code:org:${organizationId}`, max: 300, windowMs: 60 * 60_000 }];
  if (ip) limits.push({ key: `grievance-code:ip:${limiterKeyOf(ip)}`, max: 10, windowMs: 15 * 60_000 });
  return limits;
}

export type ReporterView = {
  receivedOn: string;
  state: GrievanceState;
  language: IntakeLanguage;
  messages: { author: GrievanceAuthor; body: string; sentOn: string }[];
  /** The files on the case (all come from the reporter): the stored name and the day. */
  attachments: { fileName: string; addedOn: string }[];
};

export type ReceiptResult = { ok: true; view: ReporterView } | { ok: false; reason: "unknown" };

/**
 * Open a case by its receipt code, optionally adding the reporter's message, in one transaction. An
 * unknown code, a malformed one and another organisation's code all give the same `unknown` answer
 * and count as one failure; a blocked client gets TooManyAttemptsError before anything is looked up.
 */
export function openWithReceipt(
  orgId: string,
  rawCode: unknown,
  opts: {
    ip: string | null;
    now?: Date;
    addMessage?: string | null;
    attachment?: StagedAttachment | null;
  },
): ReceiptResult {
  const now = opts.now ?? new Date();
  return writeTx((tx) => {
    const where = intakePlace(orgId, null, tx);
    const limits = receiptLimits(where.organizationId, opts.ip);
    assertNotBlocked(tx, limits, now);
    const digits = normaliseReceiptCode(rawCode);
    const row = digits
      ? tx
          .select({
            id: grievanceCases.id,
            receivedOn: grievanceCases.receivedOn,
            state: grievanceCases.state,
            language: grievanceCases.language,
          })
          .from(grievanceCases)
          .where(
            and(
              eq(grievanceCases.organizationId, where.organizationId),
              eq(grievanceCases.receiptHash, receiptHash(where.organizationId, digits)),
            ),
          )
          .get()
      : undefined;
    if (!row) {
      recordFailure(tx, limits, now);
      return { ok: false, reason: "unknown" } as const;
    }
    if (opts.addMessage) {
      appendMessage(tx, {
        organizationId: where.organizationId,
        caseId: row.id,
        author: "reporter",
        authorUserId: null,
        body: opts.addMessage,
        sentOn: isoDay(now),
      });
    }
    if (opts.attachment) {
      insertAttachment(tx, {
        organizationId: where.organizationId,
        caseId: row.id,
        staged: opts.attachment,
        addedOn: isoDay(now),
      });
    }
    const messages = tx
      .select({
        author: grievanceMessages.author,
        body: grievanceMessages.body,
        sentOn: grievanceMessages.sentOn,
      })
      .from(grievanceMessages)
      .where(eq(grievanceMessages.caseId, row.id))
      .orderBy(asc(grievanceMessages.seq))
      .all();
    return {
      ok: true,
      view: {
        receivedOn: row.receivedOn,
        state: row.state,
        language: isIntakeLanguage(row.language) ? row.language : "en",
        messages,
        attachments: caseAttachments(tx, where.organizationId, row.id).map((a) => ({
          fileName: a.fileName,
          addedOn: a.addedOn,
        })),
      },
    } as const;
  });
}

export const reporterMessageSchema = z
  .string({ error: "err.empty" })
  .trim()
  .min(1, "err.empty" satisfies IntakeKey)
  .max(MESSAGE_MAX, "err.tooLong" satisfies IntakeKey);
export const MESSAGE_MAX_CHARS = MESSAGE_MAX;

/** Append one message to a case's conversation (the next `seq`). Inside the caller's transaction. */
export function appendMessage(
  tx: DbOrTx,
  m: {
    organizationId: string;
    caseId: string;
    author: GrievanceAuthor;
    authorUserId: string | null;
    body: string;
    sentOn: string;
  },
): void {
  const last = tx
    .select({ n: max(grievanceMessages.seq) })
    .from(grievanceMessages)
    .where(eq(grievanceMessages.caseId, m.caseId))
    .get();
  tx.insert(grievanceMessages)
    .values({ ...m, seq: (last?.n ?? 0) + 1 })
    .run();
}
