import * as Plot from "@observablehq/plot";
import type { TreeDisplayNode } from "../../../core/models/decisionTree/treeStructure.ts";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, truncateLabel } from "./axis.ts";
import { CATEGORY_COLORS } from "./colorBy.ts";

export interface TreeSpecOptions {
  /** Classification: class labels in the order of each node's value shares; null for regression. */
  classes: readonly string[] | null;
  /** Levels drawn below the root (default 4); deeper subtrees end in a "more" mark. */
  maxDepth?: number;
  width?: number;
}

/** A node placed for drawing: depth across, leaf order down. */
export interface PlacedNode {
  id: number;
  depth: number;
  /** Position down the page: leaves 0, 1, 2...; a parent midway between its children. */
  order: number;
  leaf: boolean;
  /** Cut here by the depth limit (the node has children that are not drawn). */
  more: boolean;
  /** Two lines: the split (or the prediction for a leaf), then rows and the node's value. */
  label: string;
  /** Majority class (classification) or mean (regression). */
  value: string | number;
}

export interface PlacedLink {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** "yes" for the branch where the test holds, "no" for the other. */
  branch: "yes" | "no";
}

const ROW_PX = 46;
const LABEL_CHARS = 34;

function majority(node: TreeDisplayNode, classes: readonly string[]): { label: string; share: number } {
  let best = 0;
  for (let i = 1; i < node.value.length; i++) if (node.value[i] > node.value[best]) best = i;
  return { label: classes[best] ?? String(best), share: node.value[best] ?? 0 };
}

function nodeText(
  node: TreeDisplayNode,
  classes: readonly string[] | null,
  leaf: boolean,
): [string, string | number, string] {
  let outcome: string;
  let value: string | number;
  if (classes) {
    const m = majority(node, classes);
    value = m.label;
    outcome = `${truncateLabel(m.label, 14)} ${Math.round(m.share * 100)}%`;
  } else {
    value = node.value[0] ?? Number.NaN;
    outcome = `mean ${formatNumber(node.value[0])}`;
  }
  const rows = `${formatNumber(node.samples)} rows`;
  if (leaf) return [`→ ${outcome}`, value, rows];
  const test = `${truncateLabel(node.feature ?? "?", LABEL_CHARS - 10)} ≤ ${formatNumber(node.threshold)}`;
  return [test, value, `${rows} · ${outcome}`];
}

/**
 * Places a tree's nodes down to `maxDepth` levels: x is the depth, y spreads the leaves evenly
 * and puts each parent midway between its children (a simple tidy layout, enough for 4 levels).
 */
export function layoutTree(
  root: TreeDisplayNode,
  classes: readonly string[] | null,
  maxDepth = 4,
): { nodes: PlacedNode[]; links: PlacedLink[]; leaves: number; depth: number } {
  const nodes: PlacedNode[] = [];
  const links: PlacedLink[] = [];
  let next = 0;
  let deepest = 0;
  const visit = (node: TreeDisplayNode, depth: number): PlacedNode => {
    deepest = Math.max(deepest, depth);
    const kids = depth < maxDepth ? node.children : undefined;
    const leaf = !node.children && !node.truncated;
    const more = !kids && !leaf;
    let order: number;
    let placedKids: PlacedNode[] = [];
    if (kids) {
      placedKids = kids.map((k) => visit(k, depth + 1));
      order = (placedKids[0].order + placedKids[1].order) / 2;
    } else order = next++;
    const [first, value, second] = nodeText(node, classes, leaf);
    const placed: PlacedNode = {
      id: node.id,
      depth,
      order,
      leaf,
      more,
      label: `${first}${more ? " …" : ""}\n${second}`,
      value,
    };
    placedKids.forEach((k, i) => {
      links.push({ x1: depth, y1: order, x2: k.depth, y2: k.order, branch: i === 0 ? "yes" : "no" });
    });
    nodes.push(placed);
    return placed;
  };
  visit(root, 0);
  return {
    nodes: nodes.sort((a, b) => a.depth - b.depth || a.order - b.order),
    links,
    leaves: next,
    depth: deepest,
  };
}

/**
 * A decision tree drawn left to right: each split as "feature ≤ threshold" with its rows and
 * majority class (or mean), the upper branch where the test holds; leaves show the prediction.
 * Dots are coloured by the node's class (or value). Levels past `maxDepth` end in "…".
 */
export function treeSpec(root: TreeDisplayNode, opts: TreeSpecOptions): Plot.PlotOptions {
  const maxDepth = opts.maxDepth ?? 4;
  const { nodes, links, leaves, depth } = layoutTree(root, opts.classes, maxDepth);
  const splits = nodes.filter((n) => !n.leaf).length;
  const color: Plot.ScaleOptions = opts.classes
    ? {
        type: "ordinal",
        domain: [...opts.classes],
        range: [...CATEGORY_COLORS],
        legend: true,
        label: "Majority class",
      }
    : { type: "linear", scheme: "viridis", legend: true, label: "Mean" };
  return {
    width: opts.width,
    height: Math.max(160, leaves * ROW_PX + 60),
    marginLeft: 12,
    marginRight: 190,
    marginTop: 36,
    marginBottom: 12,
    ariaLabel: "Decision tree",
    ariaDescription: `The first ${depth + 1} levels of the tree: ${splits} splits shown, the root splitting ${formatNumber(root.samples)} rows on ${root.feature ?? "nothing"}.`,
    x: { axis: null, domain: [0, Math.max(1, depth)] },
    y: { axis: null, domain: [-0.6, Math.max(0, leaves - 1) + 0.3], reverse: true },
    color,
    marks: [
      Plot.link(links, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        curve: "bump-x",
        stroke: (d: PlacedLink) => (d.branch === "yes" ? COLORS.accent : COLORS.other),
        strokeWidth: 1.5,
      }),
      Plot.dot(nodes, { x: "depth", y: "order", fill: "value", r: 5, stroke: "white" }),
      Plot.text(nodes, {
        x: "depth",
        y: "order",
        text: "label",
        textAnchor: "start",
        lineAnchor: "bottom",
        dx: 4,
        dy: -7,
        fontSize: 10,
        fill: "#1b2430",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  };
}
