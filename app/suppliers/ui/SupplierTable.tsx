import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { RiskCell } from "~/risk/ui/RiskCell";
import { STATUS_LABELS, type SortKey } from "~/suppliers/list-options";
import type { SupplierListRow } from "~/suppliers/list.server";
import { formatMoney, STATUS_TONES } from "~/suppliers/supplier-form";
import { Badge } from "~/ui/layout";

/** One page of the supplier list; headings sort through `SortHeader` links built by the page. */
export function SupplierTable({
  rows,
  SortHeader,
  tagHref,
}: {
  rows: SupplierListRow[];
  SortHeader: (p: { k: SortKey; children: string; className?: string }) => ReactNode;
  tagHref: (tag: string) => string;
}) {
  return (
    <div className="card overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <SortHeader k="name">Name</SortHeader>
            <th>Country</th>
            <th>Tier</th>
            <th>Sector</th>
            <th>Status</th>
            <SortHeader k="spend" className="text-right">
              Spend
            </SortHeader>
            <SortHeader k="risk">Risk</SortHeader>
            <SortHeader k="updated">Updated</SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50">
              <td>
                <Link to={`/suppliers/${s.id}`} className="link">
                  {s.name}
                </Link>
                {s.tradeName || s.externalRef ? (
                  <span className="block text-xs text-slate-500">
                    {[s.tradeName, s.externalRef].filter(Boolean).join(" · ")}
                  </span>
                ) : null}
                {s.tags.length ? (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {s.tags.map((t) => (
                      <Link
                        key={t}
                        to={tagHref(t)}
                        className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 hover:bg-slate-200"
                      >
                        {t}
                      </Link>
                    ))}
                  </span>
                ) : null}
              </td>
              <td>{s.countryName}</td>
              <td>Tier {s.tier}</td>
              <td>{s.sector}</td>
              <td>
                <Badge tone={STATUS_TONES[s.status]}>{STATUS_LABELS[s.status]}</Badge>
              </td>
              <td className="text-right tabular-nums">{formatMoney(s.annualSpend, s.currency)}</td>
              <td>
                <RiskCell r={s} />
              </td>
              <td className="whitespace-nowrap text-slate-500">{s.updatedAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
