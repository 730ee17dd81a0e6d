import type { PreviewKind } from "../preview";

/**
 * The sandboxed viewer: images as an <img> (which never runs anything), PDFs in a frame with every
 * sandbox restriction (no scripts, no forms, no top navigation, an opaque origin), both loaded from the
 * preview route, which sends its own sandboxing CSP. Other types are offered as a download only.
 */
export function EvidencePreview({
  evidenceId,
  fileName,
  kind,
}: {
  evidenceId: string;
  fileName: string;
  kind: PreviewKind | null;
}) {
  const src = `/evidence/${evidenceId}/preview`;
  if (kind === "image")
    return (
      <img
        src={src}
        alt={`Preview of ${fileName}`}
        className="max-h-[70vh] max-w-full rounded border border-slate-200"
      />
    );
  if (kind === "pdf")
    return (
      <iframe
        src={src}
        title={`Preview of ${fileName}`}
        sandbox=""
        referrerPolicy="no-referrer"
        className="h-[70vh] w-full rounded border border-slate-200"
      />
    );
  return (
    <p className="text-sm text-slate-600">
      No preview for this type in the browser (only PDF, PNG and JPEG files are shown here). Download the file
      to open it.
    </p>
  );
}
