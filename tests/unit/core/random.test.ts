import { describe, expect, it } from "vitest";
import { makeRng } from "../../../src/core/random.ts";

describe("makeRng", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const c = makeRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it("stays in [0, 1) with a mean near 0.5", () => {
    const rng = makeRng(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it("draws integers below n", () => {
    const rng = makeRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(rng.int(3));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});
