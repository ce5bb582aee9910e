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

/** Text size of node labels (px): readable at the evaluation page's width. */
export const TREE_FONT_PX = 12;
const LINE_PX = 15;
const BOX_H = 2 * LINE_PX + 10;
const TREE_ROW_PX = BOX_H + 14;
/** Horizontal room between a node's box and its children's, where the links run. */
const LINK_GAP = 28;
/** Average glyph width of the 12 px sans-serif, to size boxes and cut labels. */
const TREE_CHAR_PX = 6.9;
const EDGE = 8;
const TOP = 8;
/** The node's colour dot sits this far into its box; the text starts at twice that. */
const DOT_PX = 9;

/** A node's box in pixels, with its label cut to fit and the full text kept for the tooltip. */
export interface TreeBox extends PlacedNode {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  /** The label as drawn (each line cut to the box). */
  text: string;
}

/** A link in pixels, from the right edge of the parent's box to the left edge of the child's. */
export interface TreeEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  branch: "yes" | "no";
}

/** One line cut to `chars`: a split keeps its "≤ threshold" and shortens the column name. */
function fitLine(line: string, chars: number): string {
  if (line.length <= chars) return line;
  const at = line.indexOf(" ≤ ");
  if (at > 0) {
    const tail = line.slice(at);
    const room = chars - tail.length - 1;
    if (room >= 3) return `${line.slice(0, room)}…${tail}`;
  }
  return `${line.slice(0, Math.max(1, chars - 1))}…`;
}

/**
 * The tree in pixels for a width: one column per level, each node a box whose left edge is its
 * column's start and whose text is cut to fit, links only in the gaps between columns (from a
 * box's right edge to its children's left edges), so no link crosses a label.
 */
export function treeBoxes(
  root: TreeDisplayNode,
  classes: readonly string[] | null,
  maxDepth: number,
  width: number,
): { boxes: TreeBox[]; edges: TreeEdge[]; height: number; leaves: number; depth: number } {
  const { nodes, links, leaves, depth } = layoutTree(root, classes, maxDepth);
  const colW = (width - 2 * EDGE) / (depth + 1);
  const longest = Math.max(...nodes.flatMap((n) => n.label.split("\n").map((l) => l.length)));
  const boxW = Math.max(
    60,
    Math.min(colW - (depth > 0 ? LINK_GAP : 0), longest * TREE_CHAR_PX + 2 * DOT_PX + 8),
  );
  const chars = Math.max(6, Math.floor((boxW - 2 * DOT_PX - 6) / TREE_CHAR_PX));
  const left = (d: number) => EDGE + d * colW;
  const middle = (order: number) => TOP + order * TREE_ROW_PX + BOX_H / 2;
  const boxes = nodes.map((n) => ({
    ...n,
    x1: left(n.depth),
    x2: left(n.depth) + boxW,
    y1: middle(n.order) - BOX_H / 2,
    y2: middle(n.order) + BOX_H / 2,
    text: n.label
      .split("\n")
      .map((l) => fitLine(l, chars))
      .join("\n"),
  }));
  const edges = links.map((l) => ({
    x1: left(l.x1) + boxW,
    y1: middle(l.y1),
    x2: left(l.x2),
    y2: middle(l.y2),
    branch: l.branch,
  }));
  const height = TOP + Math.max(0, leaves - 1) * TREE_ROW_PX + BOX_H + EDGE;
  return { boxes, edges, height, leaves, depth };
}

/**
 * A decision tree drawn left to right: each split as "feature ≤ threshold" with its rows and
 * majority class (or mean), the upper branch where the test holds; leaves show the prediction.
 * Each node is a box with a dot in its class's colour (or its value's); text is 12 px, cut to the
 * box with the full label as a tooltip, and links run between boxes, never through text. Levels
 * past `maxDepth` end in "…".
 */
export function treeSpec(root: TreeDisplayNode, opts: TreeSpecOptions): Plot.PlotOptions {
  const maxDepth = opts.maxDepth ?? 4;
  const width = opts.width ?? 800;
  const { boxes, edges, height, depth } = treeBoxes(root, opts.classes, maxDepth, width);
  const splits = boxes.filter((n) => !n.leaf).length;
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
    width,
    height,
    margin: 0,
    ariaLabel: "Decision tree",
    ariaDescription: `The first ${depth + 1} levels of the tree: ${splits} splits shown, the root splitting ${formatNumber(root.samples)} rows on ${root.feature ?? "nothing"}.`,
    // Pixel coordinates: the layout above already placed everything.
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    color,
    marks: [
      Plot.link(edges, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        curve: "bump-x",
        stroke: (d: TreeEdge) => (d.branch === "yes" ? COLORS.accent : COLORS.other),
        strokeWidth: 1.5,
      }),
      Plot.rect(boxes, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "white",
        stroke: "#c3cbd5",
        rx: 4,
        title: (d: TreeBox) => d.label.replace("\n", " · "),
      }),
      Plot.dot(boxes, {
        x: (d: TreeBox) => d.x1 + DOT_PX,
        y: (d: TreeBox) => (d.y1 + d.y2) / 2,
        fill: "value",
        r: 4.5,
      }),
      Plot.text(boxes, {
        x: (d: TreeBox) => d.x1 + 2 * DOT_PX,
        y: (d: TreeBox) => (d.y1 + d.y2) / 2,
        text: "text",
        textAnchor: "start",
        lineAnchor: "middle",
        lineHeight: LINE_PX / TREE_FONT_PX,
        fontSize: TREE_FONT_PX,
        fill: "#1b2430",
        title: (d: TreeBox) => d.label.replace("\n", " · "),
      }),
    ],
  };
}
