/**
 * The one-row form: an input per column, typed by kind, filled with a typical training value.
 * The row is written as a one-row CSV and read by the same reader as a file, so a value typed
 * here is understood exactly as the same value in a CSV would be.
 */
import type { LoadedPipeline } from "../core/automl/artifact/loadPipeline.ts";
import { predictRows } from "../core/automl/artifact/predictRows.ts";
import type { ColumnKind } from "../core/data/frame.ts";
import { readCsv } from "../core/data/readCsv.ts";
import type { ModelCard, ModelCardInput } from "../core/deploy/modelCard.ts";
import { showValue } from "./cardView.ts";
import { el, textTable } from "./dom.ts";

/** A field of the form: its control and how to read its value as CSV text ("" = missing). */
interface Field {
  input: ModelCardInput;
  control: HTMLInputElement | HTMLSelectElement;
}

function fieldFor(input: ModelCardInput, index: number): { field: Field; label: HTMLElement } {
  const id = `field-${index}`;
  let control: HTMLInputElement | HTMLSelectElement;
  if (input.kind === "categorical" && input.levels) {
    control = el(
      "select",
      { id },
      el("option", { value: "" }, "(missing)"),
      ...input.levels.map((l) => el("option", { value: l, selected: l === input.most_frequent }, l)),
    );
  } else if (input.kind === "boolean") {
    const typical = (input.median ?? 0) >= 0.5 ? "true" : "false";
    control = el(
      "select",
      { id },
      el("option", { value: "" }, "(missing)"),
      el("option", { value: "false", selected: typical === "false" }, "false"),
      el("option", { value: "true", selected: typical === "true" }, "true"),
    );
  } else if (input.kind === "numeric") {
    control = el("input", { id, type: "number", step: "any", value: showValue(input.median, "numeric") });
  } else {
    const value =
      input.kind === "datetime" ? showValue(input.median, "datetime") : (input.most_frequent ?? "");
    control = el("input", { id, type: "text", value });
  }
  const label = el(
    "div",
    { class: "field" },
    el("label", { for: id }, input.name),
    control,
    el("small", {}, `${input.kind}; leave empty for a missing value`),
  );
  return { field: { input, control }, label };
}

/** A CSV field, always quoted unless empty (empty is missing). */
const csvCell = (value: string) => (value === "" ? "" : `"${value.replace(/"/g, '""')}"`);

/** The form section for a loaded pipeline and its card. */
export function rowForm(
  card: ModelCard,
  pipeline: LoadedPipeline,
  showError: (msg: string) => void,
): HTMLElement {
  const parts = card.inputs.map(fieldFor);
  const result = el("div", { id: "row-result", "aria-live": "polite" });
  const button = el("button", { type: "submit" }, "Predict");
  const form = el("form", {}, ...parts.map((p) => p.label), button);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      try {
        const header = parts.map((p) => csvCell(p.field.input.name)).join(",");
        const row = parts.map((p) => csvCell(p.field.control.value)).join(",");
        const kinds: Record<string, ColumnKind> = Object.create(null);
        for (const p of parts) kinds[p.field.input.name] = p.field.input.kind;
        const bytes = new TextEncoder().encode(`${header}\n${row}\n`);
        const { frame } = await readCsv(new Blob([bytes]).stream(), { delimiter: ",", kinds });
        const out = predictRows(pipeline, frame);
        result.replaceChildren();
        const prediction = out.predictions[0];
        result.append(
          el(
            "p",
            { class: "answer" },
            "Prediction: ",
            el(
              "strong",
              { id: "row-prediction" },
              typeof prediction === "number" ? String(Number(prediction.toPrecision(8))) : prediction,
            ),
          ),
        );
        if (out.proba) {
          const rows = [...out.proba].map(([label, p]) => [label, p[0].toFixed(4)]);
          result.append(textTable("Probability of each class", ["Class", "Probability"], rows));
        }
      } catch (err) {
        showError((err as Error).message);
      }
    })();
  });
  return el(
    "section",
    { "aria-labelledby": "row-title" },
    el("h2", { id: "row-title" }, "Score one row"),
    form,
    result,
  );
}
