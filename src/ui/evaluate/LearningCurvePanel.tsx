import { Match, Switch } from "solid-js";
import { unwrap } from "solid-js/store";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import type { RunRecord } from "../../persist/types.ts";
import { trainClient } from "../bridges/trainClient.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { learningCurveSpec } from "../charts/specs/learningCurveSpec.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { CallProgress } from "./CallProgress.tsx";
import { createWorkerCall } from "./createWorkerCall.ts";

/** The model's learning curve, computed on demand in the workers (15 more fits by default). */
export function LearningCurvePanel(props: { run: RunRecord; entry: LeaderboardEntry }) {
  const [call, actions] = createWorkerCall(
    () => `lc:${props.run.id}:${props.entry.model}`,
    (opts) => trainClient.learningCurve(unwrap(props.run), props.entry.model, opts),
  );
  return (
    <section class="eval-section" aria-labelledby="lc-heading" data-testid="learning-curve">
      <h4 id="lc-heading">Learning curve</h4>
      <Switch>
        <Match when={call.status === "running"}>
          <CallProgress progress={call.progress} label="Learning curve progress" onCancel={actions.cancel} />
        </Match>
        <Match when={call.status === "done" && call.result}>
          {(curve) => (
            <PlotFigure
              kind="learning-curve"
              spec={(w) =>
                learningCurveSpec(curve(), { metricLabel: METRICS[curve().metric].label, width: w })
              }
            />
          )}
        </Match>
        <Match when={true}>
          <p class="hint">
            Trains the model on growing shares of the training rows (3 folds, 5 sizes) to show whether more
            data would help.
          </p>
          <button type="button" data-testid="compute-learning-curve" onClick={() => void actions.run()}>
            Compute the learning curve
          </button>
        </Match>
      </Switch>
      <ErrorAlert message={call.error} />
    </section>
  );
}
