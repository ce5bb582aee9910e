import { For, Show } from "solid-js";
import type { KeepRule } from "../../core/features/selection/selectInfo.ts";
import type { StepConfig } from "../../core/prep/step.ts";

const RULES: readonly { rule: KeepRule; label: string }[] = [
  { rule: "auto", label: "Auto" },
  { rule: "k", label: "Top k" },
  { rule: "threshold", label: "Threshold" },
];

/** How a select step keeps features: the method's own rule, the top k, or a score threshold. */
export function KeepRuleControl(props: {
  step: StepConfig;
  defaults: Record<string, unknown>;
  /** The fitted threshold, offered as the start of a threshold rule. */
  fittedThreshold: number;
  onChange: (values: Record<string, unknown>) => void;
}) {
  const param = <T,>(key: string) => (props.step.params[key] ?? props.defaults[key]) as T;
  const rule = () => param<KeepRule>("keep");
  const choose = (r: KeepRule) => {
    if (r === rule()) return;
    if (
      r === "threshold" &&
      props.step.params.threshold === undefined &&
      Number.isFinite(props.fittedThreshold)
    )
      props.onChange({ keep: r, threshold: Number(props.fittedThreshold.toPrecision(3)) });
    else props.onChange({ keep: r });
  };
  const setValue = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) return;
    props.onChange(rule() === "k" ? { k: Math.max(1, Math.round(n)) } : { threshold: n });
  };
  return (
    <div class="keep-rule controls" data-testid="keep-rule">
      <span class="param-label" aria-hidden="true">
        Keep
      </span>
      <fieldset class="segmented">
        <legend class="visually-hidden">Which features to keep</legend>
        <For each={RULES}>
          {(r) => (
            <button
              type="button"
              aria-pressed={rule() === r.rule}
              data-testid={`keep-${r.rule}`}
              onClick={() => choose(r.rule)}
            >
              {r.label}
            </button>
          )}
        </For>
      </fieldset>
      <Show when={rule() !== "auto"}>
        <label class="field inline">
          <span>{rule() === "k" ? "k" : "At least"}</span>
          <input
            type="number"
            class="keep-value"
            data-testid="keep-value"
            min={rule() === "k" ? 1 : undefined}
            step={rule() === "k" ? 1 : "any"}
            value={String(param<number>(rule() === "k" ? "k" : "threshold"))}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        </label>
      </Show>
    </div>
  );
}
