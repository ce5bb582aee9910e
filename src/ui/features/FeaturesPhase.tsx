import { createProjectRecipe } from "../recipe/createProjectRecipe.ts";
import { RecipeEditor } from "../recipe/RecipeEditor.tsx";
import { RecipePhaseLayout } from "../recipe/RecipePhaseLayout.tsx";
import { RecipePreviewPanel } from "../recipe/RecipePreviewPanel.tsx";
import { FEATURE_CATEGORIES } from "../recipe/recipeEdits.ts";
import { Locked } from "../share/Locked.tsx";
import { SelectionCharts } from "./SelectionCharts.tsx";

/** Features: the recipe's generated-feature and selection steps, the selection scores, and the preview. */
export function FeaturesPhase(props: { projectId: string }) {
  const { store, loadingTable } = createProjectRecipe(() => props.projectId);
  return (
    <RecipePhaseLayout
      store={store}
      projectId={props.projectId}
      loadingTable={loadingTable}
      headingId="features-heading"
      title="Engineer and select features"
      intro="Add features from dates, maths, pairs of columns, bins, group statistics and text, then keep the ones that carry signal. These steps sit in the same recipe as the Prepare steps, in one order, and are fitted on training rows only."
      class="features-phase"
    >
      <Locked area="recipe">
        <RecipeEditor
          store={store}
          categories={FEATURE_CATEGORIES}
          emptyText="No feature or selection step yet: add one below."
        />
      </Locked>
      <SelectionCharts store={store} />
      <RecipePreviewPanel store={store} />
    </RecipePhaseLayout>
  );
}
