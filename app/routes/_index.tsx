import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { optionalMember } from "~/orgs/guard.server";

export const meta: MetaFunction = () => [{ title: "Clearsource · Forced-labour due diligence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (optionalMember(request)) throw redirect("/dashboard");
  return null;
}

export default function Landing() {
  return (
    <div className="mx-auto max-w-3xl py-16 text-center">
      <h1 className="text-4xl font-semibold tracking-tight text-slate-900">
        Find and fix forced labour in your supply chain.
      </h1>
      <p className="mt-4 text-lg text-slate-600">
        Map suppliers across tiers, send forced-labour self-assessments in their language, record audits and
        evidence, see explainable risk, and export a modern slavery statement your board can sign.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/signup" className="btn-primary">
          Create an organisation
        </Link>
        <Link to="/login" className="btn-secondary">
          Log in
        </Link>
      </div>
    </div>
  );
}
