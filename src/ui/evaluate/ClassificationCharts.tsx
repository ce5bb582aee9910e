import { createMemo, createSignal, Show } from "solid-js";
import type { ClassificationEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { calibrationSpec } from "../charts/specs/calibrationSpec.ts";
import { confusionSpec } from "../charts/specs/confusionSpec.ts";
import { prSpec } from "../charts/specs/prSpec.ts";
import { rocSpec } from "../charts/specs/rocSpec.ts";
import { ThresholdControl } from "./ThresholdControl.tsx";
import { atThreshold } from "./thresholdView.ts";

const CONFUSION_MAX_WIDTH = 460;

/** A classifier's confusion matrix (live at a threshold for two classes), ROC, PR and calibration. */
export function ClassificationCharts(props: {
  part: ClassificationEvaluation;
  classes: string[];
  partLabel: string;
}) {
  const [threshold, setThreshold] = createSignal(0.5);
  const point = createMemo(() => {
    const sweep = props.part.thresholdSweep;
    return sweep ? atThreshold(sweep, threshold()) : null;
  });
  const counts = () => point()?.counts ?? props.part.confusion.counts;
  const subject = () =>
    point() ? `${props.partLabel} at threshold ${threshold().toFixed(2)}` : props.partLabel;
  const curves = () => props.part.curves;
  return (
    <div class="eval-classification">
      <div class="confusion-block">
        <PlotFigure
          kind="confusion"
          spec={(w) =>
            confusionSpec(counts(), props.classes, {
              width: Math.min(w, CONFUSION_MAX_WIDTH),
              subject: subject(),
            })
          }
        />
        <Show when={props.part.positiveClass && props.part.thresholdSweep}>
          <ThresholdControl
            positiveClass={props.part.positiveClass ?? ""}
            value={threshold()}
            point={point()}
            onChange={setThreshold}
          />
        </Show>
      </div>
      <Show
        when={curves().length > 0}
        fallback={
          <p class="hint">
            This model gives no class probabilities, so there are no ROC, precision-recall or calibration
            curves.
          </p>
        }
      >
        <div class="chart-grid">
          <PlotFigure
            kind="roc"
            spec={(w) =>
              rocSpec(
                curves().map((c) => ({ class: c.class, fpr: c.roc.fpr, tpr: c.roc.tpr, auc: c.auc })),
                { width: w },
              )
            }
          />
          <PlotFigure
            kind="pr"
            spec={(w) =>
              prSpec(
                curves().map((c) => ({
                  class: c.class,
                  recall: c.pr.recall,
                  precision: c.pr.precision,
                  averagePrecision: c.averagePrecision,
                })),
                { width: w },
              )
            }
          />
          <PlotFigure
            kind="calibration"
            spec={(w) =>
              calibrationSpec(
                curves().map((c) => ({ class: c.class, ...c.calibration })),
                { width: w },
              )
            }
          />
        </div>
      </Show>
    </div>
  );
}
