import { createEffect, createMemo, createResource, For, on, Show } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import type { BoundarySource } from "../../../workers/boundaryApi.ts";
import type { BoundaryRequest } from "../../core/automl/boundary/fitBoundary.ts";
import { defaultValues, slidersOf } from "../../core/automl/boundary/playgroundParams.ts";
import type { RunSettings } from "../../core/automl/run/runSettings.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import type { ModelId } from "../../core/models/modelMeta.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { ColumnSelect } from "../explore/ColumnSelect.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage } from "../shared/errorMessage.ts";
import { boundaryClient } from "./boundaryClient.ts";
import { boundarySpec } from "./boundarySpec.ts";
import { createLatest } from "./createLatest.ts";
import { ParamSlider } from "./ParamSlider.tsx";
import { fitText, scoreGap } from "./scoreText.ts";
import "./boundary.css";

/** The model the playground starts with when none (or one it cannot draw) is asked for. */
const FIRST_CHOICE: ModelId[] = ["knn", "decision_tree", "logistic", "linear"];

let instances = 0;

/**
 * The decision-boundary playground: a model fitted on two prepared columns of up to 5,000 training
 * rows, redrawn live in the boundary worker as its hyperparameters' sliders move, with the
 * training and validation scores beside the picture so over- and underfitting show.
 */
export function BoundaryPlayground(props: { datasetId: string; settings: RunSettings; model?: string }) {
  const idPrefix = `boundary-${++instances}`;
  // Equal settings rebuilt by a parent (a store update elsewhere) are the same source: no new
  // preparation, and the person's choices stay.
  const source = createMemo(
    (): BoundarySource => ({ datasetId: props.datasetId, settings: structuredClone(unwrap(props.settings)) }),
    undefined,
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  const [columns] = createResource(source, (s) => boundaryClient.prepare(s));
  const [pick, setPick] = createStore({
    model: null as ModelId | null,
    x: null as string | null,
    y: null as string | null,
    values: {} as Record<string, Record<string, number>>,
  });
  createEffect(
    on(columns, (c) => {
      if (!c) return;
      const has = (m: string | null | undefined) => c.models.some((x) => x.id === m);
      const named = (n: string | null) => c.features.some((f) => f.name === n);
      // Choices still valid on the new rows are kept; the rest start afresh.
      const wanted = [pick.model, props.model, ...FIRST_CHOICE].find(has);
      setPick({
        model: (wanted ?? c.models[0].id) as ModelId,
        x: named(pick.x) ? pick.x : c.axes[0],
        y: named(pick.y) ? pick.y : c.axes[1],
      });
    }),
  );
  const sliders = createMemo(() => (pick.model ? slidersOf(pick.model) : []));
  const valuesOf = (model: string) => pick.values[model] ?? defaultValues(model);

  const [fit, request] = createLatest(async (req: BoundaryRequest, signal) => {
    const t0 = performance.now();
    const view = await boundaryClient.fit(source(), req, true, signal);
    // The whole trip: posting the request, the fit, the grid, the scores and the transfer back.
    return { ...view, roundTripMs: performance.now() - t0 };
  });
  createEffect(() => {
    const model = pick.model;
    if (!model || !pick.x || !pick.y) return;
    request({ model, values: { ...valuesOf(model) }, x: pick.x, y: pick.y });
  });

  const metric = () => (columns() ? METRICS[columns()!.metric] : null);
  const target = () => props.settings.target;
  const modelLabel = () => columns()?.models.find((m) => m.id === pick.model)?.label ?? "";
  const names = () => columns()?.features.map((f) => f.name) ?? [];
  const regression = () => columns()?.task === "regression";

  return (
    <div class="boundary-playground" data-testid="boundary-playground">
      <Show when={columns.error}>
        <ErrorAlert message={errorMessage(columns.error)} />
      </Show>
      <Show when={columns()} fallback={<p class="status-line">Preparing the rows…</p>}>
        {(c) => (
          <>
            <p class="hint">
              {regression() ? "The prediction surface" : "The decision regions"} of one model trained on two
              columns of {c().trainRows.toLocaleString("en")} training rows (after the project's recipe),
              scored on them and on {c().validRows.toLocaleString("en")} held-out validation rows. Move a
              slider to refit.
            </p>
            <div class="boundary-controls">
              <label class="field inline">
                <span>Model</span>
                <select
                  data-testid="boundary-model"
                  onChange={(e) => setPick("model", e.currentTarget.value as ModelId)}
                >
                  <For each={c().models}>
                    {(m) => (
                      <option value={m.id} selected={m.id === pick.model}>
                        {m.label}
                      </option>
                    )}
                  </For>
                </select>
              </label>
              <ColumnSelect
                label="Horizontal axis"
                names={names()}
                value={pick.x}
                testId="boundary-x"
                onChange={(n) => setPick("x", n)}
              />
              <ColumnSelect
                label="Vertical axis"
                names={names()}
                value={pick.y}
                testId="boundary-y"
                onChange={(n) => setPick("y", n)}
              />
            </div>
            <div class="boundary-sliders">
              <For
                each={sliders()}
                fallback={
                  <p class="hint">This model has no hyperparameter to move: it ignores the columns.</p>
                }
              >
                {(s) => (
                  <ParamSlider
                    slider={s}
                    idPrefix={idPrefix}
                    value={valuesOf(pick.model!)[s.name]}
                    onInput={(v) => setPick("values", pick.model!, { ...valuesOf(pick.model!), [s.name]: v })}
                  />
                )}
              </For>
            </div>
            <div class="boundary-body">
              <Show when={fit.result} fallback={<p class="status-line">Fitting…</p>}>
                {(r) => (
                  <PlotFigure
                    kind="boundary"
                    class="boundary-chart"
                    spec={(w) =>
                      boundarySpec(r(), {
                        xLabel: r().x,
                        yLabel: r().y,
                        target: target(),
                        modelLabel: modelLabel(),
                        width: w,
                      })
                    }
                  />
                )}
              </Show>
              <div class="boundary-side" aria-live="polite">
                <Show when={fit.result}>
                  {(r) => (
                    <>
                      <dl class="boundary-scores" data-testid="boundary-scores" data-shown={fit.shown}>
                        <div>
                          <dt>Training {metric()?.label}</dt>
                          <dd data-testid="boundary-train-score">{fitText(r().trainScore)}</dd>
                        </div>
                        <div>
                          <dt>Validation {metric()?.label}</dt>
                          <dd data-testid="boundary-valid-score">{fitText(r().validScore)}</dd>
                        </div>
                      </dl>
                      <Show when={metric() && scoreGap(r().trainScore, r().validScore, metric()!.direction)}>
                        {(note) => <p class="hint boundary-gap">{note()}</p>}
                      </Show>
                      <p
                        class="status-line"
                        data-testid="boundary-timing"
                        data-ms={Math.round(r().roundTripMs)}
                      >
                        {fit.busy
                          ? "Updating…"
                          : `Updated in ${Math.round(r().roundTripMs)} ms: fitted in ${Math.round(r().fitMs)} ms, ${(r().grid.nx * r().grid.ny).toLocaleString("en")} predictions and two scores in ${Math.round(r().predictMs)} ms.`}
                      </p>
                    </>
                  )}
                </Show>
                <ErrorAlert message={fit.error} />
              </div>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}
