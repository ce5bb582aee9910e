import { Show } from "solid-js";
import { RUN_LIMITS } from "../../core/automl/run/runSettings.ts";
import { TUNE_PRESETS, type TuneBudget } from "../../core/automl/tune/tuning.ts";

const PRESET_TEXT: Record<keyof typeof TUNE_PRESETS, string> = {
  off: "Off: every model on its defaults",
  quick: `Quick: ${TUNE_PRESETS.quick} candidates per model (the neural net and extra trees on their defaults)`,
  thorough: `Thorough: ${TUNE_PRESETS.thorough} candidates per model`,
};

/**
 * The run's tuning budget: off, a preset, or a number of candidates per model. The search is
 * successive halving nested in each fold, so the leaderboard's scores stay honest.
 */
export function TuneField(props: {
  value: TuneBudget;
  disabled: boolean;
  onChange: (tune: TuneBudget) => void;
}) {
  const custom = () => typeof props.value === "number";
  const { min, max } = RUN_LIMITS.tune;
  return (
    // min-width 0: a fieldset is at least as wide as its widest option otherwise, and pushed the page wider.
    <fieldset
      class="run-numbers"
      style={{ "min-width": "0" }}
      disabled={props.disabled}
      data-testid="tune-settings"
    >
      <legend>Tuning</legend>
      <label class="field">
        Hyperparameter search
        <select
          style={{ "max-width": "100%" }}
          data-testid="tune-budget"
          value={custom() ? "custom" : String(props.value)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.onChange(v === "custom" ? TUNE_PRESETS.quick : (v as TuneBudget));
          }}
        >
          <option value="off">{PRESET_TEXT.off}</option>
          <option value="quick">{PRESET_TEXT.quick}</option>
          <option value="thorough">{PRESET_TEXT.thorough}</option>
          <option value="custom">A number of candidates per model</option>
        </select>
      </label>
      <Show when={custom()}>
        <label class="field">
          Candidates per model
          <input
            type="number"
            min={min}
            max={max}
            step="1"
            data-testid="tune-trials"
            value={String(props.value)}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              props.onChange(v === "" ? Number.NaN : Number(v));
            }}
          />
        </label>
      </Show>
      <p class="hint">
        Each model tries random candidates from its search space, the model's defaults among them: all of them
        on a few rows, then the best third on three times as many, and so on (successive halving). The search
        runs inside each fold on that fold's training rows only, so the scores below are measured on rows it
        never saw.
      </p>
    </fieldset>
  );
}
