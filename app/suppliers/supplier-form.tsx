/*
 * Display helpers of the supplier list and page. The form components that lived here are in
 * suppliers/ui/ (ProfileFields, CountryOptions, SectorOptions) and ui/form.tsx (Select); these two stay
 * until the routes that import them (suppliers._index, suppliers.$supplierId) are next changed, then
 * belong in list-options.ts and a format module.
 */

export const STATUS_TONES: Record<string, "slate" | "green" | "amber" | "red" | "blue"> = {
  prospect: "slate",
  onboarding: "blue",
  active: "green",
  suspended: "amber",
  offboarded: "red",
};

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return "";
  try {
    return new Intl.NumberFormat("en-GB", {
      style: currency ? "currency" : "decimal",
      currency: currency ?? undefined,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString("en-GB")} ${currency ?? ""}`.trim();
  }
}
