import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formatLimitMb } from "~/evidence/file-types";
import { withUploadForm } from "~/evidence/upload.server";
import { translate } from "~/i18n/translate";
import { env } from "~/infra/env.server";
import { requireSupplierActions, supplierActionsPage } from "~/remediation/supplier-access.server";
import { supplierActionsMessages } from "~/remediation/supplier-i18n.server";
import { runSupplierIntent } from "~/remediation/supplier-intents.server";
import { SupplierActionCard } from "~/remediation/ui/SupplierActionCard";
import { useSubmittingIntent } from "~/ui/intent";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/** The supplier's corrective actions (link + emailed code): only its own supplier's, in its language. */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // In the supplier's language, like the page (the tab's name is read out first).
  { title: `${data?.messages?.["meta.title"] ?? "Corrective actions"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const access = requireSupplierActions(request);
  return {
    lang: access.language,
    messages: supplierActionsMessages(access.language),
    uploadLimit: formatLimitMb(env().UPLOAD_MAX_BYTES),
    uploadMaxBytes: env().UPLOAD_MAX_BYTES,
    ...supplierActionsPage(access),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const access = requireSupplierActions(request);
  return withUploadForm(request, access.ctx.organizationId, "upload", async (form, upload) =>
    runSupplierIntent(access, form, upload),
  );
}

export default function SupplierActions() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busyIntent = useSubmittingIntent();
  const t = translate(d.messages);
  return (
    <div lang={d.lang} className="mx-auto max-w-3xl space-y-6 py-6">
      <h1 className="text-2xl font-semibold">{t("page.title", { supplier: d.supplierName })}</h1>
      <p className="text-slate-700">
        {t("page.intro", { org: d.organizationName, supplier: d.supplierName })}
      </p>
      {d.items.length === 0 ? <p className="text-slate-500">{t("page.none")}</p> : null}
      {d.items.map((item) => (
        <SupplierActionCard
          key={item.id}
          item={item}
          messages={d.messages}
          orgName={d.organizationName}
          result={result as never}
          busyIntent={busyIntent}
          uploadLimit={d.uploadLimit}
          maxBytes={d.uploadMaxBytes}
        />
      ))}
    </div>
  );
}
