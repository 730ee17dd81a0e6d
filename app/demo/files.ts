/** A one-page PDF: enough for the demo's evidence (the type is checked by content). */
const DEMO_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export function demoPdf(name: string): File {
  return new File([DEMO_PDF], name, { type: "application/pdf" });
}
