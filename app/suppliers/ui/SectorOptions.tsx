import { sectorsBySection } from "../sectors";

const SECTION_GROUPS = sectorsBySection();

/** Sectors grouped by their ISIC section, for a select. */
export function SectorOptions() {
  return (
    <>
      <option value="" disabled>
        Choose a sector…
      </option>
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
