import { createMemo, createSignal, For, Show } from "solid-js";
import { getStepInfo } from "../../core/pipeline/stepCatalogue.ts";
import type { StepCategory, StepConfig } from "../../core/prep/step.ts";
import { useClassroom } from "../share/ClassroomContext.tsx";
import { AddStepControl } from "./AddStepControl.tsx";
import { columnChoices } from "./columnChoices.ts";
import { RecipeToolbar } from "./RecipeToolbar.tsx";
import { canMove, groupProblems, inCategories } from "./recipeEdits.ts";
import type { RecipeStore } from "./recipeStore.ts";
import { StepRow } from "./StepRow.tsx";

/**
 * The recipe's steps of one phase's categories, in the recipe's global order, with their
 * problems inline, plus adding a step and the toolbar (export, import, reset).
 */
export function RecipeEditor(props: {
  store: RecipeStore;
  categories: readonly StepCategory[];
  /** Shown when the phase has no steps yet. */
  emptyText: string;
}) {
  const state = () => props.store[0];
  const actions = () => props.store[1];
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  const visible = (s: StepConfig) => inCategories(s, props.categories);
  const steps = createMemo(() => state().recipe?.steps.filter(visible) ?? []);
  const order = createMemo(() => state().recipe?.steps.map((s) => s.id) ?? []);
  const problems = createMemo(() => {
    const recipe = state().recipe;
    return recipe ? groupProblems(recipe, state().problems) : { byStep: {}, general: [] };
  });
  const expand = (id: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const choicesFor = (step: StepConfig) => () =>
    columnChoices(
      state().dataset?.columns ?? [],
      state().target,
      step.id,
      order(),
      state().preview,
      getStepInfo(step.type).accepts,
      step.columns === "auto" ? [] : step.columns,
    );

  return (
    <div class="recipe-editor">
      <RecipeToolbar store={props.store} />
      <Show when={problems().general.length > 0}>
        <ul class="step-problems" data-testid="recipe-problem">
          <For each={problems().general}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <Show when={steps().length > 0} fallback={<p class="empty">{props.emptyText}</p>}>
        <ol class="recipe-steps" data-testid="recipe-steps">
          <For each={steps()}>
            {(step) => (
              <StepRow
                def={getStepInfo(step.type)}
                step={step}
                position={order().indexOf(step.id) + 1}
                canUp={state().recipe ? canMove(state().recipe!, step.id, -1, visible) : false}
                canDown={state().recipe ? canMove(state().recipe!, step.id, 1, visible) : false}
                problems={problems().byStep[step.id] ?? []}
                expanded={expanded().has(step.id)}
                choices={choicesFor(step)}
                onExpand={(open) => expand(step.id, open)}
                onToggle={(on) => actions().toggle(step.id, on)}
                onMove={(d) => actions().move(step.id, d, props.categories)}
                onRemove={() => actions().remove(step.id)}
                onParam={(key, value) => actions().setParam(step.id, key, value)}
                onColumns={(cols) => actions().setColumns(step.id, cols)}
              />
            )}
          </For>
        </ol>
      </Show>
      {/* Adding steps is an advanced control a teacher may leave out for beginners. */}
      <Show when={!useClassroom().advancedHidden()}>
        <AddStepControl
          categories={props.categories}
          disabled={!state().recipe}
          onAdd={(type) => {
            const id = actions().add(type);
            if (id) expand(id, true);
          }}
        />
      </Show>
    </div>
  );
}
