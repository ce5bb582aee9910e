import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import type { PartEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import { ENSEMBLE_ID, type LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import type { RunRecord } from "../../persist/types.ts";
import { BoundarySection } from "../boundary/BoundarySection.tsx";
import { ExplainPanel } from "../explain/ExplainPanel.tsx";
import { Segmented } from "../explore/Segmented.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { ClassificationCharts } from "./ClassificationCharts.tsx";
import { createModelRecord } from "./createModelRecord.ts";
import { EnsemblePanel } from "./EnsemblePanel.tsx";
import { ImportancePanel } from "./ImportancePanel.tsx";
import { LearningCurvePanel } from "./LearningCurvePanel.tsx";
import { MetricTable } from "./MetricTable.tsx";
import { metricRows } from "./metricRows.ts";
import { RegressionCharts } from "./RegressionCharts.tsx";
import { TreePanel } from "./TreePanel.tsx";
import { TuningPanel } from "./TuningPanel.tsx";
import { ValidationCurvePanel } from "./ValidationCurvePanel.tsx";

type Part = "oof" | "test";
const PART_LABELS: Record<Part, string> = { oof: "out-of-fold predictions", test: "test part" };

/** One model's evaluation: metric table, charts of its predictions, learning curve, importance, tree. */
export function EvaluationView(props: { run: RunRecord; entry: LeaderboardEntry; onClose: () => void }) {
  const model = createModelRecord(() => ({ run: props.run, model: props.entry.model }));
  const evaluation = () => model.record()?.evaluation ?? null;
  const [part, setPart] = createSignal<Part>("oof");
  const shown = createMemo((): PartEvaluation | null => {
    const e = evaluation();
    if (!e) return null;
    return part() === "test" && e.test ? e.test : e.oof;
  });
  const rows = createMemo(() => {
    const e = evaluation();
    if (!e) return [];
    return metricRows(e.task, e.oof.metrics, e.test?.metrics ?? null, props.entry.metric);
  });

  return (
    <section
      class="evaluation"
      data-testid="evaluation"
      data-model={props.entry.model}
      aria-labelledby="evaluation-heading"
    >
      <header class="evaluation-head">
        <h3 id="evaluation-heading">{props.entry.label}</h3>
        <button
          type="button"
          class="button-quiet"
          data-testid="close-evaluation"
          onClick={() => props.onClose()}
        >
          Close
        </button>
      </header>
      <ErrorAlert message={model.error()} />
      <Switch>
        <Match when={props.entry.error}>
          <p class="hint warn-text">This model could not be trained: {props.entry.error}</p>
        </Match>
        <Match when={model.record.loading}>
          <p class="status-line">Reading the model…</p>
        </Match>
        <Match when={!evaluation()}>
          <p class="hint">This model was kept without its evaluation.</p>
          <button type="button" disabled={model.computing()} onClick={() => void model.recompute()}>
            {model.computing() ? "Computing…" : "Compute the evaluation"}
          </button>
        </Match>
        <Match when={evaluation()}>
          {(e) => (
            <>
              <MetricTable rows={rows()} hasTest={Boolean(e().test)} />
              <Show when={e().test}>
                <Segmented
                  label="Predictions to chart"
                  testId="eval-part"
                  value={part()}
                  options={[
                    { value: "oof", label: "Cross-validation" },
                    { value: "test", label: "Test part" },
                  ]}
                  onChange={setPart}
                />
              </Show>
              <Show when={shown()}>
                {(p) => (
                  <Switch>
                    <Match when={p().task !== "regression" && p()}>
                      {(c) => (
                        <ClassificationCharts
                          part={c() as Extract<PartEvaluation, { task: "binary" | "multiclass" }>}
                          classes={e().classes ?? []}
                          partLabel={PART_LABELS[part()]}
                        />
                      )}
                    </Match>
                    <Match when={p().task === "regression" && p()}>
                      {(r) => (
                        <RegressionCharts
                          part={r() as Extract<PartEvaluation, { task: "regression" }>}
                          target={props.run.settings.target}
                        />
                      )}
                    </Match>
                  </Switch>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <Show when={!props.entry.error}>
        <div class="eval-extras">
          <Show
            when={props.entry.model === ENSEMBLE_ID}
            fallback={<LearningCurvePanel run={props.run} entry={props.entry} />}
          >
            <EnsemblePanel run={props.run} entry={props.entry} />
          </Show>
          <ValidationCurvePanel run={props.run} entry={props.entry} />
          <TuningPanel run={props.run} entry={props.entry} />
          <ImportancePanel run={props.run} entry={props.entry} insights={model.record()?.insights ?? null} />
        </div>
        <BoundarySection
          datasetId={props.run.datasetId}
          settings={props.run.settings}
          model={props.entry.model}
        />
        <Show when={model.record()?.insights?.tree}>
          {(tree) => (
            <TreePanel
              tree={tree()}
              classes={model.record()?.insights?.treeClasses ?? evaluation()?.classes ?? null}
            />
          )}
        </Show>
        {/* Keyed: another model or run starts its explanations afresh. */}
        <Show when={`${props.run.id}\n${props.entry.model}`} keyed>
          <ExplainPanel runId={props.run.id} model={props.entry.model} />
        </Show>
      </Show>
    </section>
  );
}
