import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildHtmlPredictor, MODEL_ELEMENT_ID } from "../../../../src/core/deploy/htmlPredictor.ts";
import { type ModelFile, makeModelFile } from "../../../../src/core/deploy/modelFile.ts";
import { HOSTILE } from "../safe/hostileInputs.ts";
import { offences, parseHtml } from "../safe/parsedHtml.ts";
import { trainedFile } from "./modelFiles.ts";

const SCRIPT = 'document.body.dataset.ran = "yes";';

/** A model file whose target, class labels and input names are hostile text. */
async function hostileFile(base: ModelFile, text: string): Promise<ModelFile> {
  const card = { ...base.card, target: text, model: { ...base.card.model, label: text } };
  card.inputs = card.inputs.map((i, n) => (n === 0 ? { ...i, name: text, levels: [text] } : i));
  return makeModelFile({ ...base.pipeline, target: text }, card);
}

describe("buildHtmlPredictor", async () => {
  const base = await trainedFile("logistic", "species");

  it.each(HOSTILE)(
    "keeps $label in the model as text, with one script allowed by its hash",
    async ({ text }) => {
      const file = await hostileFile(base, text);
      const html = buildHtmlPredictor(file, SCRIPT);
      const parsed = parseHtml(html);
      // The one script is the page's own; nothing else a browser would run or follow.
      const scripts = parsed.elements.filter((e) => e.tagName === "script");
      expect(scripts).toHaveLength(1);
      expect(offences(parsed).filter((o) => o !== "element <script>")).toEqual([]);
      const hash = createHash("sha256").update(SCRIPT).digest("base64");
      expect(parsed.csp).toContain(`script-src 'sha256-${hash}'`);
      expect(parsed.csp).toContain("connect-src 'none'");
      expect(parsed.csp).toContain("default-src 'none'");
      // The model comes back whole from the element's text, as the script reads it.
      const holder = parsed.elements.find((e) =>
        e.attrs.some((a) => a.name === "id" && a.value === MODEL_ELEMENT_ID),
      )!;
      const textNode = holder.childNodes[0] as { value: string };
      const back = JSON.parse(textNode.value.replaceAll("\uFFFD", "\0"));
      expect(back).toEqual(JSON.parse(JSON.stringify(file)));
    },
  );

  it("refuses a script that could end its own element", () => {
    expect(() => buildHtmlPredictor(base, 'x = "</script>";')).toThrow(/<\/script/);
  });
});
