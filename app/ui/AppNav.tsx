import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

export type NavItem = { to: string; label: string; more?: boolean };
export type NavMember = { name: string; organization: string; role: string };

const FOCUS =
  "focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1";

function linkClass({ isActive }: { isActive: boolean }) {
  return `block whitespace-nowrap rounded-md px-2.5 py-1.5 ${FOCUS} ${
    isActive ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"
  }`;
}

/**
 * A disclosure built on <details>, so it opens without JavaScript. With JavaScript it also closes when the
 * page changes and on Escape (focus back on its button), as a menu button should.
 */
function Disclosure({
  summary,
  current,
  className,
  panelClassName,
  children,
}: {
  summary: ReactNode;
  /** One of its links is the current page. */
  current?: boolean;
  className?: string;
  panelClassName: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.pathname, location.search]);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== "Escape" || !ref.current?.open) return;
    ref.current.open = false;
    ref.current.querySelector("summary")?.focus();
  };
  return (
    <details ref={ref} className={`group relative ${className ?? ""}`} onKeyDown={onKeyDown}>
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-2.5 py-1.5 hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${FOCUS} ${current ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600"}`}
      >
        {summary}
        <span aria-hidden className="text-xs transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className={panelClassName}>{children}</div>
    </details>
  );
}

function LogOut() {
  return (
    <Form method="post" action="/logout">
      <button className="btn-secondary" type="submit">
        Log out
      </button>
    </Form>
  );
}

/**
 * The signed-in header: on wide screens (1,280 px and up) the main links on one line and the rest under
 * "More"; on narrower screens one "Menu" button with every link and the account. Which links a member sees
 * is decided by the root loader (NAV in app/root.tsx); an item with `more: true` goes under "More".
 */
export function AppNav({ items, member }: { items: NavItem[]; member: NavMember }) {
  const main = items.filter((i) => !i.more);
  const more = items.filter((i) => i.more);
  const { pathname } = useLocation();
  const inMore = more.some((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));
  return (
    <>
      <nav className="hidden flex-1 items-center gap-0.5 text-sm xl:flex" aria-label="Main">
        <ul className="flex items-center gap-0.5">
          {main.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className={linkClass}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        {more.length ? (
          <Disclosure
            summary="More"
            current={inMore}
            panelClassName="absolute left-0 z-40 mt-1 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            <ul>
              {more.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={linkClass}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </Disclosure>
        ) : null}
      </nav>
      <div className="hidden items-center gap-3 text-sm xl:flex">
        <div className="max-w-[14rem] text-right leading-tight">
          <div className="truncate font-medium">{member.name}</div>
          <div className="truncate text-xs text-slate-500">
            {member.organization} · {member.role}
          </div>
        </div>
        <LogOut />
      </div>

      <Disclosure
        summary="Menu"
        className="ml-auto text-sm xl:hidden"
        panelClassName="absolute right-0 z-40 mt-1 w-[min(20rem,calc(100vw-2rem))] rounded-md border border-slate-200 bg-white p-2 shadow-lg"
      >
        <nav aria-label="Main">
          <ul className="grid gap-0.5">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={linkClass}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-2 flex items-center justify-between gap-3 border-t border-slate-200 px-2.5 pt-2">
          <div className="min-w-0 leading-tight">
            <div className="truncate font-medium">{member.name}</div>
            <div className="truncate text-xs text-slate-500">
              {member.organization} · {member.role}
            </div>
          </div>
          <LogOut />
        </div>
      </Disclosure>
    </>
  );
}
