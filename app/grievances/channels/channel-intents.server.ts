import type { Ctx } from "~/infra/context";
import { formFailure, formValues, handle, parseForm } from "~/infra/http.server";
import { removeSmsChannel, saveSmsChannel, smsChannelSchema } from "./config.server";

/** The worker-channel settings page's forms, one function per intent. The token is never echoed back. */
function strip(form: FormData) {
  const copy = new FormData();
  for (const [k, v] of form.entries()) if (k !== "intent") copy.append(k, v);
  return copy;
}

export async function saveChannelIntent(ctx: Ctx, form: FormData) {
  const fields = strip(form);
  // What was typed comes back on an error, except the token.
  const values = { ...formValues(fields), authToken: "" };
  const parsed = parseForm(smsChannelSchema, fields, { intent: "save" as const, values });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      saveSmsChannel(ctx, parsed.data);
      return {
        ok: true as const,
        intent: "save" as const,
        notice: "Number connected. The auth token is sealed and will not be shown again.",
      };
    },
    { intent: "save" as const, values },
  );
}

export async function removeChannelIntent(ctx: Ctx) {
  return handle(
    () => {
      removeSmsChannel(ctx);
      return {
        ok: true as const,
        intent: "remove" as const,
        notice: "Number disconnected. Texts to it are no longer accepted.",
      };
    },
    { intent: "remove" as const },
  );
}

export function unknownChannelIntent() {
  return formFailure(400, { formError: "Unknown action." });
}
