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
  const keyOf = (i: number) => (classification ? y[i] : 0);
  // Each group's rows, ascending, in one shared array (its segment from start.get(key)): a
  // number[] per group grew by copies on V8's heap, ~5 MB of garbage at 600k rows.
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const keys = [...sizes.keys()].sort((a, b) => a - b);
  const start = new Map<number, number>();
  let at = 0;
  for (const key of keys) {
    start.set(key, at);
    at += sizes.get(key)!;
  }
  const all = new Uint32Array(n);
  const next = new Map(start);
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    const k = next.get(key)!;
    all[k] = i;
    next.set(key, k + 1);
  }
  const held = new Uint8Array(n);
  for (const key of keys) {
    const from = start.get(key)!;
    const rows = all.subarray(from, from + sizes.get(key)!);
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
