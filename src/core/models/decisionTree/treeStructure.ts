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
  const dim = tree.valueDim;
  const leaf = (id: number): TreeDisplayNode => ({
    id,
    samples: tree.samples[id],
    value: Array.from(tree.value.subarray(id * dim, (id + 1) * dim)),
    impurity: tree.impurity[id],
  });
  // An explicit stack, not recursion: a deep tree (a long chain of splits) costs no call stack.
  const root = leaf(0);
  const stack: [TreeDisplayNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const id = node.id;
    const f = tree.feature[id];
    if (f < 0) continue;
    node.feature = names[f] ?? `x${f}`;
    node.threshold = Math.min(tree.threshold[id], Number.MAX_VALUE);
    node.missingGoesLeft = tree.missingLeft[id] === 1;
    if (depth >= maxDepth) {
      node.truncated = true;
      continue;
    }
    const children: [TreeDisplayNode, TreeDisplayNode] = [leaf(tree.left[id]), leaf(tree.right[id])];
    node.children = children;
    stack.push([children[0], depth + 1], [children[1], depth + 1]);
  }
  return root;
}
