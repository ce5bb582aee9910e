import { createEffect, createResource, createSignal, on, Show } from "solid-js";
import type { ExplainSetup, ExplainSource, PickedRow } from "../../../workers/computeApi.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage } from "../shared/errorMessage.ts";
import { rowText } from "./cellText.ts";
import { createLiveExplanation } from "./createLiveExplanation.ts";
import { type ExplainClient, explainClient } from "./explainClient.ts";
import { PdpPanel } from "./PdpPanel.tsx";
import { WaterfallView } from "./WaterfallView.tsx";
import { WhatIfEditor } from "./WhatIfEditor.tsx";

const PART: Record<ExplainSetup["part"], string> = {
  test: "held-out test rows",
  train: "training rows (the model was fitted on them)",
};

/**
 * Why a model gave a row its prediction, opened on demand from the evaluation: pick a row of the
 * held-out part, see its waterfall, edit its values (what-if) and watch the prediction and the
 * contributions follow; below, partial dependence per column. All model work is in a worker.
 */
export function ExplainPanel(props: { runId: string; model: string; client?: ExplainClient }) {
  const client = () => props.client ?? explainClient;
  const source = (): ExplainSource => ({ runId: props.runId, model: props.model });
  const [opened, setOpened] = createSignal(false);
  const [setup] = createResource(
    () => (opened() ? source() : null),
    (s) => client().open(s),
  );
  return (
    <section class="explain-panel" aria-labelledby="explain-heading" data-testid="explain-panel">
      <h4 id="explain-heading">Why this prediction</h4>
      <Show
        when={opened()}
        fallback={
          <>
            <p class="hint">
              Pick a row and see how each input column moved its prediction away from the base value; change
              its values to see what would change the answer.
            </p>
            <button type="button" data-testid="open-explain" onClick={() => setOpened(true)}>
              Explain predictions
            </button>
          </>
        }
      >
        <Show when={setup.loading}>
          <p class="status-line" role="status">
            Loading the model…
          </p>
        </Show>
        <ErrorAlert message={setup.error ? errorMessage(setup.error) : null} />
        <Show when={setup.state === "ready" && setup()}>
          {(s) => (
            <>
              <RowExplainer client={client()} source={source()} setup={s()} />
              <PdpPanel client={client()} source={source()} setup={s()} />
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

/** The row picker, the what-if editor and the row's live waterfall. */
function RowExplainer(props: { client: ExplainClient; source: ExplainSource; setup: ExplainSetup }) {
  const [position, setPosition] = createSignal(0);
  const [picked] = createResource(position, (p) => props.client.pickRow(props.source, p));
  const [values, setValues] = createSignal<RowValues | null>(null);
  // Bumped when the inputs must show other values (another row, a reset).
  const [edition, setEdition] = createSignal(0);
  const [pickError, setPickError] = createSignal<string | null>(null);
  const show = (p: PickedRow) => {
    setValues({ ...p.values });
    setEdition((e) => e + 1);
  };
  const [original, setOriginal] = createSignal<PickedRow | null>(null);
  createEffect(
    on(
      () => (picked.state === "ready" ? picked() : undefined),
      (p) => {
        if (!p) return;
        setOriginal(p);
        show(p);
      },
    ),
  );
  const live = createLiveExplanation(props.client, () => props.source, values);
  const go = (to: number) => {
    if (!(Number.isInteger(to) && to >= 0 && to < props.setup.rows)) {
      setPickError(`Pick a row from 1 to ${props.setup.rows}.`);
      return;
    }
    setPickError(null);
    setPosition(to);
  };
  const actual = (p: PickedRow) =>
    p.actual === null ? "missing" : typeof p.actual === "number" ? formatNumber(p.actual) : p.actual;
  const predicted = () => {
    const a = live.answer();
    if (!a) return "";
    return typeof a.prediction === "number" ? formatNumber(a.prediction) : a.prediction;
  };
  return (
    <div class="explain-row">
      <div class="explain-row-picker">
        <div class="field">
          <label for="explain-row">
            Row of the {PART[props.setup.part]} (1 to {formatNumber(props.setup.rows)})
          </label>
          <input
            id="explain-row"
            data-testid="explain-row"
            type="number"
            min="1"
            max={props.setup.rows}
            step="1"
            value={position() + 1}
            onChange={(e) => go(Number(e.currentTarget.value) - 1)}
          />
        </div>
        <button
          type="button"
          data-testid="explain-prev"
          disabled={position() === 0}
          onClick={() => go(position() - 1)}
        >
          Previous row
        </button>
        <button
          type="button"
          data-testid="explain-next"
          disabled={position() >= props.setup.rows - 1}
          onClick={() => go(position() + 1)}
        >
          Next row
        </button>
        <Show when={original()}>
          {(p) => (
            <span class="hint" data-testid="explain-row-info">
              Data row {formatNumber(p().row + 1)} of the table; actual {props.setup.target}: {actual(p())}
            </span>
          )}
        </Show>
      </div>
      <ErrorAlert message={pickError() ?? (picked.error ? errorMessage(picked.error) : null)} />
      <Show when={values()}>
        {(v) => (
          <div class="explain-layout">
            <Show when={edition()} keyed>
              {(_edition) => (
                <WhatIfEditor
                  columns={props.setup.columns}
                  values={v()}
                  original={original()?.values ?? null}
                  onChange={(name, x) => setValues((old) => ({ ...old, [name]: x }))}
                  onReset={() => {
                    const o = original();
                    if (o) show(o);
                  }}
                />
              )}
            </Show>
            <div class="whatif-result" aria-live="polite">
              <p class="whatif-answer">
                Prediction: <strong data-testid="whatif-prediction">{predicted()}</strong>
                <Show when={live.pending()}>
                  <span class="hint" data-testid="whatif-pending">
                    {" "}
                    updating…
                  </span>
                </Show>
              </p>
              <Show when={live.answer()?.proba}>
                {(proba) => (
                  <p class="hint" data-testid="whatif-proba">
                    {proba()
                      .map((p) => `${p.label} ${formatNumber(p.p)}`)
                      .join(" · ")}
                  </p>
                )}
              </Show>
              <ErrorAlert message={live.error()} />
              <Show when={live.answer()}>
                {(a) => (
                  <WaterfallView
                    data={a().explanation}
                    target={props.setup.target}
                    against={
                      a().explanation.method === "tree"
                        ? "the model's average answer on its training data"
                        : "the average answer on 32 training rows"
                    }
                    values={rowText(props.setup.columns, v())}
                  />
                )}
              </Show>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
