import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AUDIT_SCHEMES } from "~/audits/catalogue";
import { VocabularyForm } from "~/audits/ui/VocabularyForm";
import { getVocabulary, updateVocabulary } from "~/audits/vocabulary.server";
import { readForm } from "~/infra/form.server";
import { formFailure, formValues, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { getGradeTable, updateGradeTable } from "~/remediation/settings.server";
import { GradeTableForm } from "~/remediation/ui/GradeTableForm";
import { Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Deadlines and grades · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "remediation:settings");
  return { ...getGradeTable(ctx), vocabulary: getVocabulary(ctx) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "remediation:settings");
  const form = await readForm(request);
  const intent = form.get("intent");
  form.delete("intent");
  const values = formValues(form);
  if (intent === "deadlines")
    return handle(
      () => {
        updateGradeTable(ctx, values);
        return { ok: true as const, intent, target: undefined, notice: "Deadlines saved." };
      },
      { intent, values },
    );
  if (intent === "vocabulary") {
    const scheme = String(values.scheme ?? "");
    const words: Record<string, string> = {};
    for (const [k, v] of Object.entries(values))
      if (k.startsWith("words.") && typeof v === "string") words[k.slice(6)] = v;
    const newWord = typeof values.newWord === "string" && values.newWord.trim() ? values.newWord : undefined;
    const newGrade = typeof values.newGrade === "string" && values.newGrade ? values.newGrade : undefined;
    return handle(
      () => {
        updateVocabulary(ctx, {
          scheme: scheme as never,
          words: words as never,
          newWord,
          newGrade: newGrade as never,
        });
        return { ok: true as const, intent, target: scheme, notice: `${scheme} grade words saved.` };
      },
      { intent, target: scheme, values },
    );
  }
  return formFailure(400, { formError: "Unknown form submission." });
}

export default function RemediationSettings() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const failure = (intent: string, target?: string) =>
    result && !result.ok && result.intent === intent && (target === undefined || result.target === target)
      ? result
      : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Deadlines and grades"
        subtitle="How long a supplier has for a plan and for resolution, by grade; and how each audit scheme's grade words map onto your scale."
      />
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      <Card title="Deadlines by grade">
        <GradeTableForm
          table={d.table}
          defaults={d.defaults}
          failure={failure("deadlines")}
          busy={busy === "deadlines"}
        />
      </Card>
      {AUDIT_SCHEMES.map((scheme) => (
        <Card key={scheme} title={`${scheme} grade words`}>
          <VocabularyForm
            scheme={scheme}
            words={d.vocabulary[scheme]}
            failure={failure("vocabulary", scheme)}
            busy={busy === "vocabulary"}
          />
        </Card>
      ))}
    </div>
  );
}
