import { sectorsBySection } from "../sectors";

const SECTION_GROUPS = sectorsBySection();

/** The sectors as optgroups by their ISIC section (for the profile's select and the list's filter). */
export function SectorGroups() {
  return (
    <>
      {SECTION_GROUPS.map((g) => (
        <optgroup key={g.section} label={`${g.section} · ${g.title}`}>
          {g.sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Sectors grouped by their ISIC section, for a select that needs a choice. */
export function SectorOptions() {
  return (
    <>
      <option value="" disabled>
        Choose a sector…
      </option>
      <SectorGroups />
    </>
  );
}
