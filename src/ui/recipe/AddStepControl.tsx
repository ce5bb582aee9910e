import { createSignal, For } from "solid-js";
import type { StepCategory } from "../../core/prep/step.ts";
import { stepTypesIn } from "./recipeEdits.ts";

const CATEGORY_LABELS: Record<StepCategory, string> = {
  cleaning: "Cleaning",
  encoding: "Encoding",
  scaling: "Scaling and shape",
  imbalance: "Class imbalance",
  features: "New features",
  selection: "Selection",
};

/** Picks a step type of the phase (by label, grouped by category) and appends it with its defaults. */
export function AddStepControl(props: {
  categories: readonly StepCategory[];
  disabled?: boolean;
  onAdd: (type: string) => void;
}) {
  const types = () => stepTypesIn(props.categories);
  const [type, setType] = createSignal(types()[0]?.type ?? "");
  return (
    <div class="add-step">
      <label class="field inline">
        <span>Add a step</span>
        <select
          data-testid="add-step-type"
          value={type()}
          onChange={(e) => setType(e.currentTarget.value)}
          disabled={props.disabled}
        >
          <For each={props.categories}>
            {(category) => (
              <optgroup label={CATEGORY_LABELS[category]}>
                <For each={types().filter((t) => t.category === category)}>
                  {(t) => (
                    <option value={t.type} selected={t.type === type()}>
                      {t.label}
                    </option>
                  )}
                </For>
              </optgroup>
            )}
          </For>
        </select>
      </label>
      <button
        type="button"
        data-testid="add-step"
        disabled={props.disabled || !type()}
        onClick={() => props.onAdd(type())}
      >
        Add step
      </button>
    </div>
  );
}
