/**
 * Classes are called imbalanced when the largest has more than IMBALANCE_RATIO times the rows of
 * the smallest: for two classes, a minority under 20%. Below that ratio plain accuracy is still a
 * fair summary; above it a model that ignores the rare class scores deceptively well.
 */
export const IMBALANCE_RATIO = 4;

export interface ClassBalance {
  majority: string;
  majorityCount: number;
  minority: string;
  minorityCount: number;
  /** majorityCount / minorityCount. */
  ratio: number;
  /** minorityCount / all labelled rows. */
  minorityShare: number;
  imbalanced: boolean;
}

/** Balance of non-empty classes; null with fewer than two. Ties: the first class is the majority, the last the minority. */
export function classBalance(classes: readonly string[], counts: readonly number[]): ClassBalance | null {
  let maj = -1;
  let min = -1;
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] <= 0) continue;
    total += counts[i];
    if (maj < 0 || counts[i] > counts[maj]) maj = i;
    if (min < 0 || counts[i] <= counts[min]) min = i;
  }
  if (maj < 0 || maj === min) return null;
  const ratio = counts[maj] / counts[min];
  return {
    majority: classes[maj],
    majorityCount: counts[maj],
    minority: classes[min],
    minorityCount: counts[min],
    ratio,
    minorityShare: counts[min] / total,
    imbalanced: ratio > IMBALANCE_RATIO,
  };
}
