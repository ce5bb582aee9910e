import { For, Show } from "solid-js";
import type { SelectState } from "../../core/features/selection/selectStep.ts";
import { getStepInfo } from "../../core/pipeline/stepCatalogue.ts";
import type { StepConfig } from "../../core/prep/step.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { selectionSpec } from "../charts/specs/selectionSpec.ts";
import type { RecipeStore } from "../recipe/recipeStore.ts";
import { plural } from "../shared/format.ts";
import { KeepRuleControl } from "./KeepRuleControl.tsx";

/** One chart per fitted select step of the preview: feature scores, the threshold, what is kept. */
export function SelectionCharts(props: { store: RecipeStore }) {
  const state = () => props.store[0];
  const selections = () => state().preview?.selections ?? [];
  const stepOf = (id: string) => state().recipe?.steps.find((s) => s.id === id);
  return (
    <Show when={selections().length > 0}>
      <section class="selection-charts" aria-labelledby="selection-heading">
        <h3 id="selection-heading">Feature selection</h3>
        <For each={selections()}>
          {(sel) => (
            <Show when={stepOf(sel.stepId)}>
              {(step) => <SelectionChart store={props.store} step={step()} state={sel.state} />}
            </Show>
          )}
        </For>
      </section>
    </Show>
  );
}

function SelectionChart(props: { store: RecipeStore; step: StepConfig; state: SelectState }) {
  const def = () => getStepInfo("select");
  const title = () => `Feature scores of ${props.step.id} by ${props.state.method.replace(/_/g, " ")}`;
  return (
    <div class="selection-chart" data-testid="selection-chart" data-step-id={props.step.id}>
      <h4>
        {def().label} <span class="step-id">{props.step.id}</span>{" "}
        <span class="hint-inline">
          keeps {props.state.selected.length} of {plural(props.state.names.length, "scored feature")}
        </span>
      </h4>
      <KeepRuleControl
        step={props.step}
        defaults={def().defaults}
        fittedThreshold={props.state.threshold}
        onChange={(values) => props.store[1].setParams(props.step.id, values)}
      />
      <PlotFigure
        kind="selection"
        spec={(width) => selectionSpec(props.state, { width, title: title() })}
        note="fitted on the preview sample"
      />
    </div>
  );
}
