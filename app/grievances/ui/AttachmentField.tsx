/**
 * The optional file of a report or a later message: a plain file input (the form posts multipart
 * without JavaScript). The help says what is removed from the file before it is kept.
 */
export function AttachmentField(props: { label: string; help: string; accept: string; error?: string }) {
  return (
    <div className="mt-5">
      <label htmlFor="file" className="label">
        {props.label}
      </label>
      <p id="file-hint" className="text-sm text-slate-600">
        {props.help}
      </p>
      <input
        id="file"
        name="file"
        type="file"
        accept={props.accept}
        className="mt-1 block w-full text-base"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? "file-error" : "file-hint"}
      />
      {props.error ? (
        <p id="file-error" role="alert" className="mt-1 text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
