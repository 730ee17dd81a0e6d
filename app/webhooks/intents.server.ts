import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { formFailure, formValues, handle, parseForm } from "~/infra/http.server";
import {
  createEndpoint,
  deleteEndpoint,
  endpointIdSchema,
  endpointSchema,
  replayDelivery,
  replaySchema,
  rotateEndpointSecret,
  rotateSchema,
  setEndpointEnabled,
  updateEndpoint,
} from "./endpoints.server";

/**
 * The webhook settings pages' forms, one function per intent (the pages dispatch on `intent`). Field
 * errors come back with what was typed; 404 for another tenant's endpoint or delivery.
 */
function strip(form: FormData) {
  const copy = new FormData();
  for (const [k, v] of form.entries()) if (k !== "intent") copy.append(k, v);
  return copy;
}

export async function createEndpointIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(endpointSchema, strip(form), { intent: "create" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const { endpointId, secret } = createEndpoint(ctx, parsed.data);
      return { ok: true as const, intent: "create" as const, endpointId, secret, url: parsed.data.url };
    },
    { intent: "create" as const, values: parsed.values },
  );
}

const toggleSchema = endpointIdSchema.extend({
  enabled: z.enum(["true", "false"], { error: "Choose on or off." }),
});

export async function toggleEndpointIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(toggleSchema, strip(form), { intent: "toggle" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      setEndpointEnabled(ctx, parsed.data.endpointId, parsed.data.enabled === "true");
      return {
        ok: true as const,
        intent: "toggle" as const,
        notice: parsed.data.enabled === "true" ? "Deliveries resumed." : "Deliveries paused.",
      };
    },
    { intent: "toggle" as const },
  );
}

export async function rotateSecretIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(rotateSchema, strip(form), { intent: "rotate" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const r = rotateEndpointSecret(ctx, parsed.data);
      return { ok: true as const, intent: "rotate" as const, endpointId: parsed.data.endpointId, ...r };
    },
    { intent: "rotate" as const, target: parsed.data.endpointId },
  );
}

export async function deleteEndpointIntent(ctx: Ctx, form: FormData) {
  const parsed = parseForm(endpointIdSchema, strip(form), { intent: "delete" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      deleteEndpoint(ctx, parsed.data.endpointId);
      return { ok: true as const, intent: "delete" as const, notice: "Endpoint removed." };
    },
    { intent: "delete" as const },
  );
}

export async function updateEndpointIntent(ctx: Ctx, endpointId: string, form: FormData) {
  const parsed = parseForm(endpointSchema, strip(form), { intent: "update" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      updateEndpoint(ctx, endpointId, parsed.data);
      return { ok: true as const, intent: "update" as const, notice: "Endpoint saved." };
    },
    { intent: "update" as const, values: parsed.values },
  );
}

export async function replayDeliveryIntent(ctx: Ctx, endpointId: string, form: FormData) {
  const parsed = parseForm(replaySchema, strip(form), { intent: "replay" as const });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      replayDelivery(ctx, endpointId, parsed.data);
      return { ok: true as const, intent: "replay" as const, notice: "Queued to be sent again." };
    },
    { intent: "replay" as const },
  );
}

export function unknownIntent(form: FormData) {
  return formFailure(400, { formError: "Unknown form submission.", values: formValues(form) });
}
