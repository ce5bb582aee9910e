import { For, Show } from "solid-js";
import type { StepConfig, StepInfo } from "../../core/prep/step.ts";
import type { ColumnChoice } from "./columnChoices.ts";
import { StepConfigForm } from "./StepConfigForm.tsx";

/** The step's sentence; a config too broken to describe gets its label instead of an exception. */
function describeStep(def: StepInfo, step: StepConfig): string {
  try {
    return def.describe(step);
  } catch {
    return `${def.label}: its settings need fixing before it can be described.`;
  }
}

/** One step of the recipe: what it does and why, its switch, its place, and its settings. */
export function StepRow(props: {
  def: StepInfo;
  step: StepConfig;
  /** 1-based place in the whole recipe. */
  position: number;
  canUp: boolean;
  canDown: boolean;
  problems: string[];
  expanded: boolean;
  choices: () => ColumnChoice[];
  onExpand: (open: boolean) => void;
  onToggle: (enabled: boolean) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onParam: (key: string, value: unknown) => void;
  onColumns: (columns: StepConfig["columns"]) => void;
}) {
  const formId = () => `step-form-${props.step.id}`;
  return (
    <li
      class="recipe-step"
      classList={{ off: !props.step.enabled, invalid: props.problems.length > 0 }}
      data-testid="recipe-step"
      data-step-type={props.step.type}
      data-step-id={props.step.id}
    >
      <div class="step-head">
        <label class="step-switch" title={props.step.enabled ? "Turn this step off" : "Turn this step on"}>
          <input
            type="checkbox"
            checked={props.step.enabled}
            data-testid="step-enabled"
            aria-label={`${props.def.label} (step ${props.position}) on`}
            onChange={(e) => props.onToggle(e.currentTarget.checked)}
          />
          <span class="step-switch-track" aria-hidden="true" />
        </label>
        <div class="step-text">
          <p class="step-title">
            <span class="step-position">{props.position}.</span> {props.def.label}
            <span class="step-id">{props.step.id}</span>
            <Show when={!props.step.enabled}>
              <span class="badge">off</span>
            </Show>
          </p>
          <p class="step-describe" data-testid="step-describe">
            {describeStep(props.def, props.step)}
          </p>
          <Show when={props.step.reason}>
            <p class="step-reason" data-testid="step-reason">
              Why: {props.step.reason}
            </p>
          </Show>
        </div>
        <div class="step-actions">
          <button
            type="button"
            class="button-quiet"
            aria-expanded={props.expanded}
            aria-controls={formId()}
            data-testid="step-settings"
            onClick={() => props.onExpand(!props.expanded)}
          >
            {props.expanded ? "Hide settings" : "Settings"}
          </button>
          <button
            type="button"
            class="button-quiet"
            disabled={!props.canUp}
            aria-label={`Move up: ${props.def.label}`}
            data-testid="step-up"
            onClick={() => props.onMove(-1)}
          >
            Move up
          </button>
          <button
            type="button"
            class="button-quiet"
            disabled={!props.canDown}
            aria-label={`Move down: ${props.def.label}`}
            data-testid="step-down"
            onClick={() => props.onMove(1)}
          >
            Move down
          </button>
          <button
            type="button"
            class="button-quiet danger-text"
            aria-label={`Remove: ${props.def.label}`}
            data-testid="step-remove"
            onClick={() => props.onRemove()}
          >
            Remove
          </button>
        </div>
      </div>
      <Show when={props.problems.length > 0}>
        <ul class="step-problems" data-testid="step-problem">
          <For each={props.problems}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <Show when={props.expanded}>
        <div id={formId()}>
          <StepConfigForm
            def={props.def}
            step={props.step}
            choices={props.choices()}
            onParam={props.onParam}
            onColumns={props.onColumns}
          />
        </div>
      </Show>
    </li>
  );
}
