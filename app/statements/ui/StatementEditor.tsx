import { Form } from "@remix-run/react";
import { FieldError } from "~/ui/form";
import { Card } from "~/ui/layout";
import {
  APPROVAL_OPTION_TEXT,
  APPROVAL_OPTIONS,
  CA_CATEGORY_TEXT,
  CA_ENTITY_CATEGORIES,
  type StatementDetails,
} from "../details";
import type { Narrative, RegimeTemplate } from "../regimes";

type Values = Record<string, string | string[]> | undefined;
const v = (values: Values, name: string, fallback: string) => {
  const x = values?.[name];
  return typeof x === "string" ? x : fallback;
};

/** The edit form: one textarea per criterion of the regime, then the regime's identification details. */
export function StatementEditor({
  template,
  narrative,
  details,
  errors,
  values,
  busy,
}: {
  template: RegimeTemplate;
  narrative: Narrative;
  details: StatementDetails;
  errors: Record<string, string>;
  values: Values;
  busy: boolean;
}) {
  const au = template.regime === "au_msa_s16";
  const ca = template.regime === "ca_s211";
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      {au || ca ? (
        <Card title="Identification">
          <div className="grid gap-4 sm:grid-cols-2">
            {au ? (
              <TextInput
                name="identifiers"
                label="ABN / ACN"
                value={v(values, "identifiers", details.identifiers)}
                error={errors.identifiers}
              />
            ) : (
              <TextInput
                name="businessNumbers"
                label="Business number(s)"
                value={v(values, "businessNumbers", details.businessNumbers)}
                error={errors.businessNumbers}
              />
            )}
            {ca ? (
              <>
                <TextInput
                  name="sector"
                  label="Sector or industry"
                  value={v(values, "sector", details.sector)}
                  error={errors.sector}
                />
                <TextInput
                  name="otherJurisdictions"
                  label="Reports under other jurisdictions' laws"
                  value={v(values, "otherJurisdictions", details.otherJurisdictions)}
                  error={errors.otherJurisdictions}
                />
                <div>
                  <label htmlFor="f-entityCategory" className="label">
                    Entity category
                  </label>
                  <select
                    id="f-entityCategory"
                    name="entityCategory"
                    className="input"
                    defaultValue={v(values, "entityCategory", details.entityCategory ?? "")}
                  >
                    <option value="">Choose…</option>
                    {CA_ENTITY_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {CA_CATEGORY_TEXT[c]}
                      </option>
                    ))}
                  </select>
                </div>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="bilingual" defaultChecked={details.bilingual} /> Bilingual
                  report (English and French)
                </label>
              </>
            ) : null}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="joint" defaultChecked={details.joint} />{" "}
              {au ? "Joint statement (s.14)" : "Joint report"}
            </label>
            <div className="sm:col-span-2">
              <label htmlFor="f-jointEntities" className="label">
                Entities covered (one per line)
              </label>
              <textarea
                id="f-jointEntities"
                name="jointEntities"
                rows={3}
                className="input"
                defaultValue={v(values, "jointEntities", details.jointEntities.join("\n"))}
              />
            </div>
            {au ? (
              <>
                <div className="sm:col-span-2">
                  <label htmlFor="f-approvalOption" className="label">
                    Approval option used (joint statements, s.14(2)(d))
                  </label>
                  <select
                    id="f-approvalOption"
                    name="approvalOption"
                    className="input"
                    defaultValue={v(values, "approvalOption", details.approvalOption ?? "")}
                  >
                    <option value="">Not a joint statement / not chosen</option>
                    {APPROVAL_OPTIONS.map((o) => (
                      <option key={o} value={o}>
                        {APPROVAL_OPTION_TEXT[o]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor="f-approvalExplanation" className="label">
                    Why approval by each entity was not practicable (option iii)
                  </label>
                  <textarea
                    id="f-approvalExplanation"
                    name="approvalExplanation"
                    rows={2}
                    className="input"
                    defaultValue={v(values, "approvalExplanation", details.approvalExplanation)}
                  />
                </div>
              </>
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card title={`Statement text: ${template.edition}`}>
        <div className="space-y-5">
          {template.criteria.map((c) => {
            const name = `n.${c.key}`;
            return (
              <div key={c.key} id={`c-${c.key}`}>
                <label htmlFor={`f-${c.key}`} className="label">
                  {c.heading}
                  {c.mandatory ? "" : " (recommended)"}
                </label>
                <p id={`f-${c.key}-hint`} className="mb-1 text-xs text-slate-500">
                  {c.law}. Guidance: {c.guidance.join("; ")}.
                </p>
                <textarea
                  id={`f-${c.key}`}
                  name={name}
                  rows={5}
                  className="input"
                  defaultValue={v(values, name, narrative[c.key] ?? "")}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={errors[name] ? `f-${c.key}-error` : `f-${c.key}-hint`}
                />
                <FieldError id={`f-${c.key}-error`} error={errors[name]} />
                {ca && details.bilingual ? (
                  <div className="mt-2">
                    <label htmlFor={`f-fr-${c.key}`} className="label">
                      Texte français
                    </label>
                    <textarea
                      id={`f-fr-${c.key}`}
                      name={`fr.${c.key}`}
                      rows={4}
                      className="input"
                      defaultValue={v(values, `fr.${c.key}`, details.narrativeFr[c.key] ?? "")}
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="mt-4 flex justify-end">
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </Card>
    </Form>
  );
}

function TextInput({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="label">
        {label}
      </label>
      <input
        id={`f-${name}`}
        name={name}
        className="input"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
      />
      <FieldError error={error} />
    </div>
  );
}
