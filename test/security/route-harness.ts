import { createHash } from "node:crypto";
import { db } from "~/infra/db.server";

/** What a route module exports that matters for access control. */
export type RouteModule = {
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
};

/** A loader/action outcome, whether it was returned or thrown, as the HTTP layer would see it. */
export type Outcome = {
  status: number;
  location: string | null;
  setCookie: string | null;
  contentDisposition?: string | null;
  csp?: string | null;
  /** Everything the client would receive (JSON of the data or the response text). */
  body: string;
};

export type Visitor = { cookie: string } | null;

/**
 * Build a request as a visitor (session cookie, portal cookie or none). Form values may be Files,
 * which makes the body multipart exactly like a browser upload.
 */
export function buildRequest(visitor: Visitor, url: string, form?: Record<string, string | File>): Request {
  const headers = new Headers();
  if (visitor) headers.set("Cookie", visitor.cookie);
  let body: FormData | undefined;
  if (form) {
    body = new FormData();
    for (const [k, v] of Object.entries(form)) body.append(k, v);
  }
  return new Request(new URL(url, "http://localhost:3000"), {
    method: form ? "POST" : "GET",
    headers,
    body,
  });
}

/** Call a loader or action and normalise plain objects, data() results and returned or thrown Responses. */
export async function invoke(
  fn: (args: never) => unknown,
  request: Request,
  params: Record<string, string>,
): Promise<Outcome> {
  let out: unknown;
  try {
    out = await fn({ request, params, context: {} } as never);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    out = thrown;
  }
  if (out instanceof Response) {
    return {
      status: out.status,
      location: out.headers.get("Location"),
      setCookie: out.headers.get("Set-Cookie"),
      contentDisposition: out.headers.get("Content-Disposition"),
      csp: out.headers.get("Content-Security-Policy"),
      body: await out.text(),
    };
  }
  if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = out as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(init?.headers);
    return {
      status: init?.status ?? 200,
      location: headers.get("Location"),
      setCookie: headers.get("Set-Cookie"),
      body: JSON.stringify(data) ?? "",
    };
  }
  return { status: 200, location: null, setCookie: null, body: JSON.stringify(out) ?? "" };
}

// Sessions (last_seen_at touch) and rate-limit counters are bookkeeping, not user data.
const IGNORED_TABLES = new Set(["sessions", "rate_limits", "__drizzle_migrations"]);

/**
 * A digest of every row of every table (except session bookkeeping): any INSERT, UPDATE or DELETE
 * between two calls changes it. The test database is small, so this stays cheap.
 */
export function databaseDigest(): string {
  const sqlite = db().$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const hash = createHash("sha256");
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const rows = sqlite.prepare(`select * from "${name}" order by 1`).all();
    hash.update(name);
    hash.update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return hash.digest("hex");
}

export function auditLogCount(organizationId: string): number {
  return (
    db()
      .$client.prepare("select count(*) as n from audit_log where organization_id = ?")
      .get(organizationId) as { n: number }
  ).n;
}

export function outboxCount(): number {
  return (db().$client.prepare("select count(*) as n from email_outbox").get() as { n: number }).n;
}

/** Everything a "nothing changed" assertion compares. */
export function snapshot(organizationId: string) {
  return {
    auditLog: auditLogCount(organizationId),
    outbox: outboxCount(),
    digest: databaseDigest(),
  };
}

/** "audits.$auditId" → { path: "/audits/:auditId", params: ["auditId"] } (Remix flat-route naming). */
export function routeShape(file: string): { path: string; params: string[] } {
  const params: string[] = [];
  // "[.]" is Remix's escaped dot (suppliers.export[.]csv → /suppliers/export.csv).
  const segments = file
    .replaceAll("[.]", "{dot}")
    .split(".")
    .map((s) => s.replaceAll("{dot}", "."))
    .filter((s) => s !== "_index")
    // "portal.$assignmentId_.verify": a trailing "_" only opts out of layout nesting, it is not in the URL.
    .map((s) => s.replace(/_$/, ""))
    .map((s) => {
      if (s.startsWith("$")) {
        params.push(s.slice(1));
        return `:${s.slice(1)}`;
      }
      return s;
    });
  return { path: `/${segments.join("/")}`, params };
}
