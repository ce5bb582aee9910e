import type { SplitCandidate } from "./splitFinder.ts";

/** A node waiting to be split: its rows `rows[start..end)`, sums, histogram and best split. */
export interface OpenNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  sums: Float64Array;
  score: number;
  hist: Float64Array | null;
  split: SplitCandidate | null;
  /**
   * Features known to be constant in the node, one bit each (32 per word), which its children
   * inherit and need not look at again; absent where the grower does not track them.
   */
  known?: Int32Array | null;
}

/** Open nodes: a max-heap on gain when leaves are capped (best-first), else a stack (depth-first). */
export class Frontier {
  private items: OpenNode[] = [];

  constructor(private readonly byGain: boolean) {}

  push(node: OpenNode): void {
    const a = this.items;
    a.push(node);
    if (!this.byGain) return;
    let i = a.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (gainOf(a[up]) >= gainOf(a[i])) break;
      [a[up], a[i]] = [a[i], a[up]];
      i = up;
    }
  }

  pop(): OpenNode | undefined {
    const a = this.items;
    if (!this.byGain || a.length <= 1) return a.pop();
    const top = a[0];
    a[0] = a.pop()!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && gainOf(a[l]) > gainOf(a[m])) m = l;
      if (r < a.length && gainOf(a[r]) > gainOf(a[m])) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
    return top;
  }
}

function gainOf(node: OpenNode): number {
  return node.split!.gain;
}
