import { type Accessor, type JSX, Show } from "solid-js";
import { projectHref } from "../router/route.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { plural } from "../shared/format.ts";
import type { RecipeStore } from "./recipeStore.ts";

/**
 * The frame of a recipe phase: heading, intro, which table and target it works on, and the states
 * before there is a recipe (a table still loading, no data, reading). `children` once there is one.
 */
export function RecipePhaseLayout(props: {
  store: RecipeStore;
  projectId: string;
  loadingTable: Accessor<boolean>;
  headingId: string;
  title: string;
  intro: string;
  class: string;
  children: JSX.Element;
}) {
  const state = () => props.store[0];
  const actions = () => props.store[1];
  return (
    <section class={`panel recipe-phase ${props.class}`} aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.title}</h2>
      <p class="hint">{props.intro}</p>
      <Show when={state().dataset}>
        {(d) => (
          <p class="hint recipe-dataset" data-testid="recipe-dataset">
            {d().name} · {plural(d().rows, "row")} ·{" "}
            {state().target ? (
              <>
                target <strong>{state().target}</strong>
              </>
            ) : (
              <>
                no target (<a href={projectHref(props.projectId, "frame")}>frame one</a> for steps that learn
                from it)
              </>
            )}
          </p>
        )}
      </Show>
      <Show when={props.loadingTable()}>
        <p class="status-line" role="status">
          A table is still loading in the Data phase; the recipe opens when it is done.
        </p>
      </Show>
      <ErrorAlert message={state().error} onDismiss={actions().dismissError} />
      <p class="status-line" role="status" data-testid="recipe-status">
        {state().status ?? ""}
      </p>
      <Show
        when={state().recipe}
        fallback={
          <Show
            when={state().loading}
            fallback={
              <Show when={!props.loadingTable() && state().projectId && !state().dataset}>
                <p class="empty" data-testid="no-dataset">
                  No data in this project yet: <a href={projectHref(props.projectId, "data")}>load a table</a>{" "}
                  first.
                </p>
              </Show>
            }
          >
            <p class="status-line" role="status">
              <span class="spinner" aria-hidden="true" /> Reading the recipe…
            </p>
          </Show>
        }
      >
        {props.children}
      </Show>
    </section>
  );
}
