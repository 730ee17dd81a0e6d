import { Link } from "@remix-run/react";

/** A refused single sign-on callback: what went wrong, and that nobody was signed in. */
export function SsoRefused({ message }: { message: string }) {
  return (
    <div className="mx-auto max-w-md py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Single sign-on did not work</h1>
      <div
        role="alert"
        className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
      >
        {message}
      </div>
      <p className="mt-3 text-sm text-slate-600">
        You are not signed in. If this keeps happening, tell your organisation&apos;s admin: the attempt is in
        its audit log.
      </p>
      <p className="mt-4 flex gap-4 text-sm">
        <Link to="/login/sso" className="link">
          Try single sign-on again
        </Link>
        <Link to="/login" className="link">
          Log in with a password
        </Link>
      </p>
    </div>
  );
}
