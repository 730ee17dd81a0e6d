import { Form, Link } from "@remix-run/react";
import { FilterSelect, FilterText } from "~/ui/FilterSelect";

export type AuditFilterValues = {
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
  q?: string;
};

export type AuditFilterOptions = {
  actors: { value: string; label: string }[];
  actions: { area: string; actions: string[] }[];
  subjects: { value: string; label: string }[];
};

/** The audit log's GET form: every filter is a query parameter, so a filtered view is a bookmark. */
export function AuditLogFilters({
  filter,
  options,
}: {
  filter: AuditFilterValues;
  options: AuditFilterOptions;
}) {
  return (
    <Form
      method="get"
      className="card mb-4 grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6"
      aria-label="Filter the log"
    >
      <FilterText
        name="q"
        label="Search names"
        type="search"
        value={filter.q}
        placeholder="Supplier, file, person…"
      />
      <FilterSelect
        name="actor"
        label="Who"
        value={filter.actor}
        anyLabel="Anyone"
        options={options.actors}
      />
      <FilterSelect name="action" label="Action" value={filter.action} anyLabel="Any action">
        {options.actions.map((g) => (
          <optgroup key={g.area} label={g.area}>
            <option value={`${g.area}.*`}>Every {g.area} action</option>
            {g.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </optgroup>
        ))}
      </FilterSelect>
      <FilterSelect
        name="subject"
        label="About"
        value={filter.subject}
        anyLabel="Anything"
        options={options.subjects}
      />
      <div>
        <label htmlFor="from" className="label">
          From (UTC)
        </label>
        <input id="from" name="from" type="date" className="input" defaultValue={filter.from ?? ""} />
      </div>
      <div>
        <label htmlFor="to" className="label">
          To (UTC)
        </label>
        <input id="to" name="to" type="date" className="input" defaultValue={filter.to ?? ""} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="btn-primary">
          Filter
        </button>
        <Link to="/audit-log" className="btn-secondary">
          Reset
        </Link>
      </div>
    </Form>
  );
}
