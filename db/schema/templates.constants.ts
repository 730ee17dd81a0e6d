/** Enum values of the templates tables: no drizzle import, so browser code can use them. */
export const TEMPLATE_VERSION_STATUSES = ["draft", "published"] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];
