/**
 * A short fixed list: the common high-exposure sectors named in forced-labour guidance first, then broad
 * ISIC-style sections so every supplier fits somewhere.
 */
export const SECTORS = [
  "Agriculture",
  "Seafood",
  "Food processing",
  "Textiles and apparel",
  "Footwear and leather",
  "Electronics",
  "Solar and polysilicon",
  "Mining",
  "Metals (steel, aluminium, copper)",
  "Chemicals and plastics",
  "Rubber",
  "Timber and paper",
  "Construction",
  "Manufacturing",
  "Logistics",
  "Hospitality and cleaning services",
  "Security services",
  "Healthcare and medical supplies",
  "Professional services",
  "Other",
] as const;
export type Sector = (typeof SECTORS)[number];
