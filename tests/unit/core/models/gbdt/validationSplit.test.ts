import { describe, expect, it } from "vitest";
import { validationSplit } from "../../../../../src/core/models/gbdt/validationSplit.ts";
import { makeRng, type Rng } from "../../../../../src/core/random.ts";

/** The split as it was written before (a number[] per group): the reference for the same draws. */
function reference(y: Float64Array, fraction: number, classification: boolean, rng: Rng) {
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
  const train: number[] = [];
  const validation: number[] = [];
  for (let i = 0; i < n; i++) (held[i] ? validation : train).push(i);
  return { train: Uint32Array.from(train), validation: Uint32Array.from(validation) };
}

describe("validationSplit", () => {
  it("holds out the same rows as the number[] version, stratified or not", () => {
    const draw = makeRng(21);
    // Classes 0..3 with unequal shares, class 3 a single row; values for regression.
    const classes = Float64Array.from({ length: 5_000 }, (_, i) =>
      i === 77 ? 3 : draw.next() < 0.2 ? 2 : draw.int(2),
    );
    const values = Float64Array.from({ length: 1_234 }, () => draw.next() * 10 - 5);
    for (const [y, classification] of [
      [classes, true],
      [values, false],
      [Float64Array.from([1, 0, 1, 1, 0]), true],
    ] as const) {
      for (const fraction of [0.1, 0.33, 0.5]) {
        const got = validationSplit(y, fraction, classification, makeRng(5));
        const want = reference(y, fraction, classification, makeRng(5));
        expect(got.validation).toEqual(want.validation);
        expect(got.train).toEqual(want.train);
      }
    }
    const one = validationSplit(classes, 0.1, true, makeRng(5));
    expect(one.validation.length).toBeGreaterThan(400);
    expect(one.validation.includes(77)).toBe(false);
  });
});
