/**
 * Seeded pseudo-random numbers (mulberry32). One generator is created from the run's seed and passed
 * down explicitly; nothing in core uses the unseeded global generator.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A child generator with its own stream, for work that must not depend on call order. */
  fork(): Rng;
}

export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    fork: () => makeRng(Math.floor(next() * 4294967296)),
  };
}
