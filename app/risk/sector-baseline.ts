/**
 * Sector baseline of the inherent risk (0–15 points), edition "clearsource-sectors-v1".
 *
 * The points are Clearsource's calibration, not a published index; the ranking follows two public sources,
 * named on every line and on the published model page:
 *  - ILO, Walk Free and IOM, "Global Estimates of Modern Slavery: Forced Labour and Forced Marriage"
 *    (Geneva, 2022), which splits forced labour exploitation in the private economy by sector: services
 *    other than domestic work 32 %, manufacturing 18 %, construction 16 %, agriculture (except fishing)
 *    12 %, domestic work 8 %; and names recruitment by labour intermediaries and fishing as recurring
 *    settings of forced labour.
 *  - The ILAB List of Goods Produced by Child Labor or Forced Labor shipped in db/reference (2022 cycle):
 *    259 agriculture entries, 116 manufacturing, 85 mining, 7 other (`sectorCountsMatch` checks these
 *    figures against the file in a test).
 */
export const SECTOR_TABLE_EDITION = "clearsource-sectors-v1";

export const ILO_2022 = "ILO/Walk Free/IOM Global Estimates of Modern Slavery 2022";
export const ILAB_COUNTS = { Agriculture: 259, Manufacturing: 116, Mining: 85, Other: 7 } as const;

type Baseline = { points: number; basis: string };

const AGRI = `${ILO_2022}: agriculture 12 % of private-economy forced labour; ILAB list: ${ILAB_COUNTS.Agriculture} agriculture entries`;
const MANU = `${ILO_2022}: manufacturing 18 %; ILAB list: ${ILAB_COUNTS.Manufacturing} manufacturing entries`;
const MINE = `ILAB list: ${ILAB_COUNTS.Mining} mining entries (gold, cobalt, mica, coal among them)`;
const SERV = `${ILO_2022}: services other than domestic work 32 % of private-economy forced labour`;
const LOW = "Not a sector the ILO estimates or the ILAB list single out; office-based work";

export const SECTOR_BASELINE: Readonly<Record<string, Baseline>> = {
  "Labour providers and staffing": {
    points: 15,
    basis: `${ILO_2022}: recruitment fees and debt through labour intermediaries recur in forced labour cases`,
  },
  "Domestic work": {
    points: 15,
    basis: `${ILO_2022}: domestic work 8 %, with the highest incidence per worker`,
  },
  Seafood: {
    points: 15,
    basis: `${ILO_2022}: fishing named as a setting of forced labour; ILAB list: fish, shrimp`,
  },
  Agriculture: { points: 12, basis: AGRI },
  "Forestry and logging": { points: 12, basis: `${AGRI} (timber, charcoal)` },
  Construction: { points: 12, basis: `${ILO_2022}: construction 16 % of private-economy forced labour` },
  Mining: { points: 12, basis: MINE },
  "Textiles and apparel": { points: 12, basis: `${MANU} (garments, textiles, cotton yarn)` },
  "Footwear and leather": { points: 12, basis: `${MANU} (footwear, leather)` },
  "Solar and polysilicon": {
    points: 12,
    basis: `${MANU} (polysilicon, solar cells); a UFLPA high-priority sector`,
  },
  "Food processing": { points: 10, basis: `${MANU}; ${AGRI}` },
  Electronics: { points: 10, basis: `${MANU} (electronics)` },
  Rubber: { points: 10, basis: `${MANU}; ILAB list: rubber` },
  "Metals (steel, aluminium, copper)": {
    points: 10,
    basis: `${MANU}; steel, aluminium and copper are UFLPA sectors`,
  },
  "Timber and paper": { points: 10, basis: `${MANU} (timber)` },
  Manufacturing: { points: 10, basis: MANU },
  "Hospitality and cleaning services": { points: 10, basis: SERV },
  "Security services": { points: 10, basis: SERV },
  "Facility and administrative services": { points: 10, basis: SERV },
  "Chemicals and plastics": { points: 6, basis: `${MANU}; PVC and caustic soda are UFLPA sectors` },
  Logistics: { points: 6, basis: SERV },
  "Wholesale and retail trade": { points: 6, basis: SERV },
  "Healthcare and medical supplies": { points: 6, basis: `${SERV}; ILAB list: gloves, surgical instruments` },
  "Water and waste management": { points: 6, basis: SERV },
  "Arts and recreation": { points: 6, basis: SERV },
  Other: { points: 6, basis: "Sector not specified: scored at the middle of the table, not as no risk" },
  "Energy and utilities": { points: 3, basis: LOW },
  Education: { points: 3, basis: LOW },
  "Public administration": { points: 3, basis: LOW },
  "Real estate": { points: 3, basis: LOW },
  "Professional services": { points: 3, basis: LOW },
  "Information and communication": { points: 3, basis: LOW },
  "Financial services": { points: 3, basis: LOW },
  "International organisations": { points: 3, basis: LOW },
};

/** A sector missing from the table (an old or imported value) is scored like "Other", and says so. */
export function sectorBaseline(sector: string): Baseline & { known: boolean } {
  const hit = SECTOR_BASELINE[sector];
  return hit ? { ...hit, known: true } : { ...SECTOR_BASELINE.Other, known: false };
}
