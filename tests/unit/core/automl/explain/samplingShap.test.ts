import { describe, expect, it } from "vitest";
import { samplingShap } from "../../../../../src/core/automl/explain/samplingShap.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { makeRng } from "../../../../../src/core/random.ts";
import { frameOf } from "../../prep/helpers.ts";

function seededFrame(rows: number): Frame {
  const rng = makeRng(9);
  const col = () => Array.from({ length: rows }, () => Math.round((rng.next() * 4 - 2) * 100) / 100);
  return frameOf({ a: col(), b: col(), c: col(), d: col() });
}

const values = (f: Frame, j: number) => (f.columns[j].data as { values: Float64Array }).values;
const linear = (f: Frame) =>
  Float64Array.from(
    { length: f.rows },
    (_, r) => 1 + 2 * values(f, 0)[r] - 3 * values(f, 1)[r] + 0.5 * values(f, 3)[r],
  );
const bumpy = (f: Frame) =>
  Float64Array.from(
    { length: f.rows },
    (_, r) => values(f, 0)[r] * values(f, 1)[r] + Math.max(values(f, 2)[r], 0) ** 2,
  );

describe("samplingShap", () => {
  const frame = seededFrame(60);
  const background = Array.from({ length: 20 }, (_, i) => 20 + i);
  const players = [0, 1, 2, 3];

  it("on a linear model gives the exact contributions coef * (x - background mean)", () => {
    const coef = [2, -3, 0, 0.5];
    const s = samplingShap(frame, 5, background, players, linear, { seed: 1 });
    for (let j = 0; j < 4; j++) {
      const mean = background.reduce((m, b) => m + values(frame, j)[b], 0) / background.length;
      expect(s.phi[j]).toBeCloseTo(coef[j] * (values(frame, j)[5] - mean), 10);
    }
  });

  it("same seed, same numbers; another seed, other numbers; base + phi = output either way", () => {
    const a = samplingShap(frame, 7, background, players, bumpy, { seed: 3 });
    const b = samplingShap(frame, 7, background, players, bumpy, { seed: 3 });
    const c = samplingShap(frame, 7, background, players, bumpy, { seed: 4 });
    expect(Array.from(a.phi)).toEqual(Array.from(b.phi));
    expect(Array.from(a.phi)).not.toEqual(Array.from(c.phi));
    for (const s of [a, c]) {
      expect(Math.abs(s.phi.reduce((t, v) => t + v, s.base) - s.output)).toBeLessThan(1e-12);
      expect(s.output).toBeCloseTo(bumpy(frame)[7], 12);
      // Column d does not enter the function: no credit.
      expect(s.phi[3]).toBe(0);
    }
  });

  it("converges towards the exact interventional Shapley values with more permutations", () => {
    // Exact values by enumerating subsets over the same background (4 players: 16 coalitions).
    const x = 11;
    const exact = new Float64Array(4);
    const fact = [1, 1, 2, 6, 24];
    const v = (mask: number) => {
      let s = 0;
      for (const b of background) {
        const cols = [0, 1, 2, 3].map((j) => values(frame, j)[mask & (1 << j) ? x : b]);
        s += cols[0] * cols[1] + Math.max(cols[2], 0) ** 2;
      }
      return s / background.length;
    };
    for (let j = 0; j < 4; j++)
      for (let m = 0; m < 16; m++) {
        if (m & (1 << j)) continue;
        const size = [0, 1, 2, 3].filter((k) => m & (1 << k)).length;
        exact[j] += ((fact[size] * fact[3 - size]) / fact[4]) * (v(m | (1 << j)) - v(m));
      }
    const s = samplingShap(frame, x, background, players, bumpy, { seed: 2, pairsPerBackground: 40 });
    for (let j = 0; j < 4; j++)
      expect(Math.abs(s.phi[j] - exact[j])).toBeLessThan(0.05 * (1 + Math.abs(exact[j])));
  });
});
