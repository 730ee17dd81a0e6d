import type { PortalTranslate } from "~/i18n/portal";

/** `total`: the section's questions shown now (questionCounts), `answered`: those answered. */
export type SectionProgress = { id: string; title: string; answered: number; total: number };

/** The list of sections with their questions answered, linking to each. */
export function PortalSectionNav({ sections, t }: { sections: SectionProgress[]; t: PortalTranslate }) {
  return (
    <nav aria-label={t("portal.sections")}>
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {t("portal.sections")}
      </h2>
      <ol className="space-y-1">
        {sections.map((s) => (
          <li key={s.id}>
            <a
              href={`#s-${s.id}`}
              className="flex items-center justify-between gap-2 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
            >
              <span className="truncate">{s.title}</span>
              <span
                className={`shrink-0 rounded-full px-2 text-xs ${s.answered === s.total ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
              >
                {s.answered}/{s.total}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
