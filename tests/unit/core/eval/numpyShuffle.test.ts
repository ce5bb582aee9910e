import { describe, expect, it } from "vitest";
import { kFold } from "../../../../src/core/eval/kFold.ts";
import { MersenneTwister, numpyPermutation } from "../../../../src/core/eval/numpyShuffle.ts";

// Expected values printed by NumPy 2.4 on this machine:
//   np.random.RandomState(0).randint(0, 2**32, size=3, dtype=np.uint64)
//   idx = np.arange(n); np.random.RandomState(seed).shuffle(idx)
describe("NumPy-compatible shuffling", () => {
  it("draws the Mersenne Twister's outputs for an integer seed", () => {
    const mt = new MersenneTwister(0);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([2357136044, 2546248239, 3071714933]);
    // The reference implementation's first output for the seed 5489 (mt19937ar.c).
    expect(new MersenneTwister(5489).nextUint32()).toBe(3499211612);
  });

  it("permutes as RandomState(seed).shuffle", () => {
    expect(numpyPermutation(10, 0)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
    expect(numpyPermutation(20, 42)).toEqual([
      0, 17, 15, 1, 8, 5, 11, 3, 18, 16, 13, 2, 9, 19, 4, 12, 7, 10, 14, 6,
    ]);
    const p = numpyPermutation(178, 0);
    expect(p.slice(0, 8)).toEqual([54, 151, 63, 55, 123, 121, 7, 160]);
    expect(p.slice(-4)).toEqual([67, 117, 47, 172]);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 178 }, (_, i) => i));
  });

  it("gives scikit-learn's KFold(5, shuffle=True, random_state=0) folds", () => {
    const folds = kFold(10, 3, { seed: 0, numpy: true });
    // Shuffled order 2 8 4 9 | 1 6 7 | 3 0 5, cut into 4, 3, 3 rows.
    expect(folds.map((f) => Array.from(f.test))).toEqual([
      [2, 4, 8, 9],
      [1, 6, 7],
      [0, 3, 5],
    ]);
    expect(Array.from(folds[0].train)).toEqual([0, 1, 3, 5, 6, 7]);
  });
});
