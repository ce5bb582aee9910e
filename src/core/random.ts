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

/**
 * The next draw in [0, 1) of the mulberry32 stream whose state is `state[0]` (advanced in place):
 * `makeRng`'s step, for a caller that holds the state itself so that its call site has one target
 * (extra trees' per-tree threshold stream, cartGrower.ts).
 */
export function nextUnit(state: Int32Array): number {
  const a = (state[0] + 0x6d2b79f5) | 0;
  state[0] = a;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function makeRng(seed: number): Rng {
  // The state is kept in an Int32Array (the same 32 bits): V8 boxes a closure variable above
  // 2^30, so every draw allocated a number, and a forest draws millions per fit.
  const state = new Int32Array(1);
  state[0] = seed >>> 0;
  const next = () => nextUnit(state);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    fork: () => makeRng(Math.floor(next() * 4294967296)),
  };
}
