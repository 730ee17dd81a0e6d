import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ACCEPT_ATTRIBUTE, formatBytes } from "~/evidence/file-types";
import type { PortalTranslate } from "~/i18n/portal";
import { FieldError } from "~/ui/form";
import type { Question } from "../model";
import type { removeFileIntent, uploadIntent } from "../portal-intents.server";
import type { PortalView } from "./PortalQuestion";

/** The files attached to one question, with its own upload and remove fetchers. */
export function PortalFiles({
  view,
  q,
  t,
  editable,
}: {
  view: PortalView;
  q: Question;
  t: PortalTranslate;
  editable: boolean;
}) {
  const upload = useFetcher<typeof uploadIntent>({ key: `upload-${q.id}` });
  const remove = useFetcher<typeof removeFileIntent>();
  const files = view.files[q.id] ?? [];
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (upload.state === "idle" && upload.data?.ok) formRef.current?.reset();
  }, [upload.state, upload.data]);
  const error =
    upload.data && !upload.data.ok ? (upload.data.fieldErrors?.file ?? upload.data.formError) : undefined;
  return (
    <div className="mt-3 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
      {files.length === 0 ? (
        <p className="text-sm text-slate-500">{t("portal.noFiles")}</p>
      ) : (
        <ul className="space-y-1">
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="truncate">
                {f.fileName} <span className="text-xs text-slate-500">({formatBytes(f.sizeBytes)})</span>
              </span>
              {editable ? (
                <remove.Form method="post">
                  <input type="hidden" name="intent" value="remove-file" />
                  <input type="hidden" name="evidenceId" value={f.id} />
                  <button type="submit" className="text-xs font-medium text-red-700 hover:underline">
                    {t("portal.remove")}
                  </button>
                </remove.Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <upload.Form
          method="post"
          encType="multipart/form-data"
          ref={formRef}
          className="mt-2 flex flex-wrap items-center gap-2"
        >
          <input type="hidden" name="intent" value="upload" />
          <input type="hidden" name="questionId" value={q.id} />
          <label className="sr-only" htmlFor={`file-${q.id}`}>
            {t("portal.files")}: {q.id}
          </label>
          <input
            id={`file-${q.id}`}
            type="file"
            name="file"
            accept={ACCEPT_ATTRIBUTE}
            className="text-sm"
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="btn-secondary py-1 text-sm" disabled={upload.state !== "idle"}>
            {upload.state !== "idle" ? t("portal.uploading") : t("portal.upload")}
          </button>
          <span className="text-xs text-slate-500">
            {t("portal.uploadHint", { mb: `${view.uploadLimitMb} MB` })}
          </span>
        </upload.Form>
      ) : null}
      <FieldError error={error} />
    </div>
  );
}
