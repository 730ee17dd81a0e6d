import { z } from "zod";
import { isoDateField, optionalText, requiredId } from "~/infra/validation";
import { REGIMES } from "~db/schema/statements.constants";
import { APPROVAL_OPTIONS, CA_ENTITY_CATEGORIES, type StatementDetails } from "./details";
import { periodErrors } from "./period";
import { slugProblem } from "./slug";

/** zod schemas for the statement forms, shared by the routes (parseForm) and the domain verbs. */

export const MAX_NARRATIVE_LENGTH = 20_000;

export const createStatementSchema = z
  .object({
    regime: z.enum(REGIMES, { error: "Choose the law the statement is made under." }).default("uk_msa_s54"),
    periodStart: z.string().trim(),
    periodEnd: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(periodErrors(v.periodStart, v.periodEnd))) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  });
export type CreateStatementInput = z.input<typeof createStatementSchema>;

const text = (max: number) =>
  z
    .string()
    .max(max, `Keep this under ${max.toLocaleString("en-GB")} characters.`)
    .default("")
    .transform((v) => v.replace(/\r\n?/g, "\n").trim());

/**
 * The edit form: `n.<criterion>` textareas (and `fr.<criterion>` for a bilingual Canadian report) plus the
 * regime's identification details. Unknown keys other than those prefixes are refused.
 */
export const updateStatementSchema = z
  .object({
    intent: z.string().optional(),
    identifiers: text(300),
    joint: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    jointEntities: text(4000).transform((v) =>
      v
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
    approvalOption: z
      .union([z.enum(APPROVAL_OPTIONS), z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    approvalExplanation: text(2000),
    businessNumbers: text(300),
    otherJurisdictions: text(1000),
    entityCategory: z
      .union([z.enum(CA_ENTITY_CATEGORIES), z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    sector: text(200),
    bilingual: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  .catchall(text(MAX_NARRATIVE_LENGTH))
  .superRefine((v, ctx) => {
    for (const key of Object.keys(v)) {
      if (!(key in FIXED) && !/^(n|fr)\.[A-Za-z]+$/.test(key))
        ctx.addIssue({ code: "custom", path: [key], message: "Unknown field." });
    }
  })
  .transform((v) => {
    const narrative: Record<string, string> = {};
    const narrativeFr: Record<string, string> = {};
    for (const [key, value] of Object.entries(v)) {
      if (key.startsWith("n.")) narrative[key.slice(2)] = value as string;
      if (key.startsWith("fr.")) narrativeFr[key.slice(3)] = value as string;
    }
    const details: Omit<StatementDetails, "narrativeFr"> = {
      identifiers: v.identifiers,
      joint: v.joint,
      jointEntities: v.jointEntities,
      approvalOption: v.approvalOption,
      approvalExplanation: v.approvalExplanation,
      businessNumbers: v.businessNumbers,
      otherJurisdictions: v.otherJurisdictions,
      entityCategory: v.entityCategory,
      sector: v.sector,
      bilingual: v.bilingual,
    };
    return { narrative, narrativeFr, details };
  });
export type UpdateStatementForm = z.infer<typeof updateStatementSchema>;

const FIXED = {
  intent: 1,
  identifiers: 1,
  joint: 1,
  jointEntities: 1,
  approvalOption: 1,
  approvalExplanation: 1,
  businessNumbers: 1,
  otherJurisdictions: 1,
  entityCategory: 1,
  sector: 1,
  bilingual: 1,
};

export const commentSchema = z.object({
  intent: z.literal("comment"),
  body: z.string().trim().min(1, "Write a comment.").max(4000, "Keep a comment under 4,000 characters."),
  criterionKey: optionalText(60, "criterion"),
});

export const approveSchema = z.object({
  intent: z.literal("approve"),
  governingBody: z.string().trim().min(1, "Name the governing body that approved the statement.").max(200),
  approvalDate: isoDateField("The approval date"),
  signatoryMemberId: requiredId("Choose the member of the governing body who signs."),
});

export const signSchema = z.object({
  intent: z.literal("sign"),
  signedOn: isoDateField("The signing date"),
});

export const reviseSchema = z.object({
  intent: z.literal("revise"),
  note: z.string().trim().min(10, "Say what the revision changes (at least a sentence).").max(2000),
});

export const memberSchema = z.object({
  intent: z.literal("add-member"),
  name: z.string().trim().min(1, "Enter the member's name.").max(200),
  title: z.string().trim().min(1, "Enter the member's title (e.g. Director).").max(200),
  body: z.string().trim().min(1, "Enter the governing body (e.g. Board of directors).").max(200),
  appointedOn: isoDateField("The appointment date"),
});

export const memberLeftSchema = z.object({
  intent: z.literal("member-left"),
  memberId: requiredId("Choose a member."),
  leftOn: isoDateField("The date the member left"),
});

/** The admin's public-address form: the slug of /transparency/<slug>/<year>. */
export const publicAddressSchema = z.object({
  slug: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .superRefine((v, ctx) => {
      const problem = slugProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export type PublicAddressInput = z.input<typeof publicAddressSchema>;
