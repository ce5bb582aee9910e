import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { RowAnswer } from "../../../workers/predictApi.ts";
import type { ModelCard } from "../../core/deploy/modelCard.ts";
import type { PredictClient } from "../bridges/predictClient.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { WaterfallView } from "../explain/WaterfallView.tsx";
import type { OutputScale } from "../explain/waterfallSteps.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage } from "../shared/errorMessage.ts";
import { formDefaults, inputRange, reasonsCaption } from "./deployState.ts";

/**
 * One row typed in by hand: a field per input, typed by kind and filled with training's median or
 * most frequent value; the answer, with each class's probability, comes from the predictor worker.
 */
export function PredictForm(props: { versionId: string; card: ModelCard; client: PredictClient }) {
  const [values, setValues] = createSignal(new Map<string, string>());
  const [answer, setAnswer] = createSignal<RowAnswer | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // The values the shown answer is for (the form may have changed since).
  const [asked, setAsked] = createSignal<[string, string][]>([]);
  createEffect(
    on(
      () => props.versionId,
      () => {
        setValues(formDefaults(props.card));
        setAnswer(null);
        setError(null);
      },
    ),
  );
  const set = (name: string, value: string) => setValues((m) => new Map(m).set(name, value));

  const predict = async () => {
    setBusy(true);
    setError(null);
    try {
      // Entries, then an object built key by key: a column called "__proto__" stays a key.
      const row: Record<string, string> = Object.create(null);
      for (const [k, v] of values()) row[k] = v;
      const sent = [...values()];
      setAnswer(await props.client.predictRow(props.versionId, row));
      setAsked(sent);
    } catch (err) {
      setAnswer(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="predict-form" aria-labelledby="predict-one-heading">
      <h3 id="predict-one-heading">Predict one row</h3>
      <form
        data-testid="predict-form"
        onSubmit={(e) => {
          e.preventDefault();
          void predict();
        }}
      >
        <div class="param-grid">
          <For each={props.card.inputs}>
            {(input, i) => {
              const id = () => `predict-input-${i()}`;
              const value = () => values().get(input.name) ?? "";
              return (
                <div class="field">
                  <label for={id()}>
                    {input.name} <span class="hint-inline">({input.kind})</span>
                  </label>
                  <Show
                    when={input.kind === "categorical" && input.levels && input.levels.length > 0}
                    fallback={
                      <input
                        id={id()}
                        data-testid="predict-input"
                        data-column={input.name}
                        type={
                          input.kind === "numeric" ? "number" : input.kind === "datetime" ? "date" : "text"
                        }
                        step="any"
                        value={value()}
                        onInput={(e) => set(input.name, e.currentTarget.value)}
                      />
                    }
                  >
                    <select
                      id={id()}
                      data-testid="predict-input"
                      data-column={input.name}
                      value={value()}
                      onChange={(e) => set(input.name, e.currentTarget.value)}
                    >
                      <option value="">(missing)</option>
                      <For each={input.levels}>{(level) => <option value={level}>{level}</option>}</For>
                    </select>
                  </Show>
                  <span class="hint">{inputRange(input)}</span>
                </div>
              );
            }}
          </For>
        </div>
        <button type="submit" class="button-primary" data-testid="predict-row" disabled={busy()}>
          {busy() ? "Predicting…" : "Predict"}
        </button>
      </form>
      <ErrorAlert message={error()} />
      <Show when={answer()}>
        {(a) => (
          <div class="predict-answer" data-testid="predict-answer" aria-live="polite">
            <p>
              Prediction:{" "}
              <strong data-testid="predict-value">
                {typeof a().prediction === "number"
                  ? formatNumber(a().prediction as number)
                  : (a().prediction ?? "–")}
              </strong>
            </p>
            <Show when={a().proba}>
              {(proba) => (
                <ul class="proba-list" data-testid="predict-proba">
                  <For each={proba()}>
                    {(p) => (
                      <li>
                        <span class="proba-label">{p.label}</span>
                        <span
                          class="proba-bar"
                          style={{ width: `${Math.round(p.p * 100)}%` }}
                          aria-hidden="true"
                        />
                        <span class="num">{formatNumber(p.p)}</span>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
            <Show when={a().reasons && a().reasons!.top.length > 0 ? a().reasons : null}>
              {(reasons) => (
                <div class="predict-reasons" data-testid="predict-reasons">
                  <p class="hint">{reasonsCaption(reasons())}</p>
                  <ul>
                    <For each={reasons().top}>
                      {(r) => (
                        <li>
                          {r.column}{" "}
                          <span class={r.contribution > 0 ? "reason-up" : "reason-down"}>
                            {r.contribution > 0 ? "+" : "−"}
                            {formatNumber(Math.abs(r.contribution))}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                  <WaterfallView
                    testId="predict-waterfall"
                    data={{
                      output: reasons().scale as OutputScale,
                      method: reasons().method,
                      class: reasons().class,
                      base: reasons().base,
                      value: reasons().output,
                      columns: reasons().all.map((r) => r.column),
                      contributions: reasons().all.map((r) => r.contribution),
                    }}
                    target={props.card.target}
                    against={
                      reasons().method === "tree"
                        ? "the model's average answer on its training data"
                        : "a typical row: training's medians and most frequent values"
                    }
                    values={Object.fromEntries(asked().map(([k, v]) => [k, v === "" ? "missing" : v]))}
                  />
                </div>
              )}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
