/**
 * The single-file HTML predictor: one page holding the model file (as escaped text, read by the
 * script with textContent), the predictor script (src/predictor, built into one IIFE) and its
 * styles, under its own Content-Security-Policy (htmlDocument: only that one inline script by its
 * hash, `connect-src 'none'`, nothing from anywhere). It opens from file:// and fetches nothing.
 */
import { htmlDocument } from "../safe/htmlDocument.ts";
import { h } from "../safe/serializeMarkup.ts";
import type { ModelFile } from "./modelFile.ts";

/** Id of the element whose text is the model file (the predictor script reads it). */
export const MODEL_ELEMENT_ID = "model-file";

/** The page's constant style sheet (no "<", "&", url() or @import: htmlDocument refuses them). */
export const PREDICTOR_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #f7f8fa; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; color: #1f4e79; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #c9d1da; padding-bottom: .25rem; }
section { background: #fff; border: 1px solid #dde3ea; border-radius: 8px; padding: .5rem 1rem 1rem; margin-top: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin-top: .75rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #dde3ea; padding: .25rem .5rem; text-align: left; }
form { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem; align-items: end; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field small { color: #4a5561; }
input, select, button { font: inherit; padding: .3rem .4rem; }
button { background: #1f4e79; color: #fff; border: 0; border-radius: 4px; padding: .4rem .9rem; cursor: pointer; }
button:disabled { background: #8a97a6; cursor: default; }
#error:empty { display: none; }
#error { color: #8a1c1c; background: #fdecec; border: 1px solid #e3a0a0; padding: .5rem; border-radius: 4px; }
.note { color: #4a5561; font-style: italic; }
.answer { font-size: 1.1rem; }
`;

/**
 * The HTML predictor of a model file. `predictorJs` is the built predictor script
 * (generated/predictor/predictor.js; the CLI reads it from disk, the app imports it with `?raw`).
 */
export function buildHtmlPredictor(file: ModelFile, predictorJs: string): string {
  const card = file.card;
  const title = `Predictor: ${card.model.label} for "${card.target}"`;
  return htmlDocument({
    title,
    css: PREDICTOR_CSS,
    body: [
      h(
        "main",
        { id: "app" },
        h("h1", null, title),
        h("p", { id: "boot" }, "Loading the model... This page needs JavaScript; it sends nothing anywhere."),
      ),
      h("div", { id: MODEL_ELEMENT_ID, hidden: true }, JSON.stringify(file)),
    ],
    script: predictorJs,
  });
}
