/**
 * The single-file HTML predictor's script: reads the model file embedded in the page as text,
 * checks it with the same reader as the app and the command line (a file edited after export is
 * refused), then shows the model card, a one-row form and CSV scoring. Nothing is fetched: the
 * page's Content-Security-Policy allows no connection at all.
 */
import { ready } from "@tensorflow/tfjs";
import { MODEL_ELEMENT_ID } from "../core/deploy/htmlPredictor.ts";
import { parseModelJson, readModelFile } from "../core/deploy/modelFile.ts";
import { batchScoring } from "./batchScoring.ts";
import { cardView } from "./cardView.ts";
import { el, setText } from "./dom.ts";
import { rowForm } from "./rowForm.ts";

async function start(): Promise<void> {
  const app = document.getElementById("app");
  const source = document.getElementById(MODEL_ELEMENT_ID);
  if (!app || !source) return;
  const alert = el("p", { id: "error", role: "alert" });
  const showError = (msg: string) => setText(alert, msg);
  const boot = document.getElementById("boot");
  try {
    const { file, pipeline, notes } = await readModelFile(parseModelJson(source.textContent ?? ""), {
      // The neural net predicts with tfjs' CPU backend, the one this page bundles.
      beforeProbe: async (loaded) => {
        if (loaded.members.some((m) => m.modelId === "mlp")) await ready();
      },
    });
    boot?.remove();
    app.append(
      alert,
      cardView(file, notes),
      rowForm(file.card, pipeline, showError),
      batchScoring(pipeline, showError),
    );
    document.body.dataset.ready = "true";
  } catch (err) {
    if (boot) setText(boot, "This model cannot be used.");
    app.append(alert);
    showError(`The model in this file was refused: ${(err as Error).message}`);
    document.body.dataset.ready = "refused";
  }
}

void start();
