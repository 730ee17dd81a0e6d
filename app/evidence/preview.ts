/** Types shown inline in the sandboxed viewer (by the type detected from the bytes at upload). */
const PREVIEWS = {
  "image/png": "image",
  "image/jpeg": "image",
  "application/pdf": "pdf",
} as const;

export type PreviewKind = (typeof PREVIEWS)[keyof typeof PREVIEWS];

/** How the viewer shows a file of this type: an <img>, a sandboxed frame, or not at all (null). */
export function previewKind(contentType: string): PreviewKind | null {
  return (PREVIEWS as Record<string, PreviewKind>)[contentType] ?? null;
}
