import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { schemeGradeMappings } from "~db/schema";
import { loadVocabulary } from "./audits.server";
import { AUDIT_SCHEMES, FINDING_GRADES } from "./catalogue";
import { DEFAULT_SCHEME_VOCABULARY } from "./vocabulary";

export function getVocabulary(ctx: Ctx) {
  return loadVocabulary(db(), ctx.organizationId);
}

export const vocabularySchema = z.strictObject({
  scheme: z.enum(AUDIT_SCHEMES, { error: "Choose a scheme." }),
  /** word → grade, for every word of the scheme (and optionally one new word). */
  words: z.record(z.string().trim().min(1).max(100), z.enum(FINDING_GRADES, { error: "Choose a grade." })),
  newWord: z.string().trim().max(100, { error: "Keep the word under 100 characters." }).optional(),
  newGrade: z.enum(FINDING_GRADES).optional(),
});

/**
 * Replace one scheme's mapping for this organisation: each of the scheme's words onto a grade of the
 * organisation's scale, plus an optional new word. Applies to findings recorded from now on.
 */
export function updateVocabulary(ctx: Ctx, input: z.input<typeof vocabularySchema>) {
  const v = parseInput(vocabularySchema, input);
  if (v.newWord && !v.newGrade)
    throw new ValidationError({ newGrade: "Choose the grade the new word maps to." });
  return writeTx((tx) => {
    const before = loadVocabulary(tx, ctx.organizationId)[v.scheme];
    const known = new Set(before.map((w) => w.word.toLowerCase()));
    for (const word of Object.keys(v.words))
      if (!known.has(word.toLowerCase()))
        throw new ValidationError({ words: `“${word}” is not a ${v.scheme} word.` });
    if (v.newWord && known.has(v.newWord.toLowerCase()))
      throw new ValidationError({ newWord: "That word is already in the list." });
    tx.delete(schemeGradeMappings)
      .where(
        and(
          eq(schemeGradeMappings.organizationId, ctx.organizationId),
          eq(schemeGradeMappings.scheme, v.scheme),
        ),
      )
      .run();
    const defaults = new Map(DEFAULT_SCHEME_VOCABULARY[v.scheme].map((w) => [w.word.toLowerCase(), w.grade]));
    const rows = Object.entries(v.words)
      .map(([word, grade]) => ({
        word: before.find((w) => w.word.toLowerCase() === word.toLowerCase())!.word,
        grade,
      }))
      // Rows only where the organisation differs from the default, or for words it added itself.
      .filter((r) => defaults.get(r.word.toLowerCase()) !== r.grade);
    if (v.newWord && v.newGrade) rows.push({ word: v.newWord, grade: v.newGrade });
    const now = nowOf(ctx);
    if (rows.length)
      tx.insert(schemeGradeMappings)
        .values(
          rows.map((r) => ({ organizationId: ctx.organizationId, scheme: v.scheme, ...r, updatedAt: now })),
        )
        .run();
    recordAudit(tx, ctx, {
      action: "audits.vocabulary_changed",
      entityType: "organization",
      entityId: ctx.organizationId,
      details: { scheme: v.scheme, from: before, to: loadVocabulary(tx, ctx.organizationId)[v.scheme] },
    });
  });
}
