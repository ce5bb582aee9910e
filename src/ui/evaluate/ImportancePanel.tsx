import { Match, Show, Switch } from "solid-js";
import { unwrap } from "solid-js/store";
import type { ModelInsights } from "../../core/automl/evaluation/modelInsights.ts";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import type { RunRecord } from "../../persist/types.ts";
import { trainClient } from "../bridges/trainClient.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { importanceSpec } from "../charts/specs/importanceSpec.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { CallProgress } from "./CallProgress.tsx";
import { createWorkerCall } from "./createWorkerCall.ts";

/**
 * Feature importance: the tree models' own (impurity decrease, from the fitted model) at once, and
 * permutation importance for any model on demand (the score lost when a column is shuffled).
 */
export function ImportancePanel(props: {
  run: RunRecord;
  entry: LeaderboardEntry;
  insights: ModelInsights | null;
}) {
  const [call, actions] = createWorkerCall(
    () => `pi:${props.run.id}:${props.entry.model}`,
    (opts) => trainClient.permutationImportance(unwrap(props.run), props.entry.model, opts),
  );
  const own = () => props.insights?.featureImportances ?? null;
  return (
    <section class="eval-section" aria-labelledby="fi-heading" data-testid="importance">
      <h4 id="fi-heading">Feature importance</h4>
      <Show when={own()}>
        {(items) => (
          <PlotFigure
            kind="tree-importance"
            caption="The model's own importance: share of the impurity decrease from each feature's splits"
            spec={(w) =>
              importanceSpec(
                items().map((d) => ({ name: d.feature, value: d.importance })),
                { valueLabel: "Share of impurity decrease", subject: "model features", width: w },
              )
            }
          />
        )}
      </Show>
      <Switch>
        <Match when={call.status === "running"}>
          <CallProgress
            progress={call.progress}
            label="Permutation importance progress"
            onCancel={actions.cancel}
          />
        </Match>
        <Match when={call.status === "done" && call.result}>
          {(pi) => (
            <PlotFigure
              kind="permutation-importance"
              caption={`Permutation importance on the ${pi().part === "test" ? "test part" : "validation folds"}: ${METRICS[pi().metric].label} lost when a column is shuffled`}
              spec={(w) =>
                importanceSpec(
                  pi().columns.map((c) => ({ name: c.column, value: c.mean, std: c.std })),
                  { valueLabel: `${METRICS[pi().metric].label} lost`, subject: "input columns", width: w },
                )
              }
            />
          )}
        </Match>
        <Match when={true}>
          <p class="hint">
            Permutation importance shuffles each input column in turn and measures how much the score drops;
            it works for every model.
          </p>
          <button type="button" data-testid="compute-importance" onClick={() => void actions.run()}>
            Compute permutation importance
          </button>
        </Match>
      </Switch>
      <ErrorAlert message={call.error} />
    </section>
  );
}
