import type { Role } from "~db/schema/orgs.constants";

export type Actor =
  | { type: "user"; id: string; label: string; role: Role }
  | { type: "supplier"; id: string; label: string } // id = assignment id
  | { type: "system"; label: string }
  /** A request through the REST API (app/api): the key's id and label, and the scopes it carries. */
  | { type: "api_key"; id: string; label: string; scopes: readonly string[] };

/** What every domain verb receives: the tenant (from the session, never the request) and the actor. */
export type Ctx = {
  organizationId: string;
  actor: Actor;
  /** Injectable clock for tests. */
  now?: () => Date;
};

export function nowOf(ctx: { now?: () => Date }): Date {
  return ctx.now ? ctx.now() : new Date();
}

export function systemCtx(organizationId: string, label = "system"): Ctx {
  return { organizationId, actor: { type: "system", label } };
}
