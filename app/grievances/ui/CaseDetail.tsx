import { Form, Link } from "@remix-run/react";
import { formatBytes } from "~/evidence/file-types";
import type { CaseDetail as Detail } from "~/grievances/cases.server";
import { INDICATOR_LABELS } from "~/grievances/indicators";
import { EVENT_LABELS, needsNote, STATE_LABELS } from "~/grievances/workflow";
import { FieldError, FormError } from "~/ui/form";
import { Card } from "~/ui/layout";

type Result = {
  ok: boolean;
  intent?: string;
  notice?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  contact?: string;
};
type TriageOption = { id: string; name: string; country: string; sites: { id: string; name: string }[] };

const ANSWERS: Record<string, string> = {
  days: "a few days",
  weeks: "a few weeks",
  months: "a few months",
  over_a_year: "more than a year",
  me: "only the reporter",
  few: "a few people (2–10)",
  many: "many people (more than 10)",
  yes: "yes",
  no: "no",
  unknown: "not known",
};

/** A case as its handler works it: the report, clocks, conversation and the forms of each step. */
export function CaseDetail({
  c,
  result,
  options,
  query,
}: {
  c: Detail;
  result?: Result;
  options: TriageOption[];
  query: string;
}) {
  const failure = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const notice = result?.ok ? result.notice : undefined;
  return (
    <div className="space-y-6">
      {notice ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {notice}
        </p>
      ) : null}
      {result?.ok && result.contact ? (
        <Card title="Contact details (opened; this reveal is logged)">
          <p className="font-mono" data-testid="revealed-contact">
            {result.contact}
          </p>
        </Card>
      ) : null}
      <Card title="Report">
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Received</dt>
            <dd>{c.receivedOn} (day only, no time is kept)</dd>
          </div>
          <div>
            <dt className="text-slate-500">Language</dt>
            <dd>{c.language}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Came through</dt>
            <dd>
              {c.channel === "sms"
                ? "Text message (SMS)"
                : c.channel === "whatsapp"
                  ? "WhatsApp message"
                  : c.intakeSite
                    ? `Poster of site ${c.intakeSite}`
                    : "Organisation page"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">State</dt>
            <dd>{STATE_LABELS[c.state]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Since</dt>
            <dd>{ANSWERS[c.since]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">People affected</dt>
            <dd>{ANSWERS[c.howMany]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Still happening</dt>
            <dd>{ANSWERS[c.ongoing]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Where</dt>
            <dd>{c.place ?? "—"}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-500">Warning signs ticked</p>
        <p className="text-sm">{c.indicators.map((i) => INDICATOR_LABELS[i]).join(", ") || "none"}</p>
        <p className="mt-3 text-sm text-slate-500">What happened</p>
        <p className="whitespace-pre-wrap">{c.whatHappened}</p>
      </Card>

      <Card title="Clocks">
        <ul className="text-sm">
          <li>
            Acknowledge by {c.clocks.acknowledgeDue}:{" "}
            {c.acknowledgedOn ? (
              `acknowledged ${c.acknowledgedOn}`
            ) : c.clocks.acknowledgeOverdue ? (
              <strong className="text-red-700">overdue</strong>
            ) : (
              "open"
            )}
          </li>
          <li>
            Feedback by {c.clocks.feedbackDue}:{" "}
            {c.feedbackOn ? (
              `first reply ${c.feedbackOn}`
            ) : c.clocks.feedbackOverdue ? (
              <strong className="text-red-700">overdue</strong>
            ) : (
              "open"
            )}
          </li>
        </ul>
      </Card>

      <Card title="Next step">
        {c.nextEvents.length === 0 ? <p className="text-sm text-slate-600">No further step.</p> : null}
        <FormError error={failure("transition")?.formError} />
        {c.nextEvents.map((e) => (
          <Form method="post" key={e} className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="transition" />
            <input type="hidden" name="event" value={e} />
            {needsNote(e) ? (
              <label className="flex-1 text-sm">
                Why (kept with the case)
                <input name="note" className="input" />
              </label>
            ) : null}
            <button type="submit" className="btn-secondary">
              {EVENT_LABELS[e]}
            </button>
          </Form>
        ))}
        <FieldError error={failure("transition")?.fieldErrors?.note} />
        {c.decisionNote ? (
          <p className="mt-3 text-sm">
            Decision: {c.decisionNote} ({c.decidedOn})
          </p>
        ) : null}
        {c.actionId ? (
          <p className="mt-2 text-sm">
            Corrective action:{" "}
            <Link className="link" to={`/remediation/${c.actionId}`}>
              open it
            </Link>
          </p>
        ) : null}
      </Card>

      <Card title="Triage">
        <p className="text-sm">
          Linked to:{" "}
          {c.supplier ? (
            <Link className="link" to={`/suppliers/${c.supplier.id}`}>
              {c.supplier.name}
            </Link>
          ) : (
            "no supplier yet"
          )}
          {c.site ? ` · ${c.site.name}` : ""}
        </p>
        <Form method="get" className="mt-2 flex gap-2">
          <input
            name="q"
            defaultValue={query}
            placeholder="Find a supplier by name"
            className="input"
            aria-label="Find a supplier"
          />
          <button type="submit" className="btn-secondary">
            Find
          </button>
        </Form>
        {options.length ? (
          <Form method="post" className="mt-2 space-y-1 text-sm">
            <input type="hidden" name="intent" value="triage" />
            {options.map((s) => (
              <fieldset key={s.id} className="rounded border border-slate-200 p-2">
                <label className="flex gap-2 font-medium">
                  <input type="radio" name="supplierId" value={s.id} /> {s.name} ({s.country})
                </label>
                {s.sites.length ? (
                  <select
                    name="siteId"
                    className="input mt-1"
                    aria-label={`Site of ${s.name}`}
                    defaultValue=""
                  >
                    <option value="">No particular site</option>
                    {s.sites.map((site) => (
                      <option key={site.id} value={site.id}>
                        {site.name}
                      </option>
                    ))}
                  </select>
                ) : null}
              </fieldset>
            ))}
            <FieldError
              error={failure("triage")?.fieldErrors?.supplierId ?? failure("triage")?.fieldErrors?.siteId}
            />
            <FormError error={failure("triage")?.formError} />
            <button type="submit" className="btn-secondary">
              Link case
            </button>
          </Form>
        ) : query ? (
          <p className="mt-2 text-sm text-slate-600">No supplier matches.</p>
        ) : null}
      </Card>

      <Card title="Conversation with the reporter">
        <ol className="space-y-2 text-sm">
          {c.messages.map((m) => (
            <li key={m.seq} className="rounded border border-slate-200 px-3 py-2">
              <p className="text-xs text-slate-500">
                {m.author === "reporter"
                  ? "Reporter"
                  : m.author === "system"
                    ? "Automatic acknowledgement"
                    : "Handler"}{" "}
                · {m.sentOn}
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
        <Form method="post" className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="reply" />
          <label className="label" htmlFor="reply-body">
            Reply (the reporter reads it in the language they wrote in: {c.language})
          </label>
          <textarea id="reply-body" name="body" rows={4} className="input" />
          <FieldError error={failure("reply")?.fieldErrors?.body} />
          <button type="submit" className="btn-primary">
            Send reply
          </button>
        </Form>
      </Card>

      <Card title="Attachments">
        {c.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">The reporter attached no files.</p>
        ) : (
          <>
            <ul className="space-y-1 text-sm">
              {c.attachments.map((a) => (
                <li key={a.id}>
                  <a className="link" href={`/grievances/${c.id}/attachments/${a.id}`} download>
                    {a.fileName}
                  </a>{" "}
                  <span className="text-slate-600">
                    · {formatBytes(a.sizeBytes)} · {a.addedOn}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-slate-600">
              Location, camera and author details were removed before the files were stored. Each download is
              recorded in the audit log.
            </p>
          </>
        )}
      </Card>

      {c.hasContact ? (
        <Card title="Contact details">
          {c.canReveal ? (
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="reveal" />
              <label className="label" htmlFor="reveal-reason">
                Reason for opening them (logged)
              </label>
              <input id="reveal-reason" name="reason" className="input" />
              <FieldError error={failure("reveal")?.fieldErrors?.reason} />
              <button type="submit" className="btn-secondary">
                Open contact details
              </button>
            </Form>
          ) : (
            <p className="text-sm text-slate-600">
              The reporter left contact details. Only the grievance custodian can open them.
            </p>
          )}
        </Card>
      ) : null}
    </div>
  );
}
