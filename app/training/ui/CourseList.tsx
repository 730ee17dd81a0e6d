import { Link } from "@remix-run/react";
import { intakeLanguageName, isIntakeLanguage } from "~/grievances/languages";
import type { CourseRow } from "~/training/training.server";
import { DataTable } from "~/ui/DataTable";
import { EmptyState } from "~/ui/layout";
import { AUDIENCE_LABELS } from "~db/schema/training.constants";

export function languageLabel(code: string) {
  return isIntakeLanguage(code) ? intakeLanguageName(code) : code;
}

export function CourseList({ rows }: { rows: CourseRow[] }) {
  if (rows.length === 0)
    return <EmptyState title="No courses">Add the courses your staff and suppliers take.</EmptyState>;
  return (
    <DataTable box="flush" columns={["Course", "Audience", "Language", "Duration", "Completions"]}>
      {rows.map((c) => (
        <tr key={c.id}>
          <td>
            <Link className="link" to={`/training/${c.id}`}>
              {c.title}
            </Link>
          </td>
          <td>{AUDIENCE_LABELS[c.audience]}</td>
          <td>{c.builtin ? "8 portal languages" : languageLabel(c.language)}</td>
          <td>{c.durationMinutes} min</td>
          <td>{c.completions}</td>
        </tr>
      ))}
    </DataTable>
  );
}
