import { createMemo, For, Show } from "solid-js";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { bestTrialScore, foldsKeepingDefaults } from "../../core/automl/tune/bestTrial.ts";
import { candidatePoints, paramEffects, paramGrid } from "../../core/automl/tune/tuningViews.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import { MODEL_CATALOGUE } from "../../core/models/catalogue.ts";
import type { ParamSpace } from "../../core/models/registry.ts";
import type { RunRecord } from "../../persist/types.ts";
import { formatNumber, formatScore } from "../charts/formatNumber.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { gridSpec, paramSpec, trialsSpec } from "./tuningSpecs.ts";

/**
 * How a tuned model's search went: its best trial beside the defaults, score by trial, score
 * against each hyperparameter, and a heatmap of the two that explain the most. Nothing for a model
 * trained on its defaults.
 */
export function TuningPanel(props: { run: RunRecord; entry: LeaderboardEntry }) {
  const tuning = () => props.entry.tuning;
  const meta = () => MODEL_CATALOGUE.find((m) => m.id === props.entry.model);
  const space = createMemo<ParamSpace>(() => {
    const all = { ...(meta()?.paramSpace ?? {}) };
    const rounds = meta()?.tuneRounds?.param;
    if (rounds) delete all[rounds];
    return all;
  });
  const points = createMemo(() => {
    const t = tuning();
    if (!t) return [];
    const defaults = {
      ...(meta()?.defaults ?? {}),
      ...(props.run.settings.params?.[props.entry.model] ?? {}),
    };
    return candidatePoints(t, space(), defaults as Record<string, unknown>);
  });
  const effects = createMemo(() => paramEffects(points(), space()));
  const metric = () => props.entry.metric;
  const label = () => METRICS[metric()].label;
  const kept = () => {
    const t = tuning();
    return t ? foldsKeepingDefaults(t, metric()) : 0;
  };
  const chosen = () => {
    const t = tuning();
    if (!t) return "";
    const drawn = t.candidates[t.final];
    const names = Object.keys(drawn);
    return names.length === 0
      ? "the defaults"
      : names
          .map(
            (n) =>
              `${n} = ${typeof drawn[n] === "number" ? formatNumber(drawn[n] as number) : String(drawn[n])}`,
          )
          .join(", ");
  };
  return (
    <Show when={tuning()}>
      {(t) => (
        <section class="eval-section" aria-labelledby="tuning-heading" data-testid="tuning-panel">
          <h4 id="tuning-heading">Tuning</h4>
          <p data-testid="tuning-summary">
            {t().candidates.length} candidates, {t().trials.length} trials by successive halving in each of{" "}
            {Object.keys(t().rungs).length} folds (
            {t().resource === "rows"
              ? "rungs budget training rows"
              : `rungs budget ${(t().resource as { param: string }).param}`}
            ). Best trial {formatScore(bestTrialScore(t(), metric()))} against the defaults'{" "}
            {formatScore(t().default_score)} (inner {label()}, mean over the folds). The refit uses {chosen()}
            .
            <Show when={kept() > 0}>
              {" "}
              {kept()} of {t().chosen.length} folds kept the defaults: a trial replaces them only when it
              beats them clearly on the inner score, so that noise on small inner folds does not pick the
              model.
            </Show>
          </p>
          <p class="hint">
            Inner scores come from each fold's own training rows; the leaderboard's cross-validated score is
            the tuned model's on the fold's held-out rows, which the search never saw.
          </p>
          <PlotFigure
            kind="tuning-trials"
            spec={(w) => trialsSpec(t(), { metric: metric(), metricLabel: label(), width: w })}
          />
          <Show when={effects().length >= 2}>
            <PlotFigure
              kind="tuning-heatmap"
              spec={(w) =>
                gridSpec(
                  paramGrid(points(), space(), effects()[0].param, effects()[1].param),
                  effects()[0].param,
                  effects()[1].param,
                  {
                    metric: metric(),
                    metricLabel: label(),
                    width: w,
                  },
                )
              }
            />
          </Show>
          <div class="tuning-params" data-testid="tuning-params">
            <For each={effects()}>
              {(e) => (
                <PlotFigure
                  kind="tuning-param"
                  note={`explains ${Math.round(e.effect * 100)}% of the spread`}
                  spec={(w) =>
                    paramSpec(points(), e.param, space()[e.param], { metricLabel: label(), width: w })
                  }
                />
              )}
            </For>
          </div>
        </section>
      )}
    </Show>
  );
}
