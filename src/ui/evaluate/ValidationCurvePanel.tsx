import { createSignal, For, Match, Show, Switch } from "solid-js";
import { unwrap } from "solid-js/store";
import { PLAYGROUND_SLIDERS } from "../../core/automl/boundary/playgroundParams.ts";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import type { ModelId } from "../../core/models/modelMeta.ts";
import type { RunRecord } from "../../persist/types.ts";
import { boundaryClient } from "../boundary/boundaryClient.ts";
import { validationCurveSpec } from "../boundary/validationCurveSpec.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { CallProgress } from "./CallProgress.tsx";
import { createWorkerCall } from "./createWorkerCall.ts";

/**
 * The model's validation curve: its score against one hyperparameter, on the training rows and on
 * held-out rows (3 seeded folds, 7 values, the project's recipe), computed on demand in workers.
 */
export function ValidationCurvePanel(props: { run: RunRecord; entry: LeaderboardEntry }) {
  const sliders = () => PLAYGROUND_SLIDERS[props.entry.model as ModelId] ?? [];
  const [param, setParam] = createSignal(sliders()[0]?.name ?? "");
  const [call, actions] = createWorkerCall(
    () => `vc:${props.run.id}:${props.entry.model}:${param()}`,
    (opts) =>
      boundaryClient.validationCurve(
        { datasetId: props.run.datasetId, settings: structuredClone(unwrap(props.run.settings)) },
        props.entry.model as ModelId,
        param(),
        opts,
      ),
  );
  const selectId = `vc-param-${props.entry.model}`;
  return (
    <Show when={sliders().length > 0}>
      <section class="eval-section" aria-labelledby="vc-heading" data-testid="validation-curve">
        <h4 id="vc-heading">Validation curve</h4>
        <Switch>
          <Match when={call.status === "running"}>
            <CallProgress
              progress={call.progress}
              label="Validation curve progress"
              onCancel={actions.cancel}
            />
          </Match>
          <Match when={call.status === "done" && call.result}>
            {(curve) => (
              <PlotFigure
                kind="validation-curve"
                spec={(w) =>
                  validationCurveSpec(curve(), {
                    metricLabel: METRICS[curve().metric].label,
                    direction: METRICS[curve().metric].direction,
                    width: w,
                  })
                }
              />
            )}
          </Match>
          <Match when={true}>
            <p class="hint">
              Trains the model at 7 values of one hyperparameter (3 folds each) to show where it starts to
              overfit: the training score keeps rising while the validation score falls.
            </p>
          </Match>
        </Switch>
        <Show when={call.status !== "running"}>
          <div class="field inline">
            <label for={selectId}>Hyperparameter</label>
            <select id={selectId} data-testid="vc-param" onChange={(e) => setParam(e.currentTarget.value)}>
              <For each={sliders()}>
                {(s) => (
                  <option value={s.name} selected={s.name === param()}>
                    {s.label}
                  </option>
                )}
              </For>
            </select>
            <button type="button" data-testid="compute-validation-curve" onClick={() => void actions.run()}>
              Compute the validation curve
            </button>
          </div>
        </Show>
        <ErrorAlert message={call.error} />
      </section>
    </Show>
  );
}
