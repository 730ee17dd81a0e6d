import { Link } from "@remix-run/react";

/** The first steps of due diligence, in the order they build on each other (the four jobs). */
const STEPS: { title: string; text: string; links: { to: string; label: string }[] }[] = [
  {
    title: "Add your suppliers",
    text: "One at a time, or all at once from a spreadsheet. Each is scored at once from its country, sector and goods.",
    links: [
      { to: "/suppliers/new", label: "Add a supplier" },
      { to: "/imports", label: "Import a CSV file" },
    ],
  },
  {
    title: "Map their sub-suppliers",
    text: "Add the spinners, farms and smelters behind your direct suppliers: risk upstream reaches you through them.",
    links: [{ to: "/graph", label: "See the supply-chain graph" }],
  },
  {
    title: "Ask suppliers about their workers",
    text: "Send the forced-labour self-assessment in each supplier's language and review the answers.",
    links: [{ to: "/campaigns/new", label: "Start a campaign" }],
  },
  {
    title: "Record audits and follow up findings",
    text: "Findings become corrective actions that the supplier plans and you verify.",
    links: [{ to: "/audits/new", label: "Record an audit" }],
  },
  {
    title: "Invite your colleagues",
    text: "Procurement, auditors and executives each see what their role needs.",
    links: [{ to: "/settings/members", label: "Invite members" }],
  },
  {
    title: "Report what you did",
    text: "Your statement's figures come from these records, for the period you choose.",
    links: [{ to: "/statements/new", label: "Draft a statement" }],
  },
];

/** What an organisation with no suppliers sees on its dashboard: the steps to a first picture. */
export function OnboardingSteps() {
  return (
    <section aria-labelledby="onboarding-title" className="card p-6">
      <h2 id="onboarding-title" className="text-lg font-semibold text-slate-900">
        Get started
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Your organisation has no suppliers yet. These steps build your first picture of forced-labour risk.
      </p>
      <ol className="mt-4 space-y-4">
        {STEPS.map((s, i) => (
          <li key={s.title} className="flex gap-4">
            <span
              aria-hidden="true"
              className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700"
            >
              {i + 1}
            </span>
            <div>
              <h3 className="font-medium text-slate-900">{s.title}</h3>
              <p className="text-sm text-slate-600">{s.text}</p>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                {s.links.map((l) => (
                  <Link key={l.to} className="link" to={l.to}>
                    {l.label}
                  </Link>
                ))}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
