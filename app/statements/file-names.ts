import type { Regime } from "~db/schema/statements.constants";
import { financialYearLabel } from "./period";

/** The download name of a statement PDF: regime, financial year, version and draft state. */
export function statementFileName(
  regime: Regime,
  periodStart: string,
  periodEnd: string,
  draft: boolean,
  version = 1,
): string {
  const title =
    regime === "ca_s211"
      ? "Forced labour report"
      : regime === "us_ca_sb657"
        ? "CTSCA disclosure"
        : "Modern slavery statement";
  const where = regime === "au_msa_s16" ? " (Australia)" : regime === "ca_s211" ? " (Canada)" : "";
  return `${title}${where} ${financialYearLabel(periodStart, periodEnd)}${version > 1 ? ` v${version}` : ""}${draft ? " (draft)" : ""}.pdf`;
}
