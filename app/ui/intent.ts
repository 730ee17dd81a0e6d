import { useNavigation } from "@remix-run/react";

/**
 * Pages with several forms post an `intent` field; the action answers with a result that carries the
 * same intent (a discriminated union). These pick one form's result out of `useActionData<typeof action>()`.
 */
export function resultFor<R extends { intent?: string }, I extends NonNullable<R["intent"]>>(
  result: R | undefined,
  intent: I,
): Extract<R, { intent?: I }> | undefined {
  return result?.intent === intent ? (result as Extract<R, { intent?: I }>) : undefined;
}

/** The failure of one form, with what was typed into it. */
export function failureFor<R extends { ok: boolean; intent?: string }, I extends NonNullable<R["intent"]>>(
  result: R | undefined,
  intent: I,
): Extract<R, { ok: false; intent?: I }> | undefined {
  return result && !result.ok && result.intent === intent
    ? (result as Extract<R, { ok: false; intent?: I }>)
    : undefined;
}

/** The intent of the form being submitted right now, for its busy state. */
export function useSubmittingIntent(): string | null {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return null;
  const intent = navigation.formData?.get("intent");
  return typeof intent === "string" ? intent : null;
}
