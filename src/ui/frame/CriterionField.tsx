import { createMemo, Show } from "solid-js";
import { METRICS, type MetricId } from "../../core/framing/metrics.ts";
import type { Task } from "../../core/framing/task.ts";
import { checkCriterionText, criterionMetricNote } from "./criterionCheck.ts";

/** The success criterion, parsed as the person types: normalised when valid, the reason when not. */
export function CriterionField(props: {
  task: Task;
  metric: MetricId | null;
  value: string;
  onInput: (text: string) => void;
}) {
  const check = createMemo(() => checkCriterionText(props.value, props.task));
  const example = () => {
    const m = props.metric ? METRICS[props.metric] : METRICS.accuracy;
    return `e.g. ${m.label} ${m.direction === "lower" ? "<=" : ">="} …`;
  };
  const error = () => {
    const c = check();
    return c.status === "error" ? c.message : null;
  };
  const normalised = () => {
    const c = check();
    return c.status === "ok" ? c.text : null;
  };
  const note = () =>
    criterionMetricNote(check(), props.metric, props.metric ? METRICS[props.metric].label : "");
  return (
    <section class="frame-block" aria-labelledby="criterion-heading">
      <h3 id="criterion-heading">Success criterion</h3>
      <label class="field">
        <span>
          When is a model good enough? Optional, for example "ROC AUC &gt;= 0.85" or "RMSE &lt; 5000".
        </span>
        <input
          type="text"
          data-testid="criterion-input"
          placeholder={example()}
          value={props.value}
          aria-invalid={check().status === "error"}
          aria-describedby="criterion-feedback"
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </label>
      <div id="criterion-feedback" aria-live="polite">
        <Show when={error()}>
          {(message) => (
            <p class="criterion-error" data-testid="criterion-error">
              {message()}
            </p>
          )}
        </Show>
        <Show when={normalised()}>
          {(text) => (
            <p class="criterion-ok" data-testid="criterion-ok">
              ✓ {text()}
            </p>
          )}
        </Show>
        <Show when={note()}>
          <p class="hint">{note()}</p>
        </Show>
      </div>
    </section>
  );
}
