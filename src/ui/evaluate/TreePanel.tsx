import type { TreeDisplayNode } from "../../core/models/decisionTree/treeStructure.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { treeSpec } from "../charts/specs/treeSpec.ts";

/** Drawn levels of a decision tree; deeper ones end in "…". */
export const TREE_LEVELS = 4;

/** The fitted decision tree (refitted on the whole training part), its first levels. */
export function TreePanel(props: { tree: TreeDisplayNode; classes: string[] | null }) {
  return (
    <section class="eval-section" aria-labelledby="tree-heading" data-testid="tree">
      <h4 id="tree-heading">The tree</h4>
      <p class="hint">
        Each split sends rows where the test holds up (blue) and the others down (grey); leaves show the
        prediction. Only the first {TREE_LEVELS} levels are drawn; hover a box for its full text.
      </p>
      <PlotFigure
        kind="tree"
        class="tree-chart"
        spec={(w) => treeSpec(props.tree, { classes: props.classes, maxDepth: TREE_LEVELS, width: w })}
      />
    </section>
  );
}
