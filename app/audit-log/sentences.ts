import { GRADE_LABELS } from "~/audits/catalogue";
import { STATE_LABELS as CASE_STATE_LABELS } from "~/grievances/workflow";
import { ROLE_LABELS } from "~/orgs/permissions";
import { STATE_LABELS as ACTION_STATE_LABELS } from "~/remediation/workflow";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { Role } from "~db/schema/orgs.constants";

/**
 * The audit log in sentences. Every action name a verb writes (`recordAudit(tx, ctx, { action: … })`)
 * has one entry here; `sentences.test.ts` reads the source tree for those names and fails when one has
 * no sentence, so a new action cannot ship as a raw code.
 *
 * A template is text with placeholders: `{subject}` is the record the row is about (named and linked by
 * `subjects.server.ts`), `{key}` a value of the row's details, `{@key}` a record the details refer to by
 * id (named and linked like the subject), `{key|fallback}` a value with the text used when it is absent.
 * A part in [brackets] is dropped when a placeholder in it has no value. The actor is not part of the
 * template: the page puts the actor's name in front.
 */
export type SentenceSpec = {
  text: string;
  /** What a top-level from/to pair in the details is a change of ("State", "Role"). */
  change?: string;
  /** Values derived from the details for the template. */
  vars?: (d: Details) => Record<string, string | number | null | undefined>;
};

export type Details = Record<string, unknown>;

const roleLabel = (r: unknown) => (typeof r === "string" && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : null);
const gradeLabel = (g: unknown) =>
  typeof g === "string" && g in GRADE_LABELS ? GRADE_LABELS[g as FindingGrade].toLowerCase() : null;
const role = (d: Details) => ({ role: roleLabel(d.role) });

