import { Link } from "@remix-run/react";
import { DataTable } from "~/ui/DataTable";
import { IntentButton } from "~/ui/IntentButton";
import { EmptyState } from "~/ui/layout";

export type SiteRow = {
  id: string;
  name: string;
  address: string | null;
  countryName: string;
  workersTotal: number | null;
  migrantWorkersPct: number | null;
  agencyWorkersPct: number | null;
  dormitories: boolean | null;
  latitude: number | null;
  longitude: number | null;
};

/** The worker-channel poster of a site: its PDF link, the languages it prints, those it cannot. */
export type SitePoster = { href: string; languages: string; missing: string | null };

/**
 * A supplier's sites with their workforce figures ("—" where not known), each with edit and remove, and
 * (when given) the link to the site's worker-channel poster.
 */
export function SiteTable({ sites, posters }: { sites: SiteRow[]; posters?: Record<string, SitePoster> }) {
  return sites.length ? (
    <DataTable
      columns={[
        "Site",
        "Country",
        { label: "Workers", className: "text-right" },
        { label: "Migrant", className: "text-right" },
        { label: "Agency", className: "text-right" },
        "Dormitories",
        "Location",
        "",
      ]}
    >
      {sites.map((x) => (
        <tr key={x.id}>
          <td>
            {x.name}
            {x.address ? <span className="block text-xs text-slate-500">{x.address}</span> : null}
          </td>
          <td>{x.countryName}</td>
          <td className="text-right tabular-nums">{x.workersTotal ?? "—"}</td>
          <td className="text-right tabular-nums">
            {x.migrantWorkersPct !== null ? `${x.migrantWorkersPct}%` : "—"}
          </td>
          <td className="text-right tabular-nums">
            {x.agencyWorkersPct !== null ? `${x.agencyWorkersPct}%` : "—"}
          </td>
          <td>{x.dormitories === null ? "—" : x.dormitories ? "Yes" : "No"}</td>
          <td className="text-xs text-slate-500">
            {x.latitude !== null && x.longitude !== null ? `${x.latitude}, ${x.longitude}` : "—"}
          </td>
          <td className="whitespace-nowrap text-right">
            {posters?.[x.id] ? <PosterLink poster={posters[x.id]} /> : null}
            <Link to={`?edit=${x.id}`} className="link mr-3 text-xs">
              Edit
            </Link>
            <IntentButton
              intent="delete"
              fields={{ siteId: x.id }}
              formClassName="inline"
              className="text-xs text-red-600 hover:underline"
            >
              Remove
            </IntentButton>
          </td>
        </tr>
      ))}
    </DataTable>
  ) : (
    <EmptyState title="No sites recorded yet">Add the factories, farms or warehouses below.</EmptyState>
  );
}

function PosterLink({ poster }: { poster: SitePoster }) {
  return (
    <span className="mr-3 inline-block text-left align-top">
      {/* A document download, not a page: a plain link, so the browser opens the PDF. */}
      <a href={poster.href} className="link text-xs" title={`Worker-channel poster in ${poster.languages}`}>
        Poster PDF
      </a>
      <span className="block text-[11px] text-slate-500">{poster.languages}</span>
      {poster.missing ? (
        <span className="block max-w-[14rem] whitespace-normal text-[11px] text-amber-700">
          {poster.missing}
        </span>
      ) : null}
    </span>
  );
}
