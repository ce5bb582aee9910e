/**
 * The permutation NumPy's legacy `RandomState(seed).shuffle(np.arange(n))` gives, so folds can be
 * identical to scikit-learn's `KFold(n_splits, shuffle=True, random_state=seed)`: a teacher can
 * then compare the app's scores with a notebook's fold for fold, and a reference score can be
 * compared on the very folds it was measured on.
 *
 * The generator is the Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), seeded as NumPy's
 * legacy seeding of an integer (the reference `init_genrand`); a bounded draw masks 32-bit outputs
 * to the smallest covering power of two and rejects values above the bound (NumPy's
 * `random_interval`); the shuffle is Fisher-Yates from the last index down.
 */
export class MersenneTwister {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 * prev + i, modulo 2^32, in two 16-bit halves to stay exact.
      mt[i] = ((((prev >>> 16) * 1812433253) << 16) + (prev & 0xffff) * 1812433253 + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
      mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform integer in [0, max] (max < 2^32), by masked rejection as NumPy's legacy `random_interval`. */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    for (;;) {
      const value = (this.nextUint32() & mask) >>> 0;
      if (value <= max) return value;
    }
  }
}

/** `np.random.RandomState(seed).shuffle(np.arange(n))`, as a plain array (seed in [0, 2^32)). */
export function numpyPermutation(n: number, seed: number): number[] {
  const rng = new MersenneTwister(seed);
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.interval(i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
