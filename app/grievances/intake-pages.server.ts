import { data } from "@remix-run/node";
import { env } from "~/infra/env.server";
import { formValues, handle } from "~/infra/http.server";
import { zodFieldErrors } from "~/infra/validation";
import { clientIp } from "~/orgs/forms.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import {
  ATTACHMENT_ACCEPT,
  attachmentLimit,
  discardStaged,
  readIntakeForm,
  stageAttachment,
  type StagedAttachment,
} from "./attachments.server";
import { intakeMessages, intakeTranslator, reporterStateLabel, type IntakeKey } from "./intake-i18n.server";
import {
  codeSchema,
  intakePlace,
  MESSAGE_MAX_CHARS,
  openWithReceipt,
  reporterMessageSchema,
  reportSchema,
  submitReport,
  WHAT_MAX,
  type ReporterView,
} from "./intake.server";
import { directionOf, pickIntakeLanguage, type IntakeLanguage } from "./languages";

/**
 * The edge of the public worker pages, shared by the organisation page, the site page and the receipt
 * page so their route files stay thin. Nothing here reads or sets a cookie; responses are not cached
 * and send no referrer to other sites (see `INTAKE_HEADERS`).
 *
 * "same-origin", not "no-referrer": under "no-referrer" a browser sends `Origin: null` with a plain form
 * POST (no JavaScript), which the server's cross-site check refuses, so the report could not be sent
 * from the phones the page is built for. "same-origin" still gives other sites nothing.
 */
export const INTAKE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "same-origin" };

const limitMb = () => Math.round(attachmentLimit() / (1024 * 1024));

const LIMITS: Partial<Record<string, number>> = { whatHappened: WHAT_MAX, place: 500, contact: 300 };

function langOf(request: Request, form?: FormData): IntakeLanguage {
  const url = new URL(request.url);
  const fromForm = form?.get("lang");
  return pickIntakeLanguage(
    url.searchParams.get("lang") ?? (typeof fromForm === "string" ? fromForm : null),
    request.headers.get("Accept-Language"),
  );
}

const reportPath = (orgId: string, siteId: string | null) =>
  siteId ? `/report/${orgId}/site/${siteId}` : `/report/${orgId}`;
const statusPath = (orgId: string) => `/report/${orgId}/status`;

function pageData(lang: IntakeLanguage, path: string) {
  return {
    html: { lang, dir: directionOf(lang) },
    lang,
    m: intakeMessages(lang),
    path,
    postTo: `${path}?lang=${encodeURIComponent(lang)}`,
    file: { maxMb: limitMb(), accept: ATTACHMENT_ACCEPT },
  };
}

export async function reportPageLoader(request: Request, orgId: string, siteId: string | null) {
  const place = await handle(() => intakePlace(orgId, siteId));
  const lang = langOf(request);
  return {
    ...pageData(lang, reportPath(orgId, siteId)),
    organisation: place.organisation,
    site: place.site?.name ?? null,
    statusHref: `${statusPath(orgId)}?lang=${encodeURIComponent(lang)}`,
  };
}

export async function reportPageAction(request: Request, orgId: string, siteId: string | null) {
  const place = await handle(() => intakePlace(orgId, siteId));
  const { form, file } = await readIntakeForm(request);
  const lang = langOf(request, form);
  const t = intakeTranslator(lang);
  const values = formValues(form);
  const parsed = reportSchema.safeParse(values);
  const refuse = (errors: Record<string, string>) => {
    // The contact field is never echoed back: a reporter on a shared phone should not find it refilled.
    delete values.contact;
    return data({ ok: false as const, errors, values }, { status: 400 });
  };
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const [field, key] of Object.entries(zodFieldErrors(parsed.error))) {
      errors[field] = t(key as IntakeKey, { max: LIMITS[field] ?? WHAT_MAX });
    }
    // A browser does not keep the chosen file when the page comes back: say so beside the field.
    if (file && !("tooLarge" in file)) errors.file = t("err.fileAgain");
    else if (file) errors.file = t("err.fileTooLarge", { max: limitMb() });
    return refuse(errors);
  }
  const { staged, refused } = await handle(() => stageAttachment(place.organizationId, file));
  if (refused) return refuse({ file: t(`err.${refused}`, { max: limitMb() }) });
  let code: string;
  try {
    ({ code } = await handle(() =>
      submitReport({ orgId, siteId }, lang, parsed.data, { attachment: staged }),
    ));
  } catch (err) {
    await discardStaged(staged);
    throw err;
  }
  return {
    ok: true as const,
    code,
    statusUrl: `${env().publicOrigin}${statusPath(orgId)}?lang=${encodeURIComponent(lang)}`,
  };
}

export async function statusPageLoader(request: Request, orgId: string) {
  const place = await handle(() => intakePlace(orgId, null));
  return { ...pageData(langOf(request), statusPath(orgId)), organisation: place.organisation };
}

type StatusResult =
  | { ok: true; code: string; view: ReporterView & { stateLabel: string }; added: boolean; error?: string }
  | { ok: false; error: string };

/**
 * Open (intent "open") or add to (intent "add") a case by its receipt code. A code that opens nothing
 * (unknown, mistyped, another organisation's) always gets the same sentence; an empty field is asked
 * for again without counting as a try.
 */
export async function statusPageAction(request: Request, context: unknown, orgId: string) {
  const place = await handle(() => intakePlace(orgId, null));
  const { form, file } = await readIntakeForm(request);
  const lang = langOf(request, form);
  const t = intakeTranslator(lang);
  const parsed = codeSchema.safeParse(formValues(form));
  const input = parsed.success ? parsed.data : {};
  const code = (input.code ?? "").trim();
  if (!code) return data<StatusResult>({ ok: false, error: t("status.codeLabel") }, { status: 400 });
  let addMessage: string | null = null;
  let messageError: string | undefined;
  let staged: StagedAttachment | null = null;
  if (input.intent === "add") {
    const msg = reporterMessageSchema.safeParse(input.message ?? "");
    if (msg.success) addMessage = msg.data;
    // A file on its own is information enough; an empty message beside it is not an error.
    else if (!(file && (input.message ?? "").trim() === ""))
      messageError = t(msg.error.issues[0]?.message as IntakeKey, { max: MESSAGE_MAX_CHARS });
    if (file && messageError) messageError = `${messageError} ${t("err.fileAgain")}`;
    else if (file) {
      const stagedOrRefused = await handle(() => stageAttachment(place.organizationId, file));
      if (stagedOrRefused.refused) messageError = t(`err.${stagedOrRefused.refused}`, { max: limitMb() });
      staged = stagedOrRefused.staged;
    }
  }
  try {
    const result = await handle(() =>
      openWithReceipt(orgId, code, { ip: clientIp(context), addMessage, attachment: staged }),
    );
    if (!result.ok) {
      await discardStaged(staged);
      return data<StatusResult>({ ok: false, error: t("status.wrong") }, { status: 404 });
    }
    const view = { ...result.view, stateLabel: reporterStateLabel(lang, result.view.state) };
    return data<StatusResult>(
      { ok: true, code, view, added: !!addMessage || !!staged, error: messageError },
      { status: messageError ? 400 : 200 },
    );
  } catch (err) {
    await discardStaged(staged);
    if (!(err instanceof TooManyAttemptsError)) throw err;
    const minutes = Math.max(1, Math.ceil(err.retryAfterMs / 60_000));
    return data<StatusResult>(
      { ok: false, error: t("status.tooMany", { minutes }) },
      { status: 429, headers: { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)) } },
    );
  }
}
