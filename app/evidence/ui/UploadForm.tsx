import { Form, useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { formatBytes } from "../file-types";

/** A form's failure as pages show it: one message at the top, one per field. */
export type UploadFailure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

/** What an upload resource route answers (app/evidence/upload.server.ts `uploadJson`). */
export type UploadJson = { ok: true; notice?: string; redirect?: string } | ({ ok: false } & UploadFailure);

/** The words of the progress block; supplier pages pass them in the supplier's language. */
export type UploadLabels = {
  /** The progress bar's label. */
  progress: string;
  /** "{pct}", "{sent}", "{total}". */
  sent: string;
  cancel: string;
  /** Announced when the upload starts: "{file}". */
  started: string;
  /** Every byte has gone; the server is checking and storing the file. */
  checking: string;
  cancelled: string;
  /** The connection failed before an answer came. */
  lost: string;
  /** A success without a notice of its own. */
  done: string;
  /** The session ended before the upload was sent. */
  signedOut: string;
};

export const UPLOAD_LABELS_EN: UploadLabels = {
  progress: "Upload progress",
  sent: "{pct}% · {sent} of {total}",
  cancel: "Cancel upload",
  started: "Uploading {file}…",
  checking: "Upload complete; checking and storing the file…",
  cancelled: "Upload cancelled.",
  lost: "The upload did not complete (the connection failed). Please try again.",
  done: "File uploaded.",
  signedOut: "You are signed out. Sign in again in another tab, then upload the file again.",
};

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

type Phase =
  | { kind: "idle" }
  | { kind: "sending"; sent: number; total: number }
  | { kind: "checking" }
  | { kind: "done" }
  | { kind: "cancelled" }
  | { kind: "failed"; failure: UploadFailure };

/** A JSON answer, or the plain-text refusal a guard sends (403, 404, 413 from the request guard). */
function readAnswer(xhr: XMLHttpRequest, labels: UploadLabels): UploadJson {
  // The guard's redirect to the log-in page (the session ended while the page was open), followed.
  if (new URL(xhr.responseURL || "/", window.location.href).pathname === "/login")
    return { ok: false, formError: labels.signedOut, fieldErrors: {} };
  const text = xhr.responseText;
  if ((xhr.getResponseHeader("Content-Type") ?? "").includes("application/json")) {
    try {
      return JSON.parse(text) as UploadJson;
    } catch {
      // fall through to the plain answer
    }
  }
  const formError = text.trim() && text.length < 500 && !text.includes("<") ? text.trim() : labels.lost;
  return { ok: false, formError, fieldErrors: {} };
}

/**
 * Every upload form. Without JavaScript it is the plain multipart form posting to its page (the page's
 * action re-renders with field errors). With JavaScript the same fields go by XMLHttpRequest (fetch has
 * no upload progress) to `uploadUrl`, a resource route answering JSON: a labelled `<progress>` with the
 * percentage and bytes sent, a Cancel that aborts the request (the server then aborts its multipart
 * upload and keeps nothing), field errors shown where the page shows them (`children` gets the
 * failure), and on success the page's data is revalidated (or the redirect followed).
 */
export function UploadForm({
  uploadUrl,
  failure,
  busy = false,
  labels = UPLOAD_LABELS_EN,
  className,
  maxFile,
  children,
}: {
  uploadUrl: string;
  /**
   * The server's file limit: a bigger file is refused here, before a byte is sent (the server would cut
   * the connection at the limit, which a browser reports as a failed connection, not as "too large").
   */
  maxFile?: { bytes: number; message: string };
  /** The page's own failure for this form (the no-JavaScript path). */
  failure?: UploadFailure;
  /** The page is submitting this form the plain way. */
  busy?: boolean;
  labels?: UploadLabels;
  className?: string;
  children: (state: { failure?: UploadFailure; busy: boolean }) => ReactNode;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [announce, setAnnounce] = useState("");
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const id = useId();
  // A request still running when the page goes away is abandoned, as a navigation would.
  useEffect(() => () => xhrRef.current?.abort(), []);
  // A new plain-form failure from the page replaces whatever the last XHR left.
  useEffect(() => {
    if (failure) setPhase({ kind: "idle" });
  }, [failure]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined" || xhrRef.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) data.append(submitter.name, submitter.value);
    const file = data.get("file");
    if (maxFile && file instanceof File && file.size > maxFile.bytes) {
      setPhase({
        kind: "failed",
        failure: { formError: maxFile.message, fieldErrors: { file: maxFile.message } },
      });
      setAnnounce(maxFile.message);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (xhrRef.current !== xhr) return;
      setPhase({ kind: "sending", sent: e.loaded, total: e.lengthComputable ? e.total : 0 });
    };
    xhr.upload.onload = () => {
      if (xhrRef.current !== xhr) return;
      setPhase({ kind: "checking" });
      setAnnounce(labels.checking);
    };
    xhr.onload = () => {
      xhrRef.current = null;
      const answer = readAnswer(xhr, labels);
      if (answer.ok) {
        if (answer.redirect) {
          navigate(answer.redirect);
          return;
        }
        const notice = answer.notice ?? labels.done;
        formRef.current?.reset();
        setPhase({ kind: "done" });
        setAnnounce(notice);
        revalidator.revalidate();
      } else {
        setPhase({ kind: "failed", failure: answer });
        setAnnounce("");
      }
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      const failure = { formError: labels.lost, fieldErrors: {} };
      setPhase({ kind: "failed", failure });
      setAnnounce("");
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase({ kind: "cancelled" });
      setAnnounce(labels.cancelled);
      // What the list shows is what the server kept: nothing, for a file that had not fully arrived.
      revalidator.revalidate();
    };
    setPhase({ kind: "sending", sent: 0, total: file instanceof File ? file.size : 0 });
    setAnnounce(fill(labels.started, { file: file instanceof File ? file.name : "" }));
    xhr.send(data);
  }

  const sending = phase.kind === "sending" || phase.kind === "checking";
  const shownFailure = phase.kind === "failed" ? phase.failure : phase.kind === "idle" ? failure : undefined;
  const sent = phase.kind === "sending" ? phase.sent : 0;
  const total = phase.kind === "sending" ? phase.total : 0;
  const pct =
    phase.kind === "checking" ? 100 : total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
  return (
    <Form
      ref={formRef}
      method="post"
      encType="multipart/form-data"
      className={className}
      noValidate
      onSubmit={onSubmit}
    >
      {children({ failure: shownFailure, busy: busy || sending })}
      {sending ? (
        <div className="mt-3 space-y-1">
          <label htmlFor={`${id}-progress`} className="text-xs font-medium text-slate-600">
            {labels.progress}
          </label>
          <div className="flex items-center gap-3">
            <progress
              id={`${id}-progress`}
              className="h-2 flex-1 accent-brand-600"
              max={100}
              value={pct}
              aria-describedby={`${id}-sent`}
            />
            {phase.kind === "sending" ? (
              <button type="button" className="btn-secondary" onClick={() => xhrRef.current?.abort()}>
                {labels.cancel}
              </button>
            ) : null}
          </div>
          <p id={`${id}-sent`} className="text-xs tabular-nums text-slate-600" data-testid="upload-sent">
            {phase.kind === "checking"
              ? labels.checking
              : fill(labels.sent, { pct: String(pct), sent: formatBytes(sent), total: formatBytes(total) })}
          </p>
        </div>
      ) : null}
      {/* One live region: progress milestones for screen readers, the outcome for everyone. Failures
          show (and are announced) where the form shows its errors. */}
      <p
        role="status"
        aria-live="polite"
        className={
          phase.kind === "done"
            ? "mt-2 text-sm text-emerald-700"
            : phase.kind === "cancelled"
              ? "mt-2 text-sm text-slate-600"
              : "sr-only"
        }
      >
        {announce}
      </p>
    </Form>
  );
}
