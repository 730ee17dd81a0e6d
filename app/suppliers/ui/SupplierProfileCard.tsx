import { Link } from "@remix-run/react";
import { STATUS_LABELS as SUPPLIER_STATUS_LABELS } from "~/suppliers/list-options";
import { isicCaption } from "~/suppliers/sectors";
import { formatMoney, STATUS_TONES } from "~/suppliers/supplier-form";
import { Badge, Card } from "~/ui/layout";
import type { SupplierPageData } from "./types";

const dateOnly = (iso: string) => iso.slice(0, 10);

/** The supplier's own fields. */
export function SupplierProfileCard({ d }: { d: SupplierPageData }) {
  const s = d.supplier;
  return (
    <Card title="Profile">
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd>
            <Badge tone={STATUS_TONES[s.status]}>{SUPPLIER_STATUS_LABELS[s.status]}</Badge>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Country</dt>
          <dd>
            {s.countryName} <span className="text-slate-500">({s.country})</span>
          </dd>
        </div>
        {s.address ? (
          <div>
            <dt className="text-slate-500">Address</dt>
            <dd>{s.address}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-500">Sector</dt>
          <dd>
            {s.sector}
            {isicCaption(s.sector) ? (
              <span className="block text-xs text-slate-500">{isicCaption(s.sector)}</span>
            ) : null}
          </dd>
        </div>
        {s.goods.length ? (
          <div>
            <dt className="text-slate-500">Goods</dt>
            <dd className="flex flex-wrap gap-1">
              {s.goods.map((g) => (
                <Badge key={g}>{g}</Badge>
              ))}
            </dd>
          </div>
        ) : null}
        {s.annualSpend !== null ? (
          <div>
            <dt className="text-slate-500">Annual spend</dt>
            <dd className="tabular-nums">{formatMoney(s.annualSpend, s.currency)}</dd>
          </div>
        ) : null}
        {s.tags.length ? (
          <div>
            <dt className="text-slate-500">Tags</dt>
            <dd className="flex flex-wrap gap-1">
              {s.tags.map((t) => (
                <Link key={t} to={`/suppliers?tag=${encodeURIComponent(t)}`}>
                  <Badge tone="blue">{t}</Badge>
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-500">Contact</dt>
          <dd>
            {s.contactName}
            <br />
            <a className="link" href={`mailto:${s.contactEmail}`}>
              {s.contactEmail}
            </a>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Added</dt>
          <dd>
            {dateOnly(s.createdAt)}
            <span className="text-slate-500"> · updated {dateOnly(s.updatedAt)}</span>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
