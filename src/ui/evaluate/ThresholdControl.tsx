import { Show } from "solid-js";
import { formatNumber } from "../charts/formatNumber.ts";
import type { ThresholdPoint } from "./thresholdView.ts";

/**
 * The probability above which a row is called positive, as a slider; the confusion matrix and the
 * rates below follow it live. 0.5 is what the model's own predictions use.
 */
export function ThresholdControl(props: {
  positiveClass: string;
  value: number;
  point: ThresholdPoint | null;
  onChange: (t: number) => void;
}) {
  return (
    <div class="threshold-control">
      <label class="field">
        <span>
          Call a row <strong>{props.positiveClass}</strong> when its probability is at least{" "}
          <output data-testid="threshold-value">{props.value.toFixed(2)}</output>
        </span>
        <input
          type="range"
          min="0"
          max="1"
          step="0.01"
          data-testid="threshold-slider"
          value={props.value}
          onInput={(e) => props.onChange(Number(e.currentTarget.value))}
        />
      </label>
      <Show when={props.point}>
        {(p) => (
          <dl class="threshold-metrics" data-testid="threshold-metrics">
            <div>
              <dt>Precision</dt>
              <dd>{formatNumber(p().precision)}</dd>
            </div>
            <div>
              <dt>Recall</dt>
              <dd>{formatNumber(p().recall)}</dd>
            </div>
            <div>
              <dt>F1</dt>
              <dd>{formatNumber(p().f1)}</dd>
            </div>
            <div>
              <dt>Accuracy</dt>
              <dd>{formatNumber(p().accuracy)}</dd>
            </div>
          </dl>
        )}
      </Show>
    </div>
  );
}
