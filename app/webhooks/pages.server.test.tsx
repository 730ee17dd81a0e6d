import { describe, expect, it } from "vitest";
import WebhookSettings, {
  action as settingsAction,
  loader as settingsLoader,
} from "~/routes/settings.webhooks";
import WebhookEndpointPage, {
  action as endpointAction,
  loader as endpointLoader,
} from "~/routes/settings.webhooks_.$endpointId";
import { createOrg, requestAs } from "../../test/factories";
import { renderPage, routeArgs } from "../../test/render";

type Result = { data: unknown; init: { status?: number } | null };
const post = (r: unknown) => r as Result;

describe("webhook settings pages", () => {
  it("adds an endpoint: the secret is shown once; bad input re-renders with field errors and what was typed", async () => {
    const org = await createOrg();
    const admin = org.members.admin;
    const bad = post(
      await settingsAction(
        routeArgs(
          requestAs(admin, "/settings/webhooks", {
            form: { intent: "create", url: "erp.example.com/hooks", description: "ERP <prod>" },
          }),
        ),
      ),
    );
    expect(bad.init?.status).toBe(400);
    const data = await settingsLoader(routeArgs(requestAs(admin, "/settings/webhooks")));
    const html = await renderPage(
      WebhookSettings,
      data,
      "/settings/webhooks",
      "/settings/webhooks",
      bad.data,
    );
    expect(html).toContain("Enter a full address");
    expect(html).toContain("Choose at least one event.");
    expect(html).toContain('value="erp.example.com/hooks"');
    expect(html).toContain("ERP &lt;prod&gt;");

    const good = (await settingsAction(
      routeArgs(
        requestAs(admin, "/settings/webhooks", {
          form: {
            intent: "create",
            url: "https://erp.example.com/hooks",
            eventTypes: ["finding.raised", "action.overdue"],
          },
        }),
      ),
    )) as { ok: true; secret: string; endpointId: string };
    expect(good.secret).toMatch(/^whsec_/);
    const after = await settingsLoader(routeArgs(requestAs(admin, "/settings/webhooks")));
    const shown = await renderPage(WebhookSettings, after, "/settings/webhooks", "/settings/webhooks", good);
    expect(shown).toContain(good.secret);
    expect(shown).toContain("https://erp.example.com/hooks");
    // Reloaded without the action's answer, the secret is gone for good.
    const again = await renderPage(WebhookSettings, after, "/settings/webhooks", "/settings/webhooks");
    expect(again).not.toContain(good.secret);
    expect(again).not.toContain("whsec_");

    // The endpoint page: its delivery log and settings; a bad edit keeps the form with its error.
    const path = `/settings/webhooks/${good.endpointId}`;
    const params = { endpointId: good.endpointId };
    const edit = post(
      await endpointAction(
        routeArgs(
          requestAs(admin, path, { form: { intent: "update", url: "https://x.example.com/h" } }),
          params,
        ),
      ),
    );
    expect(edit.init?.status).toBe(400);
    const view = await endpointLoader(routeArgs(requestAs(admin, path), params));
    const page = await renderPage(
      WebhookEndpointPage,
      view,
      path,
      "/settings/webhooks/:endpointId",
      edit.data,
    );
    expect(page).toContain("No deliveries yet");
    expect(page).toContain("Choose at least one event.");
    expect(page).toContain('value="https://x.example.com/h"');
  });
});
