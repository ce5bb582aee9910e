import type { Tree } from "../trees/tree.ts";

/** One node of a fitted tree in a form a UI can draw (and a person can read). */
export interface TreeDisplayNode {
  id: number;
  /** Rows of the training set that reached the node. */
  samples: number;
  /** Class shares (classification) or the mean (regression) at the node. */
  value: number[];
  /** Gini, entropy (bits) or variance of the target at the node. */
  impurity: number;
  /** Internal nodes only: the test `feature <= threshold`, true rows go to children[0]. */
  feature?: string;
  threshold?: number;
  /** Whether a missing value takes the left branch. */
  missingGoesLeft?: boolean;
  children?: [TreeDisplayNode, TreeDisplayNode];
  /** True where `maxDepth` cut the drawing short of a subtree. */
  truncated?: boolean;
}

/**
 * The tree as nested nodes with feature names, for drawing. A threshold of Infinity (every value
 * left, only missing values right) is shown as the largest finite number, since JSON cannot carry
 * Infinity.
 */
export function treeStructure(
  tree: Tree,
  names: string[],
  maxDepth = Number.POSITIVE_INFINITY,
): TreeDisplayNode {
  const visit = (id: number, depth: number): TreeDisplayNode => {
    const dim = tree.valueDim;
    const node: TreeDisplayNode = {
      id,
      samples: tree.samples[id],
      value: Array.from(tree.value.subarray(id * dim, (id + 1) * dim)),
      impurity: tree.impurity[id],
    };
    const f = tree.feature[id];
    if (f < 0) return node;
    node.feature = names[f] ?? `x${f}`;
    node.threshold = Math.min(tree.threshold[id], Number.MAX_VALUE);
    node.missingGoesLeft = tree.missingLeft[id] === 1;
    if (depth >= maxDepth) node.truncated = true;
    else node.children = [visit(tree.left[id], depth + 1), visit(tree.right[id], depth + 1)];
    return node;
  };
  return visit(0, 0);
}
