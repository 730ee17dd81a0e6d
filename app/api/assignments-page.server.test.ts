import { expect, it } from "vitest";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { createOrg } from "../../test/factories";
import { callApi, keyFor } from "./testing.server";

type Page = { data: { id: string; supplierId: string; status: string }[]; nextCursor: string | null };

it("questionnaire assignments come in cursor pages, newest first, each exactly once", async () => {
  const org = await createOrg();
  const ctx = org.members.procurement.ctx;
  const supplier = createSupplier(ctx, {
    name: "Paged Mill",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Pat",
    contactEmail: "pat@paged.example.test",
  });
  const sent: string[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await sendQuestionnaire(ctx, {
      supplierId: supplier.id,
      recipientName: `Recipient ${i}`,
      recipientEmail: `r${i}@paged.example.test`,
      dueDate: "2099-01-31",
    });
    sent.push(s.assignmentId);
  }
  const key = keyFor(org.members.admin.ctx);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r = await callApi(
      key,
      "GET",
      `/questionnaires/assignments?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(r.status).toBe(200);
    const page = r.json as Page;
    expect(page.data.length).toBeLessThanOrEqual(2);
    seen.push(...page.data.map((a) => a.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  expect(pages).toBe(3);
  expect(seen.sort()).toEqual([...sent].sort());

  // Filters still apply within pages; a cursor the API never gave out is a 400, not the first page.
  const filtered = (
    await callApi(key, "GET", `/questionnaires/assignments?supplierId=${supplier.id}&limit=500`)
  ).json as Page;
  expect(filtered.data.length).toBe(5);
  expect(filtered.nextCursor).toBeNull();
  const bad = await callApi(key, "GET", "/questionnaires/assignments?cursor=not-a-cursor");
  expect(bad.status).toBe(400);
  expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
});
