import { z } from "zod";
import { optionalText } from "~/infra/validation";
import { isIsoDate, periodErrors } from "./period";
import type { SectionKey } from "./sections";

/** zod schemas for the statement forms, shared by the routes (parseForm) and the domain verbs. */

export const MAX_NARRATIVE_LENGTH = 20_000;

export const createStatementSchema = z
  .object({
    periodStart: z.string().trim(),
    periodEnd: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(periodErrors(v.periodStart, v.periodEnd))) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  });
export type CreateStatementInput = z.infer<typeof createStatementSchema>;

const narrativeField = () =>
  z
    .string()
    .max(
      MAX_NARRATIVE_LENGTH,
      `Keep each section under ${MAX_NARRATIVE_LENGTH.toLocaleString("en-GB")} characters.`,
    )
    .default("")
    .transform((v) => v.replace(/\r\n?/g, "\n").trim());

const narrativeFields = {
  structure: narrativeField(),
  policies: narrativeField(),
  dueDiligence: narrativeField(),
  risk: narrativeField(),
  effectiveness: narrativeField(),
  training: narrativeField(),
} satisfies Record<SectionKey, unknown>;

/** The edit form: one textarea per s.54(5) area, plus the approval details. */
export const updateStatementSchema = z.object({
  ...narrativeFields,
  boardApprovalDate: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), "Enter a date as YYYY-MM-DD."),
  directorName: optionalText(200, "director's name"),
  directorTitle: optionalText(200, "director's title"),
});
export type UpdateStatementForm = z.infer<typeof updateStatementSchema>;
