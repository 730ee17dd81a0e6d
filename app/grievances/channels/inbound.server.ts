import { and, eq, lt } from "drizzle-orm";
import { writeTx } from "~/infra/db.server";

import { assertNotBlocked, recordFailure, TooManyAttemptsError, type Limit } from "~/orgs/rate-limit.server";
import { grievanceCases, grievanceConversations, grievanceInboundSeen, grievanceMessages } from "~db/schema";
import { isoDay } from "../clocks";
import { intakeTranslator, reporterStateLabel } from "../intake-i18n.server";
import { appendMessage, insertCase, intakePlace, MESSAGE_MAX_CHARS, receiptLimits } from "../intake.server";
import { isIntakeLanguage, type IntakeLanguage } from "../languages";
import { formatReceiptCode, normaliseReceiptCode } from "../receipt";
import { inboundMessageHash, receiptHash, senderHash } from "../secrets.server";
import { languageOfText } from "./language";
import type { InboundMessage } from "./types";

/**
 * The conversation a worker has with the organisation's number (D46), provider-neutral: the adapter
 * (twilio.server.ts) verifies and parses the webhook, this decides what the message means, in one
 * transaction, and returns the reply to send.
 * - "STATUS <code>" (any case; the code in any of the digit systems the web page accepts) answers with
 *   the case's state and the latest reply, in the case's language; a code that opens nothing gets the
 *   web page's one answer and counts against the organisation's wrong-code limit.
 * - Otherwise, a sender with an open conversation (a case that is not closed, written to within
 *   CONVERSATION_DAYS) adds the message to that case.
 * - Otherwise the message opens a case (channel sms or whatsapp, the message as "what happened", in the
 *   language of its script), and the reply carries the receipt code and how to go on.
 * The sender's number is kept only as a keyed hash that finds the conversation; the provider's message
 * id only as a keyed hash against replays. Days only, no time of day, like the web form.
 */

export const CONVERSATION_DAYS = 90;
const SEEN_DAYS = 30;
/** Texts longer than this cannot come from a phone (SMS concatenation stops at 1,600 characters). */
const MAX_TEXT = MESSAGE_MAX_CHARS;

export type InboundOutcome =
  { kind: "replay" } | { kind: "reply"; body: string; language: IntakeLanguage; caseId: string | null };