/** Labels for the values a from/to change carries, by the change's label. */
export function valueLabel(change: string | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (change === "State" && typeof value === "string")
    return (
      (ACTION_STATE_LABELS as Record<string, string>)[value] ??
      (CASE_STATE_LABELS as Record<string, string>)[value] ??
      value
    );
  if (change === "Role") return roleLabel(value) ?? String(value);
  if (Array.isArray(value)) return value.map((v) => valueLabel(undefined, v)).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const ACTION_EVENT_SENTENCES = {
  submit_plan: "submitted a plan for {subject}",
  accept_plan: "accepted the plan for {subject}",
  return_plan: "returned the plan for {subject}",
  start_work: "started work on {subject}",
  submit_evidence: "submitted evidence for {subject}",
  reject_evidence: "sent back the evidence for {subject}",
  verify: "verified {subject}",
  close: "closed {subject}",
  close_at_follow_up: "verified and closed {subject} at a follow-up audit",
  escalate: "escalated {subject}[ ({kind})]",
  reopen: "reopened {subject}",
};

const CASE_EVENT_SENTENCES = {
  acknowledge: "acknowledged {subject}",
  investigate: "started investigating {subject}",
  substantiate: "substantiated {subject}",
  not_substantiate: "found {subject} not substantiated",
  start_remedy: "started the remedy of {subject}",
  close: "closed {subject}",
  reopen: "reopened {subject}",
};

export const AUDIT_SENTENCES: Record<string, SentenceSpec> = {
  // Suppliers, sites, contacts, links
  "supplier.created": { text: "created {subject}" },
  "supplier.updated": { text: "edited {subject}" },
  "supplier.link_added": {
    text: "linked {subject} {where}",
    vars: (d) => ({ where: d.parentSupplierId ? "under {@parentSupplierId}" : "as a direct supplier" }),
  },
  "supplier.link_removed": {
    text: "removed the link of {subject} {where}",
    vars: (d) => ({ where: d.parentSupplierId ? "under {@parentSupplierId}" : "as a direct supplier" }),
  },
  "supplier.contact_added": { text: "added contact {name} to {subject}" },
  "supplier.contact_updated": { text: "edited contact {name} of {subject}" },
  "supplier.contact_primary": { text: "made {name} the primary contact of {subject}" },
  "supplier.contact_removed": { text: "removed contact {name} from {subject}" },
  "site.created": { text: "added {subject}" },
  "site.updated": { text: "edited {subject}" },
  "site.deleted": { text: "deleted {subject}" },

  // Imports
  "import.uploaded": { text: "uploaded {subject} for import[ (sheet “{sheet}”)]" },
  "import.started": { text: "started importing {subject}" },
  "import.retried": { text: "retried the import of {subject}" },
  "import.batch": {
    text: "imported rows {range} of {subject}: {created} created, {updated} updated, {errors} refused",
    vars: (d) => ({ range: Array.isArray(d.rows) ? d.rows.join("–") : null }),
  },
  "import.completed": {
    text: "finished importing {subject}: {rows} rows, {created} created, {updated} updated, {errors} refused",
  },
  "import.sites_committed": {
    text: "imported the sites of {subject}: {rows} rows, {created} added, {updated} updated, {errors} refused, {rescored} suppliers rescored",
  },

  // Risk
  "risk.recomputed": { text: "rescored {subject}" },
  "risk.exposure_changed": { text: "updated the upstream exposure of {subject}" },
  "risk.recompute_queued": { text: "queued a risk recompute of every supplier[ ({reason})]" },
  "risk.recompute_done": { text: "recomputed the risk of every supplier" },
  "risk.override_requested": {
    text: "asked to override the risk of {subject} to {level}[ until {expiresOn}]",
  },
  "risk.override_approved": { text: "approved the risk override of {subject} to {level}" },
  "risk.override_rejected": { text: "rejected the risk override of {subject} to {level}" },
  "risk.override_withdrawn": { text: "withdrew the risk override of {subject} to {level}" },
  "risk.settings_updated": { text: "changed the risk settings" },

  // Members and accounts
  "organization.created": { text: "created the organisation {name}" },
  "organization.seeded": { text: "seeded the demo organisation" },
  "organization.two_factor_required": { text: "required two-factor sign-in for every member" },
  "organization.two_factor_optional": { text: "made two-factor sign-in optional" },
  "member.added": { text: "added {subject} as {role}[ (via {via})]", vars: role },
  "member.role_changed": { text: "changed the role of {subject}", change: "Role" },
  "member.removed": { text: "removed {subject} from the organisation" },
  "invitation.created": { text: "invited {email} as {role}", vars: role },
  "webhook.endpoint_created": { text: "added {subject}" },
  "webhook.endpoint_updated": { text: "changed {subject}" },
  "webhook.endpoint_enabled": { text: "resumed deliveries to {subject}" },
  "webhook.endpoint_disabled": { text: "paused deliveries to {subject}" },
  "webhook.endpoint_deleted": { text: "removed {subject}" },
  "webhook.secret_rotated": {
    text: "rotated the signing secret of {subject}[ (the previous one signs until {previousValidUntil})]",
  },
  "webhook.delivery_replayed": { text: "sent event {eventId} to {subject} again" },
  "webhook.endpoint_failing": {
    text: "marked {subject} as failing after {consecutiveFailures} failed attempts",
  },
  "webhook.endpoint_recovered": { text: "saw {subject} answer again after failures" },
  "invitation.revoked": { text: "revoked the invitation of {email}" },
  "invitation.accepted": { text: "accepted the invitation of {email} as {role}", vars: role },
  "api_key.created": {
    text: "created the API key {label} (cs_live_{prefix}_…) with {scopes}, until {expiresOn}",
  },
  "api_key.revoked": { text: "revoked the API key {label} (cs_live_{prefix}_…)" },
  "user.logged_in": { text: "signed in[ ({method})]" },
  "sso.configured": { text: "set up single sign-on with {issuer}" },
  "sso.updated": { text: "changed the single sign-on settings" },
  "sso.removed": { text: "removed single sign-on with {issuer}" },
  "sso.login_refused": { text: "refused a single sign-on[ of {email}]: {reason}" },
  "user.password_reset": { text: "reset their password" },
  "user.two_factor_enabled": { text: "turned on two-factor sign-in" },
  "user.two_factor_disabled": { text: "turned off two-factor sign-in" },
  "user.recovery_codes_renewed": { text: "renewed their recovery codes" },

  // Questionnaires and templates
  "questionnaire.sent": { text: "sent {subject} to {recipientEmail}" },
  "questionnaire.resent": { text: "sent a new link for {subject}" },
  "questionnaire.reminder_sent": { text: "sent a reminder for {subject}" },
  "questionnaire.overdue_sent": { text: "sent an overdue notice for {subject}" },
  "questionnaire.revoked": { text: "revoked {subject}" },
  "questionnaire.code_sent": { text: "was emailed a code to open {subject}" },
  "questionnaire.opened": { text: "opened {subject} for the first time" },
  "questionnaire.link_redeemed": { text: "opened the link of {subject}" },
  "questionnaire.code_rejected": { text: "entered a wrong code for {subject}" },
  "questionnaire.link_locked": { text: "locked the link of {subject} with too many wrong codes" },
  "questionnaire.code_confirmed": { text: "confirmed the emailed code for {subject}" },
  "questionnaire.link_renewed": { text: "asked for a new link to {subject}" },
  "questionnaire.language_changed": { text: "switched {subject} to language {language}" },
  "questionnaire.answer_saved": { text: "saved an answer in {subject}" },
  "questionnaire.draft_saved": { text: "saved a draft of {subject}" },
  "questionnaire.declaration_saved": { text: "filled in the declaration of {subject}" },
  "questionnaire.submitted": { text: "submitted {subject}" },
  "questionnaire.resubmitted": { text: "resubmitted {subject}[ (round {round})]" },
  "questionnaire.question_reviewed": { text: "reviewed a question of {subject}[: {decision}]" },
  "questionnaire.returned": { text: "returned {subject} to the supplier" },
  "questionnaire.accepted": { text: "accepted {subject}" },
  "template.created": { text: "created {subject}" },
  "template.draft_started": { text: "started a new draft of {subject}" },
  "template.draft_edited": { text: "edited the draft of {subject}" },
  "template.published": { text: "published {subject}" },

  // Campaigns
  "campaign.created": { text: "created {subject} for {suppliers} suppliers" },
  "campaign.sent": { text: "sent {subject} to {suppliers} suppliers" },

  // Audits, findings, evidence
  "audit.created": { text: "recorded {subject}" },
  "audit.imported": { text: "imported {subject} from {fileName|a file}[ ({findings} findings)]" },
  "finding.follow_up_regraded": {
    text: "graded {subject} again at a follow-up audit[ ({from} → {to})]",
    vars: (d) => ({ from: gradeLabel(d.from), to: gradeLabel(d.to) }),
  },
  "finding.follow_up_closed": { text: "closed {subject} as verified at a follow-up audit" },
  "finding.follow_up_reopened": {
    text: "reopened {subject} at a follow-up audit[ (grade {to})]",
    vars: (d) => ({ to: gradeLabel(d.to) }),
  },
  "remediation.regraded": {
    text: "graded {subject} again[ ({from} → {to})]",
    vars: (d) => ({ from: gradeLabel(d.from), to: gradeLabel(d.to) }),
  },
  "finding.added": {
    text: "added {subject}[ (grade {grade})]",
    vars: (d) => ({ grade: gradeLabel(d.grade) }),
  },
  "audits.vocabulary_changed": { text: "changed the grade words of {scheme}" },
  "evidence.uploaded": { text: "uploaded {subject}[ (version {version})]" },
  "evidence.details_changed": { text: "changed the owner or expiry of {subject}" },
  "evidence.removed": { text: "removed {subject}" },
  "evidence.withdrawn": { text: "withdrew {subject}[ (reason: {reason})]" },
  "evidence.hash_verified": {
    text: "checked the SHA-256 of {subject}: {result}",
    vars: (d) => ({
      result: d.missing ? "the stored file is missing" : d.match ? "it matches" : "it does not match",
    }),
  },

  // Corrective actions
  "remediation.raised": {
    text: "raised {subject}[ (grade {grade})]",
    vars: (d) => ({ grade: gradeLabel(d.grade) }),
  },
  ...Object.fromEntries(
    Object.entries(ACTION_EVENT_SENTENCES).map(([event, text]) => [
      `remediation.${event}`,
      { text, change: "State" },
    ]),
  ),
  "remediation.finding_agreed": { text: "agreed with the finding behind {subject}" },
  "remediation.finding_disputed": { text: "disputed the finding behind {subject}" },
  "remediation.owner_assigned": { text: "made {@buyerOwnerUserId|nobody} the owner of {subject}" },
  "remediation.shared_with_supplier": {
    text: "shared the corrective actions of {subject} with {recipientEmail}",
  },
  "remediation.supplier_link_redeemed": { text: "opened the corrective-action link of {subject}" },
  "remediation.supplier_code_confirmed": {
    text: "confirmed the emailed code on the actions link of {subject}",
  },
  "remediation.remedy_recorded": { text: "recorded a remedy to {workers} workers on {subject}" },
  "remediation.deadlines_changed": { text: "changed the corrective-action deadlines" },

  // Statements
  "statement.created": { text: "created {subject}" },
  "statement.updated": {
    text: "edited {subject}[ ({fields})]",
    vars: (d) => ({ fields: Array.isArray(d.changed) && d.changed.length ? d.changed.join(", ") : null }),
  },
  "statement.commented": { text: "commented on {subject}" },
  "statement.submitted_for_review": { text: "submitted {subject} for review" },
  "statement.approved": {
    text: "recorded the approval of {subject}[ by {governingBody}][ on {approvalDate}]",
  },
  "statement.signed": { text: "recorded the signature of {subject}[ by {signatory}][ on {signedOn}]" },
  "statement.published": { text: "published {subject}" },
  "statement.pdf_generated": { text: "generated the PDF of {subject}[ ({pageCount} pages)]" },
  "statement.revision_started": { text: "started revision {version} of {subject}" },
  "governing_body.member_added": { text: "added {subject} to the governing body" },
  "governing_body.member_left": { text: "recorded that {subject} left the governing body[ on {leftOn}]" },
  "organisation.slug_assigned": { text: "gave the public statement pages the address /transparency/{slug}" },
  "organisation.slug_changed": {
    text: "changed the address of the public statement pages",
    change: "Address",
  },

  // Training
  "training.course_created": { text: "added the training course “{title}”" },
  "training.completion_recorded": { text: "recorded a training completion[ on {completedOn}]" },
  "training.completions_imported": {
    text: "imported {imported} training completions[ ({alreadyRecorded} recorded already)]",
  },
  "training.headcount_set": { text: "set the staff in scope for training in {year} to {staffInScope}" },

  // Worker grievances (redacted for everyone without a grievance role: see subjects.server.ts)
  "grievance.viewed": { text: "opened {subject}" },
  ...Object.fromEntries(
    Object.entries(CASE_EVENT_SENTENCES).map(([event, text]) => [
      `grievance.${event}`,
      { text, change: "State" },
    ]),
  ),
  "grievance.replied": { text: "replied to the reporter of {subject}" },
  "grievance.triaged": { text: "linked {subject} to a supplier" },
  "grievance.contact_revealed": { text: "opened the reporter's sealed contact details of {subject}" },
  "grievance.attachment_downloaded": { text: "downloaded {fileName} of {subject}" },
  "grievance.sms_channel_saved": {
    text: "connected the worker channel's text number (account {accountSid})",
  },
  "grievance.sms_channel_removed": { text: "disconnected the worker channel's text number" },
};

export type Segment = { text: string; href?: string | null };
export type Named = { text: string; href: string | null };

/** How a row's subject and the records its details name are shown. */
export type Names = {
  subject: Named;
  /** `{@key}` lookups: the record the details' `key` names, already resolved. */
  refs: Record<string, Named | null>;
};

function valueText(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  return null;
}

/**
 * The sentence of one row, as text and link segments (the actor comes first, outside it). An action with
 * no entry (a row written by a version newer than this catalogue) is said plainly with its code.
 */
export function sentenceOf(action: string, details: Details, names: Names): Segment[] {
  const spec = AUDIT_SENTENCES[action];
  if (!spec) return [{ text: `recorded “${action}” on ` }, names.subject];
  const derived = spec.vars?.(details) ?? {};
  const vars: Details = { ...details, ...derived };
  // A derived variable may itself be template text (e.g. "under {@parentSupplierId}").
  const text = spec.text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = derived[k];
    return typeof v === "string" && v.includes("{") ? v : m;
  });
  const fill = (part: string): Segment[] | null => {
    const out: Segment[] = [];
    const re = /\{(@?)(\w+)(?:\|([^}]*))?\}/g;
    let last = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      if (m.index > last) out.push({ text: part.slice(last, m.index) });
      last = m.index + m[0].length;
      const [, ref, key, fallback] = m;
      if (key === "subject") {
        out.push(names.subject);
      } else if (ref) {
        const named = names.refs[key];
        if (named) out.push(named);
        else if (fallback !== undefined) out.push({ text: fallback });
        else return null;
      } else {
        const v = valueText(vars[key]);
        if (v !== null) out.push({ text: v });
        else if (fallback !== undefined) out.push({ text: fallback });
        else return null;
      }
    }
    if (last < part.length) out.push({ text: part.slice(last) });
    return out;
  };
  const segments: Segment[] = [];
  // Split into plain text and [optional] parts.
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last)
      segments.push(...(fill(text.slice(last, m.index)) ?? fillLoose(text.slice(last, m.index))));
    last = m.index + m[0].length;
    segments.push(...(fill(m[1]) ?? []));
  }
  if (last < text.length) {
    const rest = text.slice(last);
    segments.push(...(fill(rest) ?? fillLoose(rest)));
  }
  return merge(segments);

  // A required placeholder without a value: say "(not recorded)" rather than drop the sentence.
  function fillLoose(part: string): Segment[] {
    return (
      fill(
        part.replace(
          /\{(@?)(\w+)(?:\|[^}]*)?\}/g,
          (m, ref: string, k: string) => `{${ref}${k}|(not recorded)}`,
        ),
      ) ?? [{ text: part }]
    );
  }
}

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && !prev.href && !s.href) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

