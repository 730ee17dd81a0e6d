import { Form, Link } from "@remix-run/react";
import { FormError, Notice } from "~/ui/form";
import { Card, RiskBadge } from "~/ui/layout";
import type { SupplierPageData } from "./types";

function LinkButton({
  intent,
  otherId,
  label,
  danger,
}: {
  intent: string;
  otherId: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="otherId" value={otherId} />
      <button
        type="submit"
        className={
          danger ? "text-xs text-red-600 hover:underline" : "text-xs font-medium text-sky-700 hover:underline"
        }
      >
        {label}
      </button>
    </Form>
  );
}

/** Who the supplier sells to and buys from; links are added and removed here (one verb per intent). */
export function SupplyChainCard({
  d,
  linkError,
  linkMessage,
  busy,
}: {
  d: SupplierPageData;
  linkError?: string;
  linkMessage?: string;
  busy: boolean;
}) {
  const s = d.supplier;
  const parentIds = new Set(d.parents.map((p) => p.id));
  const childIds = new Set(d.children.map((c) => c.id));
  const linkCount = d.parents.length + (d.direct ? 1 : 0);
  return (
    <Card
      title="Supply chain"
      actions={
        d.can.addSubSupplier ? (
          <Link to={`/suppliers/new?parent=${s.id}`} className="link text-sm">
            Add new sub-supplier
          </Link>
        ) : null
      }
    >
      <div className="space-y-4 text-sm">
        {linkError ? <FormError error={linkError} /> : null}
        {linkMessage ? <Notice>{linkMessage}</Notice> : null}
        <div>
          <p className="font-medium text-slate-700">Tier {s.tier}</p>
          <p className="text-slate-500">
            {s.tier === 1
              ? "Sells to you directly."
              : `${s.tier - 1} step${s.tier > 2 ? "s" : ""} away from your direct suppliers.`}
          </p>
        </div>
        <div>
          <p className="mb-1 text-slate-500">Sells to</p>
          <ul className="space-y-1">
            {d.direct ? (
              <li className="flex items-center justify-between gap-2">
                <span>Your organisation (direct)</span>
                {d.can.editLinks && linkCount > 1 ? (
                  <LinkButton intent="remove-parent" otherId="buyer" label="Remove" danger />
                ) : null}
              </li>
            ) : null}
            {d.parents.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2">
                <span>
                  <Link className="link" to={`/suppliers/${p.id}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-slate-500">tier {p.tier}</span>
                </span>
                {d.can.editLinks && linkCount > 1 ? (
                  <LinkButton intent="remove-parent" otherId={p.id} label="Remove" danger />
                ) : null}
              </li>
            ))}
          </ul>
          {d.can.editLinks && !d.direct ? (
            <div className="mt-1">
              <LinkButton intent="add-parent" otherId="buyer" label="+ Also sells to you directly" />
            </div>
          ) : null}
        </div>
        <div>
          <p className="mb-1 text-slate-500">Sub-suppliers</p>
          {d.children.length ? (
            <ul className="space-y-1">
              {d.children.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-2">
                    <Link className="link" to={`/suppliers/${c.id}`}>
                      {c.name}
                    </Link>
                    <span className="text-slate-500">{c.countryName}</span>
                    <RiskBadge level={c.riskLevel} />
                  </span>
                  {d.can.editLinks ? (
                    <LinkButton intent="remove-child" otherId={c.id} label="Remove" danger />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">None recorded.</p>
          )}
        </div>
        {d.can.editLinks ? (
          <div className="border-t border-slate-100 pt-3">
            <Form key={d.supplier.id} method="get" className="flex items-end gap-2">
              <div className="flex-1">
                <label htmlFor="find" className="label">
                  Link an existing supplier
                </label>
                <input
                  id="find"
                  name="find"
                  type="search"
                  className="input"
                  defaultValue={d.find}
                  placeholder="Name or reference"
                />
              </div>
              <button type="submit" className="btn-secondary">
                Find
              </button>
            </Form>
            {d.find ? (
              d.candidates.length ? (
                <ul className="mt-2 divide-y divide-slate-100">
                  {d.candidates.map((c) => (
                    <li key={c.id} className="py-1.5">
                      <span className="block">
                        {c.name}{" "}
                        <span className="text-xs text-slate-500">
                          {c.countryName} · tier {c.tier}
                          {c.externalRef ? ` · ${c.externalRef}` : ""}
                        </span>
                      </span>
                      <span className="flex gap-3">
                        {!parentIds.has(c.id) ? (
                          <LinkButton intent="add-parent" otherId={c.id} label={`+ ${s.name} sells to it`} />
                        ) : null}
                        {!childIds.has(c.id) ? (
                          <LinkButton intent="add-child" otherId={c.id} label="+ Add as sub-supplier" />
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-slate-500">No supplier matches “{d.find}”.</p>
              )
            ) : null}
            {busy ? <p className="mt-1 text-xs text-slate-500">Saving…</p> : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
