import type { Rng } from "../../random.ts";

/**
 * The held-out rows for early stopping, as scikit-learn's `train_test_split(test_size=fraction,
 * stratify=y)` for classifiers: each class gives its share (rounded, at least one row when it has
 * two or more), rows are drawn with the seeded generator, and both parts come back sorted.
 */
export function validationSplit(
  y: Float64Array,
  fraction: number,
  classification: boolean,
  rng: Rng,
): { train: Uint32Array; validation: Uint32Array } {
  const n = y.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = classification ? y[i] : 0;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const held = new Uint8Array(n);
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = groups.get(key)!;
    let take = Math.round(rows.length * fraction);
    if (rows.length >= 2) take = Math.min(rows.length - 1, Math.max(1, take));
    else take = 0;
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(rows.length - i);
      const t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
      held[rows[i]] = 1;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += held[i];
  const train = new Uint32Array(n - m);
  const validation = new Uint32Array(m);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (held[i]) validation[b++] = i;
    else train[a++] = i;
  }
  return { train, validation };
}
