import { formatIndicator } from "../facts";
import { formatLongDate } from "../period";
import type { PublicStatement as PublicStatementData } from "../public.server";

/** One published statement on the public page: its text, approval, figures and PDF. */
export function PublicStatement({ statement: s }: { statement: PublicStatementData }) {
  return (
    <article className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" data-regime={s.regime}>
      <div>
        <h2 className="text-xl font-semibold text-slate-900">
          {s.title} {s.financialYear}
        </h2>
        <p className="text-sm text-slate-600">
          {s.regimeName} · {formatLongDate(s.periodStart)} – {formatLongDate(s.periodEnd)}
          {s.version > 1 ? ` · revised (version ${s.version}): ${s.revisionNote}` : ""}
        </p>
        <p className="mt-2 text-sm">
          <a href={s.pdfUrl} className="link">
            Download the signed PDF
          </a>
        </p>
      </div>
      {s.sections.map((sec) => (
        <section key={sec.key}>
          <h3 className="font-semibold text-slate-900">{sec.heading}</h3>
          <p className="whitespace-pre-line text-sm text-slate-700">
            {sec.text || "No information provided."}
          </p>
        </section>
      ))}
      <section>
        <h3 className="font-semibold text-slate-900">Figures (as of {formatLongDate(s.facts.asOf)})</h3>
        <table className="table text-sm">
          <tbody className="divide-y divide-slate-100">
            {s.facts.indicators.map((i) => (
              <tr key={i.key}>
                <td>{i.label}</td>
                <td className="text-right">{formatIndicator({ ...i, records: [] })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="border-t border-slate-200 pt-3 text-sm text-slate-800">
        <p>{s.approval}</p>
        {s.signatory.name ? (
          <p className="mt-1">
            Signed: {s.signatory.name}
            {s.signatory.title ? `, ${s.signatory.title}` : ""}
            {s.signatory.signedOn ? `, ${formatLongDate(s.signatory.signedOn)}` : ""}
          </p>
        ) : null}
      </section>
    </article>
  );
}
