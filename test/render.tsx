import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";

/**
 * Server-render a route's page component with the loader data given (and the action data, as after a
 * POST), at a URL, as Remix would on the first request (no hydration). React's `<!-- -->` separators between text nodes are dropped so
 * assertions read like the page. PAGES_OUT=dir also writes the markup there for a look in a browser.
 */
export async function renderPage(
  Component: () => JSX.Element,
  data: unknown,
  path: string,
  pattern: string,
  actionData?: unknown,
): Promise<string> {
  const routes = [
    {
      id: "page",
      path: pattern,
      element: <Component />,
      loader: () => data as Record<string, unknown>,
      action: () => actionData as Record<string, unknown>,
    },
  ];
  const init = actionData ? { method: "POST", body: new FormData() } : {};
  const context = await createStaticHandler(routes).query(new Request(`http://localhost${path}`, init));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const html = renderToString(
    <StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />,
  ).replaceAll("<!-- -->", "");
  if (process.env.PAGES_OUT) {
    const fs = await import("node:fs");
    fs.writeFileSync(`${process.env.PAGES_OUT}/${pattern.replace(/\W+/g, "_")}.html`, html);
  }
  return html;
}

/** Loader/action arguments for calling a route's functions directly. */
export const routeArgs = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

/** Loaders and actions throw Responses for redirects and errors; return them instead, for assertions. */
export async function settle<T>(p: Promise<T>): Promise<T | Response> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
}
