import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, Select, TextArea } from "./form";

/** The control's attributes and the text of the element its aria-describedby points at. */
function wiring(html: string, tag: "input" | "select" | "textarea") {
  const control = new RegExp(`<${tag}\\b[^>]*>`).exec(html)![0];
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(control)?.[1];
  const describedBy = attr("aria-describedby");
  const described = describedBy
    ? new RegExp(`<p[^>]*\\sid="${describedBy}"[^>]*>([^<]*)</p>`).exec(html)?.[1]
    : undefined;
  const label = new RegExp(`<label[^>]*for="${attr("id")}"[^>]*>([^<]*)</label>`).exec(html)?.[1];
  return { invalid: attr("aria-invalid"), described, label };
}

describe("the shared field frame ties each message to its control", () => {
  const cases = [
    ["input", (p: { error?: string; hint?: string }) => <Field label="Country" name="country" {...p} />],
    [
      "select",
      (p: { error?: string; hint?: string }) => (
        <Select label="Country" name="country" {...p}>
          <option value="">Choose</option>
        </Select>
      ),
    ],
    [
      "textarea",
      (p: { error?: string; hint?: string }) => <TextArea label="Country" name="country" {...p} />,
    ],
  ] as const;

  for (const [tag, render] of cases) {
    it(`${tag}: an error marks it invalid and is its description; otherwise the hint is`, () => {
      const failed = wiring(renderToStaticMarkup(render({ error: "Choose a country", hint: "ISO" })), tag);
      expect(failed).toEqual({ invalid: "true", described: "Choose a country", label: "Country" });

      const fine = wiring(renderToStaticMarkup(render({ hint: "Where the goods are made" })), tag);
      expect(fine).toEqual({ invalid: undefined, described: "Where the goods are made", label: "Country" });
    });
  }
});
