import { type Accessor, createEffect, on, onCleanup } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { dataClient } from "../bridges/dataClient.ts";
import { isLoadingInto } from "../data/datasetState.ts";
import { createRecipeStore, type RecipeStore } from "./recipeStore.ts";

/**
 * A recipe store opened on a project, re-opened when the project changes; a table still loading
 * in the Data phase shares the data worker, so opening waits for it.
 */
export function createProjectRecipe(projectId: Accessor<string>): {
  store: RecipeStore;
  loadingTable: Accessor<boolean>;
} {
  const { datasets } = useApp();
  const [state, actions] = createRecipeStore({ client: dataClient });
  const loadingTable = () => isLoadingInto(datasets[0], projectId());
  createEffect(
    on([projectId, loadingTable], ([id, busy]) => {
      if (!busy) void actions.open(id);
    }),
  );
  onCleanup(() => actions.dispose());
  return { store: [state, actions], loadingTable };
}
