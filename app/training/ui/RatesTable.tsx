import { type YearRates, formatRate } from "~/training/rates";
import { DataTable } from "~/ui/DataTable";
import { EmptyState } from "~/ui/layout";

/**
 * Completion rates per audience and calendar year. A rate is shown only with its denominator (staff in
 * scope recorded for the year; suppliers on record at the year's end); otherwise "not known".
 */
export function RatesTable({ years }: { years: YearRates[] }) {
  if (years.length === 0) {
    return (
      <EmptyState title="No completions yet">
        Record completions by hand, import a file, or invite suppliers to the portal course.
      </EmptyState>
    );
  }
  return (
    <DataTable
      box="flush"
      columns={[
        "Year",
        "Staff completions",
        "Staff trained / in scope",
        "Staff rate",
        "Supplier staff completions",
        "Suppliers reached / on record",
        "Supplier rate",
      ]}
    >
      {years.map((y) => (
        <tr key={y.year}>
          <th scope="row">{y.year}</th>
          <td>{y.staff.completions}</td>
          <td>
            {y.staff.people} / {y.staff.inScope ?? "headcount not recorded"}
          </td>
          <td>{formatRate(y.staff.rate)}</td>
          <td>
            {y.supplier.completions} ({y.supplier.people} people)
          </td>
          <td>
            {y.supplier.suppliersReached} / {y.supplier.suppliersOnRecord ?? "—"}
          </td>
          <td>{formatRate(y.supplier.rate)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
