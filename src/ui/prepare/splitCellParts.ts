/** Where a run of rows goes: the three parts a split picture colours. */
export type SplitPart = "train" | "test" | "unused";

/** One coloured band of a split-picture cell, as a share of the cell's height. */
export interface CellPart {
  part: SplitPart;
  /** 0..1 of the cell; the bands of a cell add up to 1. */
  share: number;
}

/** A part with any rows in a cell is drawn at least this share of it, so one test row among ten shows. */
export const MIN_PART_SHARE = 0.15;

/**
 * The bands of one cell of the split picture, test on top, then unused, train at the bottom, each
 * as tall as its share of the cell's rows. A part that has rows but less than `minShare` is drawn
 * at `minShare` (taken from the largest band), so no part with rows vanishes from the picture.
 */
export function splitCellParts(
  testShare: number,
  unusedShare: number,
  minShare = MIN_PART_SHARE,
): CellPart[] {
  const test = clamp01(testShare);
  const unused = Math.min(clamp01(unusedShare), 1 - test);
  const parts: CellPart[] = [
    { part: "test", share: test },
    { part: "unused", share: unused },
    { part: "train", share: Math.max(0, 1 - test - unused) },
  ].filter((p): p is CellPart => p.share > 1e-12);
  for (const p of parts) {
    if (p.share >= minShare) continue;
    const largest = parts.reduce((a, b) => (b.share > a.share ? b : a));
    const lift = Math.min(minShare - p.share, largest.share - minShare);
    if (lift <= 0) continue;
    p.share += lift;
    largest.share -= lift;
  }
  return parts;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
