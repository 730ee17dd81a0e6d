import { Form } from "@remix-run/react";
import { Field } from "~/ui/form";
import { Card } from "~/ui/layout";

/**
 * Where the published statements live: /transparency/<slug>/<year>, the address to link from the homepage.
 * An admin may change the slug; earlier ones keep redirecting.
 */
export function PublicAddressCard({
  slug,
  suggested,
  previous,
  canEdit,
  error,
  value,
  year,
}: {
  slug: string | null;
  suggested: string | null;
  previous: string[];
  canEdit: boolean;
  error?: string;
  value?: string;
  year: string;
}) {
  return (
    <Card title="Public address">
      <div id="public-address" className="space-y-3 text-sm">
        {slug ? (
          <p>
            Published statements are at <code className="font-mono">/transparency/{slug}/&lt;year&gt;</code>,
            e.g.{" "}
            <a className="text-sky-700 underline" href={`/transparency/${slug}/${year}`}>
              /transparency/{slug}/{year}
            </a>
            . Link it from your homepage.
          </p>
        ) : (
          <p className="text-slate-600">
            Your organisation gets its public address when its first statement is published
            {suggested ? (
              <>
                {" "}
                (<code className="font-mono">/transparency/{suggested}/&lt;year&gt;</code> unless you choose
                another)
              </>
            ) : null}
            .
          </p>
        )}
        {previous.length > 0 ? (
          <p className="text-slate-600">
            Earlier addresses that redirect here: {previous.map((p) => `/transparency/${p}`).join(", ")}
          </p>
        ) : null}
        {canEdit ? (
          <Form method="post" className="flex items-end gap-2">
            <input type="hidden" name="intent" value="public-address" />
            <div className="flex-1">
              <Field
                label="Address name (slug)"
                name="slug"
                defaultValue={value ?? slug ?? suggested ?? ""}
                error={error}
                hint="Lower-case letters, digits and hyphens. The old address keeps redirecting."
                required
              />
            </div>
            <button type="submit" className="btn-secondary">
              Save address
            </button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
