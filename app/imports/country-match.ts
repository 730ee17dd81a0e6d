import { COUNTRIES } from "~/suppliers/countries";

/**
 * Country cells from ERP and spreadsheet exports come as ISO codes (alpha-2 or alpha-3), English short
 * names, ISO "official" names ("Korea, Republic of"), older names ("Turkey", "Swaziland") and a few native
 * spellings. We fold case, accents, punctuation and "St."/"&", then look the text up among the CLDR
 * English names of app/suppliers/countries.ts plus the aliases below.
 */
const ALIASES: Record<string, string> = {
  // Common short forms
  uk: "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  "united kingdom of great britain and northern ireland": "GB",
  usa: "US",
  us: "US",
  america: "US",
  "united states of america": "US",
  uae: "AE",
  holland: "NL",
  "ivory coast": "CI",
  "cote divoire": "CI",
  turkey: "TR",
  "viet nam": "VN",
  "czech republic": "CZ",
  "russian federation": "RU",
  "korea republic of": "KR",
  "republic of korea": "KR",
  korea: "KR",
  "korea south": "KR",
  "korea democratic peoples republic of": "KP",
  "democratic peoples republic of korea": "KP",
  "korea north": "KP",
  dprk: "KP",
  "iran islamic republic of": "IR",
  "syrian arab republic": "SY",
  "lao peoples democratic republic": "LA",
  "lao pdr": "LA",
  "bolivia plurinational state of": "BO",
  "venezuela bolivarian republic of": "VE",
  "tanzania united republic of": "TZ",
  "united republic of tanzania": "TZ",
  "moldova republic of": "MD",
  "republic of moldova": "MD",
  "taiwan province of china": "TW",
  "hong kong": "HK",
  macao: "MO",
  macau: "MO",
  "palestine state of": "PS",
  palestine: "PS",
  "micronesia federated states of": "FM",
  "holy see": "VA",
  "brunei darussalam": "BN",
  "cabo verde": "CV",
  "east timor": "TL",
  swaziland: "SZ",
  macedonia: "MK",
  "republic of north macedonia": "MK",
  burma: "MM",
  "democratic republic of the congo": "CD",
  "democratic republic of congo": "CD",
  "congo democratic republic of the": "CD",
  "dr congo": "CD",
  drc: "CD",
  "congo kinshasa": "CD",
  "republic of the congo": "CG",
  "congo republic of the": "CG",
  "congo brazzaville": "CG",
  congo: "CG",
  "the gambia": "GM",
  "the bahamas": "BS",
  "the netherlands": "NL",
  "the philippines": "PH",
  // Native spellings seen in European ERP exports
  deutschland: "DE",
  espana: "ES",
  brasil: "BR",
  italia: "IT",
  schweiz: "CH",
  suisse: "CH",
  osterreich: "AT",
  nederland: "NL",
  polska: "PL",
  turkiye: "TR",
  // ISO alpha-3 codes of the countries most often found in supplier lists
  gbr: "GB",
  deu: "DE",
  fra: "FR",
  ita: "IT",
  esp: "ES",
  prt: "PT",
  nld: "NL",
  bel: "BE",
  che: "CH",
  aut: "AT",
  pol: "PL",
  swe: "SE",
  nor: "NO",
  dnk: "DK",
  fin: "FI",
  irl: "IE",
  chn: "CN",
  ind: "IN",
  vnm: "VN",
  bgd: "BD",
  pak: "PK",
  idn: "ID",
  mys: "MY",
  tha: "TH",
  phl: "PH",
  khm: "KH",
  mmr: "MM",
  lka: "LK",
  npl: "NP",
  jpn: "JP",
  kor: "KR",
  twn: "TW",
  hkg: "HK",
  tur: "TR",
  egy: "EG",
  mar: "MA",
  tun: "TN",
  eth: "ET",
  ken: "KE",
  gha: "GH",
  civ: "CI",
  nga: "NG",
  zaf: "ZA",
  bra: "BR",
  arg: "AR",
  mex: "MX",
  col: "CO",
  per: "PE",
  chl: "CL",
  can: "CA",
  aus: "AU",
  nzl: "NZ",
  rus: "RU",
  ukr: "UA",
  uzb: "UZ",
  are: "AE",
  sau: "SA",
  cze: "CZ",
};

/** Lower case, no accents, "&" → "and", "St." → "saint", anything but letters and digits → one space. */
export function foldCountry(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "")
    .replace(/\bst\.?(?=\s)/g, "saint")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (key: string, code: string) => {
    if (key && !index.has(key)) index.set(key, code);
  };
  for (const { code, name } of COUNTRIES) {
    add(code.toLowerCase(), code);
    add(foldCountry(name), code);
    // "Myanmar (Burma)", "Hong Kong SAR China": the part before the qualifier alone is also the country.
    const paren = name.match(/^(.*?)\s*\((.*)\)$/);
    if (paren) {
      add(foldCountry(paren[1]), code);
      add(foldCountry(paren[2]), code);
    }
    const sar = name.match(/^(.*) SAR China$/);
    if (sar) add(foldCountry(sar[1]), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    // Aliases are written folded already; folding again keeps them honest if one is not.
    index.set(foldCountry(alias), code);
  }
  return index;
}

const INDEX = buildIndex();
/** Same keys without spaces, for "U.S.A." or "Cote D Ivoire" where the spacing differs. */
const COMPACT = new Map([...INDEX].map(([key, code]) => [key.replace(/ /g, ""), code]));

/** The ISO 3166-1 alpha-2 code for a country cell, or null when it is not recognisable. */
export function matchCountry(input: string): string | null {
  const folded = foldCountry(input);
  if (!folded) return null;
  const direct = INDEX.get(folded);
  if (direct) return direct;
  // "Korea, Republic of" style: try the part after the comma first ("Republic of Korea").
  const comma = input.split(",");
  if (comma.length === 2) {
    const swapped = INDEX.get(foldCountry(`${comma[1]} ${comma[0]}`));
    if (swapped) return swapped;
  }
  if (folded.startsWith("the ")) {
    const withoutThe = INDEX.get(folded.slice(4));
    if (withoutThe) return withoutThe;
  }
  return COMPACT.get(folded.replace(/ /g, "")) ?? null;
}
