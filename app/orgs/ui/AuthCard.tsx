import type { ReactNode } from "react";

/** The narrow centred card of the signed-out pages (log-in, sign-up, password reset, two-factor). */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {intro ? <div className="mt-1 text-sm text-slate-500">{intro}</div> : null}
      <div className="card mt-6 space-y-4 p-6">{children}</div>
    </div>
  );
}

/** "Check your inbox": the same words whether or not the address has an account. */
export function CheckInbox({ email, what }: { email: string; what: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-700" role="status">
      <p>
        We sent an email to <strong>{email}</strong> {what}
      </p>
      <p className="text-slate-500">
        It can take a minute to arrive. Nothing there? Check the spam folder, or send the form again.
      </p>
    </div>
  );
}
