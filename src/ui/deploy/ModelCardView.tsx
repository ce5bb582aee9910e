import { For, Show } from "solid-js";
import type { ModelCard } from "../../core/deploy/modelCard.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { formatInt, formatPercent } from "../shared/format.ts";
import { inputRange } from "./deployState.ts";

const TASKS = {
  binary: "binary classification",
  multiclass: "multiclass classification",
  regression: "regression",
};

/** A version's model card: what it predicts, how well and how that was measured, and its inputs. */
export function ModelCardView(props: { card: ModelCard; title: string }) {
  const metric = () => METRICS[props.card.metric]?.label ?? props.card.metric;
  return (
    <section class="model-card" data-testid="model-card" aria-label={`Model card of ${props.title}`}>
      <h3>Model card: {props.title}</h3>
      <dl class="stat-list">
        <div>
          <dt>Task</dt>
          <dd data-testid="card-task">{TASKS[props.card.task] ?? props.card.task}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd data-testid="card-target">{props.card.target}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{props.card.model.label}</dd>
        </div>
        <div>
          <dt>CV {metric()}</dt>
          <dd data-testid="card-cv">
            {formatNumber(props.card.scores.cv_mean)}
            <Show when={props.card.scores.cv_std !== null}> ± {formatNumber(props.card.scores.cv_std)}</Show>
          </dd>
        </div>
        <div>
          <dt>Test {metric()}</dt>
          <dd>{formatNumber(props.card.scores.test)}</dd>
        </div>
        <div>
          <dt>Training rows</dt>
          <dd>{formatInt(props.card.training_rows)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{props.card.created.replace("T", " ").slice(0, 16)} UTC</dd>
        </div>
        <div>
          <dt>App version</dt>
          <dd>{props.card.app_version}</dd>
        </div>
      </dl>
      <p class="hint" data-testid="card-protocol">
        Scores measured by {props.card.scores.protocol}.
      </p>
      <Show when={props.card.classes}>
        {(classes) => (
          <p data-testid="card-classes">
            <strong>Classes</strong> (in the order of the probability columns): {classes().join(", ")}
            <Show when={props.card.positive_class}> · positive class {props.card.positive_class}</Show>
          </p>
        )}
      </Show>
      <section class="table-scroll" tabindex="0" aria-label="Model inputs">
        <table class="card-inputs" data-testid="card-inputs">
          <caption class="visually-hidden">Inputs the model reads, with what training saw</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Kind</th>
              <th scope="col">Seen in training</th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.card.inputs}>
              {(input) => (
                <tr>
                  <td>{input.name}</td>
                  <td>{input.kind}</td>
                  <td>{inputRange(input)}</td>
                  <td class="num">{formatPercent(input.missing_share, 1)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </section>
  );
}
