/**
 * A seed for one piece of work, derived from the run's seed and names for the piece (model id,
 * fold number, purpose) by FNV-1a hashing. A model's numbers then depend only on (seed, model,
 * fold), never on which models ran before it, so a resumed run reproduces them exactly.
 */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    // A separator, so that ("ab", 1) and ("a", "b1") hash apart.
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const part of parts) mix(String(part));
  // Final avalanche (murmur3's fmix32), so nearby inputs give unrelated generator states.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