const STATUS_COMMAND = /^\s*status\b[\s:#-]*(.*)$/isu;

export function handleInbound(
  organizationId: string,
  msg: InboundMessage,
  opts: { defaultLanguage: IntakeLanguage; now?: Date },
): InboundOutcome {
  const now = opts.now ?? new Date();
  const today = isoDay(now);
  return writeTx((tx): InboundOutcome => {
    const where = intakePlace(organizationId, null, tx);
    const org = where.organizationId;
    // Replays: a provider retry or a captured request sent again adds nothing and gets no reply.
    tx.delete(grievanceInboundSeen)
      .where(
        and(
          eq(grievanceInboundSeen.organizationId, org),
          lt(grievanceInboundSeen.seenOn, isoDay(new Date(now.getTime() - SEEN_DAYS * 86_400_000))),
        ),
      )
      .run();
    const fresh = tx
      .insert(grievanceInboundSeen)
      .values({ organizationId: org, messageHash: inboundMessageHash(org, msg.messageId), seenOn: today })
      .onConflictDoNothing()
      .returning({ h: grievanceInboundSeen.messageHash })
      .get();
    if (!fresh) return { kind: "replay" };

    const text = msg.body.replace(/\r\n?/g, "\n").trim().slice(0, MAX_TEXT);
    const sender = senderHash(org, msg.sender);
    const conversation = tx
      .select({
        caseId: grievanceConversations.caseId,
        lastMessageOn: grievanceConversations.lastMessageOn,
        state: grievanceCases.state,
        language: grievanceCases.language,
      })
      .from(grievanceConversations)
      .innerJoin(grievanceCases, eq(grievanceCases.id, grievanceConversations.caseId))
      .where(
        and(eq(grievanceConversations.organizationId, org), eq(grievanceConversations.senderHash, sender)),
      )
      .get();
    const known = conversation && isIntakeLanguage(conversation.language) ? conversation.language : null;
    const lang = known ?? languageOfText(text, opts.defaultLanguage);
    const t = intakeTranslator(lang);

    const status = STATUS_COMMAND.exec(text);
    if (status) {
      const limits: Limit[] = receiptLimits(org, null);
      try {
        assertNotBlocked(tx, limits, now);
      } catch (err) {
        if (!(err instanceof TooManyAttemptsError)) throw err;
        const minutes = Math.max(1, Math.ceil(err.retryAfterMs / 60_000));
        return { kind: "reply", body: t("status.tooMany", { minutes }), language: lang, caseId: null };
      }
      const digits = normaliseReceiptCode(status[1]);
      const c = digits
        ? tx
            .select({ id: grievanceCases.id, state: grievanceCases.state, language: grievanceCases.language })
            .from(grievanceCases)
            .where(
              and(
                eq(grievanceCases.organizationId, org),
                eq(grievanceCases.receiptHash, receiptHash(org, digits)),
              ),
            )
            .get()
        : undefined;
      if (!c) {
        recordFailure(tx, limits, now);
        return { kind: "reply", body: t("sms.unknown"), language: lang, caseId: null };
      }
      const caseLang = isIntakeLanguage(c.language) ? c.language : lang;
      const ct = intakeTranslator(caseLang);
      const replies = tx
        .select({
          author: grievanceMessages.author,
          body: grievanceMessages.body,
          seq: grievanceMessages.seq,
        })
        .from(grievanceMessages)
        .where(eq(grievanceMessages.caseId, c.id))
        .all()
        .filter((m) => m.author !== "reporter")
        .sort((a, b) => b.seq - a.seq);
      const state = reporterStateLabel(caseLang, c.state);
      const body = replies[0]
        ? ct("sms.status", { state, reply: clip(replies[0].body, 900) })
        : ct("sms.statusNoReply", { state });
      return { kind: "reply", body, language: caseLang, caseId: c.id };
    }

    if (!text) return { kind: "reply", body: t("sms.empty"), language: lang, caseId: null };

    const open =
      conversation &&
      conversation.state !== "closed" &&
      daysBetween(conversation.lastMessageOn, today) <= CONVERSATION_DAYS;
    if (open) {
      appendMessage(tx, {
        organizationId: org,
        caseId: conversation.caseId,
        author: "reporter",
        authorUserId: null,
        body: text,
        sentOn: today,
      });
      tx.update(grievanceConversations)
        .set({ lastMessageOn: today })
        .where(
          and(eq(grievanceConversations.organizationId, org), eq(grievanceConversations.senderHash, sender)),
        )
        .run();
      return { kind: "reply", body: t("sms.added"), language: lang, caseId: conversation.caseId };
    }

    const newLang = languageOfText(text, opts.defaultLanguage);
    const opened = insertCase(tx, where, {
      lang: newLang,
      channel: msg.channel,
      today,
      input: {
        whatHappened: text,
        place: null,
        since: "unknown",
        howMany: "unknown",
        ongoing: "unknown",
        indicators: [],
        contact: null,
      },
    });
    tx.insert(grievanceConversations)
      .values({ organizationId: org, senderHash: sender, caseId: opened.caseId, lastMessageOn: today })
      .onConflictDoUpdate({
        target: [grievanceConversations.organizationId, grievanceConversations.senderHash],
        set: { caseId: opened.caseId, lastMessageOn: today },
      })
      .run();
    const body = intakeTranslator(newLang)("sms.opened", {
      org: where.organisation,
      code: formatReceiptCode(opened.code),
    });
    return { kind: "reply", body, language: newLang, caseId: opened.caseId };
  });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