export type FieldChange = { field: string; from: string; to: string };

const humanise = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .replace(/\./g, " › ")
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

function diffObjects(before: unknown, after: unknown, change?: string): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, "", a);
  flatten(after, "", b);
  const out: FieldChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (JSON.stringify(x ?? null) === JSON.stringify(y ?? null)) continue;
    out.push({
      field: key ? humanise(key) : (change ?? "Value"),
      from: valueLabel(change, x),
      to: valueLabel(change, y),
    });
  }
  return out;
}

const isPair = (v: unknown): v is { from: unknown; to: unknown } =>
  !!v &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  "from" in v &&
  "to" in v &&
  Object.keys(v).length === 2;

/**
 * The field-level changes a row records, in the shapes the verbs write: `{ before: {…}, after: {…} }`,
 * a top-level `from`/`to` (a state, a role, or two objects), and `{ field: { from, to } }` per field.
 */
export function changesOf(action: string, details: Details): FieldChange[] {
  const change = AUDIT_SENTENCES[action]?.change;
  if (details.before !== undefined && details.after !== undefined)
    return diffObjects(details.before, details.after);
  if ("from" in details && "to" in details) {
    const { from, to } = details;
    const objects = (from && typeof from === "object") || (to && typeof to === "object");
    return objects
      ? diffObjects(from, to, change)
      : [{ field: change ?? "Value", from: valueLabel(change, from), to: valueLabel(change, to) }];
  }
  const out: FieldChange[] = [];
  for (const [key, v] of Object.entries(details)) {
    if (isPair(v))
      out.push(
        ...diffObjects(v.from, v.to).map((c) => ({
          ...c,
          field: c.field === "Value" ? humanise(key) : `${humanise(key)} › ${c.field}`,
        })),
      );
  }
  return out;
}
