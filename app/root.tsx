import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { env } from "~/infra/env.server";
import { optionalMember } from "~/orgs/guard.server";
import { can, ROLE_LABELS, type Permission } from "~/orgs/permissions";
import stylesheet from "~/tailwind.css";
import { AppNav } from "~/ui/AppNav";
import { supplierPageOf } from "~/ui/supplier-page";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

/** The title of a page that sets none, and of the error page (a 403 or 404 is a page too). */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Clearsource" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [
    { title: `${status === 404 ? "Not found" : status === 403 ? "Not allowed" : "Error"} · Clearsource` },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = optionalMember(request);
  const nav = member
    ? NAV.filter((item) => !item.permission || can(member.role, item.permission)).map(
        ({ to, label, more }) => ({ to, label, more }),
      )
    : [];
  return {
    nonce: (context as { cspNonce?: string }).cspNonce ?? "",
    // Only admins may read the outbox, and only their own organisation's.
    devMailbox: env().devMailbox && !!member && can(member.role, "outbox:read"),
    member: member
      ? {
          name: member.user.name,
          email: member.user.email,
          organization: member.organization.name,
          role: ROLE_LABELS[member.role],
        }
      : null,
    nav,
  };
}

/**
 * The signed-in navigation: each member sees the links their role's permissions allow. Adding a page is one
 * line; `more: true` puts it under "More" (settings and occasional pages), so the main line stays one line
 * at 1,280 px (e2e/navigation.spec.ts measures it).
 */
const NAV: { to: string; label: string; permission?: Permission; more?: true }[] = [
  { to: "/dashboard", label: "Dashboard" },
  { to: "/suppliers", label: "Suppliers", permission: "suppliers:read" },
  { to: "/map", label: "Map", permission: "suppliers:read" },
  { to: "/graph", label: "Graph", permission: "suppliers:read" },
  { to: "/questionnaires", label: "Questionnaires", permission: "questionnaires:read" },
  { to: "/audits", label: "Audits", permission: "audits:read" },
  { to: "/remediation", label: "Remediation", permission: "remediation:read" },
  { to: "/statements", label: "Statements", permission: "statements:read" },
  { to: "/training", label: "Training", permission: "training:read", more: true },
  { to: "/grievances", label: "Grievances", permission: "grievances:handle" },
  { to: "/templates", label: "Templates", permission: "templates:manage", more: true },
  { to: "/settings/members", label: "Members", permission: "members:manage", more: true },
  { to: "/settings/webhooks", label: "Webhooks", permission: "webhooks:manage", more: true },
  { to: "/settings/api-keys", label: "API keys", permission: "members:manage", more: true },
  { to: "/settings/sso", label: "SSO", permission: "members:manage", more: true },
  { to: "/settings/worker-channel", label: "SMS channel", permission: "grievances:channel", more: true },
  { to: "/audit-log", label: "Audit log", permission: "audit-log:read", more: true },
  { to: "/settings/security", label: "Security", permission: "account:security", more: true },
];

/**
 * A page may set the document's language and direction (the worker report pages, in fifteen languages,
 * Arabic right to left) by returning `html: { lang, dir }` from its loader, and may leave out the
 * product's header and navigation with `handle = { bare: true }`.
 */
type PageDocument = { html?: { lang: string; dir: "ltr" | "rtl" } };
function useLeafMatch() {
  const matches = useMatches();
  return matches[matches.length - 1];
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = data?.nonce;
  // A supplier's page is in the supplier's language, so screen readers and hyphenation follow it; other
  // pages (the worker report pages) may set their own through `html` in their loader data.
  const supplier = supplierPageOf(useMatches());
  const leaf = useLeafMatch();
  const html = supplier ?? (leaf?.data as PageDocument | undefined)?.html;
  return (
    <html lang={html?.lang ?? "en"} dir={html?.dir ?? "ltr"} className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full text-slate-800 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const member = data?.member;
  if (supplierPageOf(useMatches())) return <SupplierShell>{children}</SupplierShell>;
  return (
    <div className="min-h-full">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link
            to={member ? "/dashboard" : "/"}
            className="flex items-center gap-2 font-semibold text-brand-700"
          >
            <span className="inline-block h-6 w-6 rounded bg-brand-600" aria-hidden />
            Clearsource
          </Link>
          {member ? (
            <AppNav items={data?.nav ?? []} member={member} />
          ) : (
            <div className="ml-auto flex gap-2 text-sm">
              <Link to="/login" className="btn-secondary">
                Log in
              </Link>
              <Link to="/signup" className="btn-primary">
                Sign up
              </Link>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      {data?.devMailbox ? (
        <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-slate-500">
          Mail is not sent by SMTP here ·{" "}
          <Link to="/dev/mailbox" className="underline">
            Read your organisation&apos;s outbox
          </Link>
        </footer>
      ) : null}
    </div>
  );
}

/** Supplier pages: the product's name only; no buyer navigation, log-in links or development footer. */
function SupplierShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-3 font-semibold text-brand-700">
          <span className="inline-block h-6 w-6 rounded bg-brand-600" aria-hidden />
          <span translate="no">Clearsource</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  const bare = (useLeafMatch()?.handle as { bare?: boolean } | undefined)?.bare;
  if (bare) return <Outlet />;
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? "Not found"
      : status === 403
        ? "Not allowed"
        : status === 410
          ? "No longer available"
          : "Something went wrong";
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string"
      ? error.data
      : error.statusText
    : "An unexpected error occurred. Nothing you did was lost; please try again.";
  return (
    <Shell>
      <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold text-brand-600">{status}</p>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        <p className="mt-2 text-slate-600">{message}</p>
        <Link to="/" className="btn-primary mt-6">
          Go home
        </Link>
      </div>
    </Shell>
  );
}
