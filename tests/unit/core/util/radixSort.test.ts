import { describe, expect, it } from "vitest";
import { makeRng } from "../../../../src/core/random.ts";
import { argsortFloat64, sortFloat64 } from "../../../../src/core/util/radixSort.ts";

describe("radix sort", () => {
  it("sorts like the built-in sort, negatives, infinities and tiny values included", () => {
    const rng = makeRng(11);
    const values = new Float64Array(5000);
    for (let i = 0; i < values.length; i++)
      values[i] = (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 20 - 10);
    values[3] = Number.POSITIVE_INFINITY;
    values[4] = Number.NEGATIVE_INFINITY;
    values[5] = 0;
    const expected = values.slice().sort();
    expect(sortFloat64(values.slice())).toEqual(expected);
  });

  it("argsorts stably", () => {
    const values = new Float64Array(1000);
    for (let i = 0; i < values.length; i++) values[i] = (i * 37) % 10;
    const order = argsortFloat64(values);
    for (let i = 1; i < order.length; i++) {
      const a = values[order[i - 1]];
      const b = values[order[i]];
      expect(a < b || (a === b && order[i - 1] < order[i])).toBe(true);
    }
  });
});
