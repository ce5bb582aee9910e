import type { RegressionEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { predictedActualSpec } from "../charts/specs/predictedActualSpec.ts";
import { residualHistogramSpec, residualSpec } from "../charts/specs/residualSpec.ts";

/** A regression model's predictions against the truth, its residuals and their distribution. */
export function RegressionCharts(props: { part: RegressionEvaluation; target: string }) {
  const plots = () => props.part.plots;
  return (
    <div class="chart-grid">
      <PlotFigure
        kind="predicted-actual"
        spec={(w) =>
          predictedActualSpec(plots().actual, plots().predicted, {
            target: props.target,
            sampledFrom: props.part.rows,
            width: w,
          })
        }
      />
      <PlotFigure
        kind="residuals"
        spec={(w) =>
          residualSpec(plots().residuals.predicted, plots().residuals.residual, {
            target: props.target,
            width: w,
          })
        }
      />
      <PlotFigure
        kind="residual-histogram"
        spec={(w) => residualHistogramSpec(plots().residualHistogram, { width: w })}
      />
    </div>
  );
}
