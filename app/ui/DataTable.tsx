import type { ReactNode, TableHTMLAttributes } from "react";

/** A column heading: its words, or words with a class (e.g. "text-right"); null/false leaves it out. */
export type Column = ReactNode | { label: ReactNode; className?: string } | null | false;

const BOXES = {
  /** A table of its own on the page. */
  card: "card overflow-x-auto",
  /** Edge to edge inside a Card (cancels the card's padding). */
  flush: "-m-4 overflow-x-auto",
  /** Scrolls sideways, no frame. */
  plain: "overflow-x-auto",
} as const;

/**
 * The list pages' table: headings from `columns` (or `head` for cells that are components, e.g. sort
 * links), rows as children, in a box that scrolls sideways on narrow screens.
 */
export function DataTable({
  columns,
  head,
  children,
  box = "card",
  divided = true,
  className = "table",
  ...table
}: {
  columns?: readonly Column[];
  head?: ReactNode;
  children: ReactNode;
  box?: keyof typeof BOXES | "none";
  /** Lines between the rows. */
  divided?: boolean;
} & TableHTMLAttributes<HTMLTableElement>) {
  const t = (
    <table className={className} {...table}>
      <thead>
        <tr>
          {head}
          {columns?.map((c, i) =>
            c === null || c === false ? null : typeof c === "object" && "label" in c ? (
              <th key={i} className={c.className}>
                {c.label}
              </th>
            ) : (
              <th key={i}>{c}</th>
            ),
          )}
        </tr>
      </thead>
      <tbody className={divided ? "divide-y divide-slate-100" : undefined}>{children}</tbody>
    </table>
  );
  return box === "none" ? t : <div className={BOXES[box]}>{t}</div>;
}
