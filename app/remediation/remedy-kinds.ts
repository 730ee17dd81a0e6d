import type { RemedyKind } from "~db/schema/remediation.constants";

export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  recruitment_fees_repaid: "Recruitment fees repaid",
  wages_back_paid: "Wages back-paid",
  documents_returned: "Identity documents returned",
  contracts_corrected: "Contracts corrected",
  other: "Other remedy",
};

/** Hundredths of a currency, written out with its code (never converted to another currency). */
export function formatMoney(minor: number, currency: string): string {
  const major = minor / 100;
  const digits = minor % 100 ? 2 : 0;
  return `${major.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: 2 })} ${currency}`;
}
