import { createProjectRecipe } from "../recipe/createProjectRecipe.ts";
import { RecipeEditor } from "../recipe/RecipeEditor.tsx";
import { RecipePhaseLayout } from "../recipe/RecipePhaseLayout.tsx";
import { RecipePreviewPanel } from "../recipe/RecipePreviewPanel.tsx";
import { PREPARE_CATEGORIES } from "../recipe/recipeEdits.ts";
import { Locked } from "../share/Locked.tsx";
import { SplitPanel } from "./SplitPanel.tsx";

/** Prepare: the cleaning, encoding, scaling and imbalance steps of the recipe, its preview, and the split. */
export function PreparePhase(props: { projectId: string }) {
  const { store, loadingTable } = createProjectRecipe(() => props.projectId);
  return (
    <RecipePhaseLayout
      store={store}
      projectId={props.projectId}
      loadingTable={loadingTable}
      headingId="prepare-heading"
      title="Prepare the data"
      intro="Each step is fitted on training rows only and then applied unchanged to test rows and new data. Switch steps off, reorder them, change their settings or add more; the preview below follows every edit. Feature steps live in the Features phase: both phases edit one recipe, in one order."
      class="prepare-phase"
    >
      <Locked area="recipe">
        <RecipeEditor
          store={store}
          categories={PREPARE_CATEGORIES}
          emptyText="No cleaning, encoding or scaling step yet: add one below."
        />
      </Locked>
      <RecipePreviewPanel store={store} />
      <Locked area="split">
        <SplitPanel store={store} />
      </Locked>
    </RecipePhaseLayout>
  );
}
