import { GRIEVANCE_INDICATORS, type GrievanceIndicator } from "~db/schema/grievances.constants";

/** ILO forced-labour indicator numbers (1–11, ILO 2012 order, as domain.md §3) of the warning signs. */
export function indicatorNumber(i: GrievanceIndicator): number {
  return GRIEVANCE_INDICATORS.indexOf(i) + 1;
}

export const INDICATOR_LABELS: Record<GrievanceIndicator, string> = {
  abuse_of_vulnerability: "abuse of vulnerability",
  deception: "deception",
  restriction_of_movement: "restriction of movement",
  isolation: "isolation",
  physical_sexual_violence: "physical and sexual violence",
  intimidation_threats: "intimidation and threats",
  retention_of_identity_documents: "retention of identity documents",
  withholding_of_wages: "withholding of wages",
  debt_bondage: "debt bondage",
  abusive_working_living_conditions: "abusive working and living conditions",
  excessive_overtime: "excessive overtime",
};

/** "7, 9" — the form the corrective-action and finding records keep indicators in. */
export function indicatorNumbers(list: readonly GrievanceIndicator[]): string | null {
  return list.length
    ? list
        .map(indicatorNumber)
        .sort((a, b) => a - b)
        .join(", ")
    : null;
}
