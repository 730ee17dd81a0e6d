/**
 * The name a learner types before the built-in course's quiz. Nobody checks it (the portal link is the
 * only credential, D34), so it is kept exactly as typed once made safe to show: Unicode NFC, control
 * characters, zero-width and bidirectional-override characters removed (a name like "Ana‮ordep" must
 * not display reversed on the buyer's list), runs of white space collapsed and the ends trimmed. It is
 * then required, at most LEARNER_NAME_MAX characters (code points, so a name in any script gets the same
 * room) and must hold at least one letter: "…", "123" or "-" are not names. Pure, for the page and tests.
 */
export const LEARNER_NAME_MAX = 120;

// C0/C1 controls, DEL, zero-width (200B–200D, 2060, FEFF), bidi marks, embeddings, overrides, isolates.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export type LearnerNameResult =
  { ok: true; name: string } | { ok: false; reason: "required" | "tooLong" | "letters" };

export function cleanLearnerName(raw: unknown): LearnerNameResult {
  if (typeof raw !== "string") return { ok: false, reason: "required" };
  // Far longer than any name: refused before normalising, so a huge post costs nothing.
  if (raw.length > LEARNER_NAME_MAX * 8) return { ok: false, reason: "tooLong" };
  const name = raw.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  if (!name) return { ok: false, reason: "required" };
  if (Array.from(name).length > LEARNER_NAME_MAX) return { ok: false, reason: "tooLong" };
  if (!/\p{L}/u.test(name)) return { ok: false, reason: "letters" };
  return { ok: true, name };
}
