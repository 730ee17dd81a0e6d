import { Link } from "@remix-run/react";
import { IntentButton } from "~/ui/IntentButton";
import { Badge, Card } from "~/ui/layout";

export type ContactRow = {
  id: string | null;
  name: string;
  jobTitle: string | null;
  email: string;
  phone: string | null;
  language: string | null;
  isPrimary: boolean;
};

/** A supplier's contacts, the primary one marked, with edit, make-primary and remove for the others. */
export function ContactList({ contacts }: { contacts: ContactRow[] }) {
  return (
    <Card>
      <ul className="divide-y divide-slate-100 text-sm">
        {contacts.map((c) => (
          <li key={c.id ?? "primary"} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span>
              <span className="font-medium text-slate-800">{c.name}</span>
              {c.jobTitle ? <span className="text-slate-500"> · {c.jobTitle}</span> : null}
              <span className="block text-xs text-slate-500">
                {c.email}
                {c.phone ? ` · ${c.phone}` : ""}
                {c.language ? ` · ${c.language}` : ""}
              </span>
            </span>
            <span className="flex items-center gap-3">
              {c.isPrimary ? <Badge tone="green">Primary</Badge> : null}
              {c.id ? (
                <Link to={`?edit=${c.id}`} className="link text-xs">
                  Edit
                </Link>
              ) : null}
              {c.id && !c.isPrimary ? (
                <>
                  <IntentButton
                    intent="primary"
                    fields={{ contactId: c.id }}
                    className="text-xs font-medium text-sky-700 hover:underline"
                  >
                    Make primary
                  </IntentButton>
                  <IntentButton
                    intent="delete"
                    fields={{ contactId: c.id }}
                    className="text-xs text-red-600 hover:underline"
                  >
                    Remove
                  </IntentButton>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
