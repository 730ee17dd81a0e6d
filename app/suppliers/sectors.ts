/**
 * Supplier sectors, based on the sections of the UN International Standard Industrial Classification of
 * All Economic Activities, Revision 4 (ISIC Rev. 4, UN Statistics Division, Statistical Papers Series M
 * No. 4/Rev.4, 2008; https://unstats.un.org/unsd/classifications/Econ/isic).
 *
 * Each value belongs to exactly one ISIC section (A–U). Sections where forced-labour guidance concentrates
 * (A agriculture and fishing, B mining, C manufacturing, N administrative and support services such as
 * labour provision, cleaning and security) are split into named groups of ISIC divisions, because
 * "Manufacturing" alone says nothing about exposure; every other section is one value named after it.
 * Stored values are the labels below: the first twenty are the values used before this list was tied to
 * ISIC, so existing suppliers keep their sector unchanged.
 */
export type SectorDefinition = {
  value: string;
  /** ISIC Rev. 4 section letter. */
  isicSection: string;
  /** ISIC Rev. 4 divisions (2-digit) the value covers, when it is a part of a section. */
  isicDivisions?: readonly string[];
};

export const ISIC_SECTIONS: Readonly<Record<string, string>> = {
  A: "Agriculture, forestry and fishing",
  B: "Mining and quarrying",
  C: "Manufacturing",
  D: "Electricity, gas, steam and air conditioning supply",
  E: "Water supply; sewerage, waste management and remediation activities",
  F: "Construction",
  G: "Wholesale and retail trade; repair of motor vehicles and motorcycles",
  H: "Transportation and storage",
  I: "Accommodation and food service activities",
  J: "Information and communication",
  K: "Financial and insurance activities",
  L: "Real estate activities",
  M: "Professional, scientific and technical activities",
  N: "Administrative and support service activities",
  O: "Public administration and defence; compulsory social security",
  P: "Education",
  Q: "Human health and social work activities",
  R: "Arts, entertainment and recreation",
  S: "Other service activities",
  T: "Activities of households as employers",
  U: "Activities of extraterritorial organizations and bodies",
};

export const SECTOR_DEFINITIONS = [
  { value: "Agriculture", isicSection: "A", isicDivisions: ["01"] },
  { value: "Seafood", isicSection: "A", isicDivisions: ["03"] },
  { value: "Food processing", isicSection: "C", isicDivisions: ["10", "11", "12"] },
  { value: "Textiles and apparel", isicSection: "C", isicDivisions: ["13", "14"] },
  { value: "Footwear and leather", isicSection: "C", isicDivisions: ["15"] },
  { value: "Electronics", isicSection: "C", isicDivisions: ["26", "27"] },
  // Polysilicon is ISIC 20 (basic chemicals), cells and modules 26/27: grouped as one supply chain.
  { value: "Solar and polysilicon", isicSection: "C", isicDivisions: ["20", "26", "27"] },
  { value: "Mining", isicSection: "B", isicDivisions: ["05", "06", "07", "08", "09"] },
  { value: "Metals (steel, aluminium, copper)", isicSection: "C", isicDivisions: ["24", "25"] },
  { value: "Chemicals and plastics", isicSection: "C", isicDivisions: ["20", "21", "22"] },
  { value: "Rubber", isicSection: "C", isicDivisions: ["22"] },
  { value: "Timber and paper", isicSection: "C", isicDivisions: ["16", "17"] },
  { value: "Construction", isicSection: "F" },
  { value: "Manufacturing", isicSection: "C" },
  { value: "Logistics", isicSection: "H" },
  { value: "Hospitality and cleaning services", isicSection: "I" },
  { value: "Security services", isicSection: "N", isicDivisions: ["80"] },
  { value: "Healthcare and medical supplies", isicSection: "Q" },
  { value: "Professional services", isicSection: "M" },
  { value: "Other", isicSection: "S" },
  { value: "Forestry and logging", isicSection: "A", isicDivisions: ["02"] },
  { value: "Energy and utilities", isicSection: "D" },
  { value: "Water and waste management", isicSection: "E" },
  { value: "Wholesale and retail trade", isicSection: "G" },
  { value: "Information and communication", isicSection: "J" },
  { value: "Financial services", isicSection: "K" },
  { value: "Real estate", isicSection: "L" },
  { value: "Labour providers and staffing", isicSection: "N", isicDivisions: ["78"] },
  {
    value: "Facility and administrative services",
    isicSection: "N",
    isicDivisions: ["77", "79", "81", "82"],
  },
  { value: "Public administration", isicSection: "O" },
  { value: "Education", isicSection: "P" },
  { value: "Arts and recreation", isicSection: "R" },
  { value: "Domestic work", isicSection: "T" },
  { value: "International organisations", isicSection: "U" },
] as const satisfies readonly SectorDefinition[];

export type Sector = (typeof SECTOR_DEFINITIONS)[number]["value"];

export const SECTORS = SECTOR_DEFINITIONS.map((d) => d.value) as unknown as readonly [Sector, ...Sector[]];

const BY_VALUE = new Map<string, SectorDefinition>(SECTOR_DEFINITIONS.map((d) => [d.value, d]));

export function sectorDefinition(value: string): SectorDefinition | undefined {
  return BY_VALUE.get(value);
}

/** "C Manufacturing" style caption for a sector's ISIC section. */
export function isicCaption(value: string): string | null {
  const d = BY_VALUE.get(value);
  if (!d) return null;
  const divisions = d.isicDivisions ? ` (div. ${d.isicDivisions.join(", ")})` : "";
  return `ISIC ${d.isicSection}${divisions}: ${ISIC_SECTIONS[d.isicSection]}`;
}

/** Sectors grouped by ISIC section, in section order, for <optgroup>s. */
export function sectorsBySection(): { section: string; title: string; sectors: Sector[] }[] {
  return Object.entries(ISIC_SECTIONS)
    .map(([section, title]) => ({
      section,
      title,
      sectors: SECTOR_DEFINITIONS.filter((d) => d.isicSection === section).map((d) => d.value),
    }))
    .filter((g) => g.sectors.length > 0);
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const BY_FOLDED = new Map<string, Sector>(SECTOR_DEFINITIONS.map((d) => [fold(d.value), d.value]));
const SECTION_DEFAULT = new Map<string, Sector>();
for (const d of SECTOR_DEFINITIONS) {
  // The value named after the whole section (no divisions) wins; otherwise the first listed.
  if (!("isicDivisions" in d) || !SECTION_DEFAULT.has(d.isicSection))
    SECTION_DEFAULT.set(d.isicSection, d.value);
}
for (const [letter, title] of Object.entries(ISIC_SECTIONS)) {
  const target = SECTION_DEFAULT.get(letter);
  if (target && !BY_FOLDED.has(fold(title))) BY_FOLDED.set(fold(title), target);
}

/**
 * Map what a person or a spreadsheet wrote to a sector value: the value itself in any case or accents,
 * an ISIC section letter ("C", "ISIC C") or an ISIC section title ("Mining and quarrying"). Null when
 * nothing matches, so the caller reports the row instead of guessing.
 */
export function normaliseSector(input: string): Sector | null {
  const folded = fold(input);
  if (!folded) return null;
  const hit = BY_FOLDED.get(folded);
  if (hit) return hit;
  const letter = /^(?:isic\s+)?([a-u])$/.exec(folded)?.[1]?.toUpperCase();
  return letter ? (SECTION_DEFAULT.get(letter) ?? null) : null;
}
