/** Enum values of the training tables: no drizzle import, so browser code can use them. */

/** Who a course is for: the organisation's own staff, or the staff of its suppliers. */
export const TRAINING_AUDIENCES = ["staff", "supplier"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<TrainingAudience, string> = {
  staff: "Staff",
  supplier: "Supplier staff",
};

/** How a completion was recorded: by hand, from a CSV file, or by passing the built-in portal course. */
export const COMPLETION_SOURCES = ["manual", "import", "portal"] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

export const SOURCE_LABELS: Record<CompletionSource, string> = {
  manual: "Recorded by hand",
  import: "CSV import",
  portal: "Passed in the supplier portal",
};

/** The built-in courses (one today): the key a course row carries when the product wrote it. */
export const BUILTIN_COURSES = ["forced_labour_indicators_v1"] as const;
export type BuiltinCourse = (typeof BUILTIN_COURSES)[number];
