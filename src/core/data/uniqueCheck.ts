/**
 * Whether a list of values holds a repeat, given a 32-bit hash of each: the end-of-reading check
 * of a string column in unique mode (see stringColumn.ts), so a million ids need no hash table.
 *
 * A bit set over the top bits of the hashes finds the values that share those bits with another
 * one (a few per cent of them); sorting only their hashes finds the hashes that repeat, and only
 * values with such a hash are compared byte by byte.
 */
export function hasDuplicates(
  hashes: Int32Array,
  n: number,
  same: (a: number, b: number) => boolean,
): boolean {
  // 8 to 16 bits per value: some per cent of the values share their prefix, and the bit sets
  // still fit in the cache.
  const bits = Math.min(27, Math.max(10, 36 - Math.clz32(n)));
  const shift = 32 - bits;
  const seen = new Int32Array(1 << (bits - 5));
  const shared = new Int32Array(1 << (bits - 5));
  let any = false;
  for (let c = 0; c < n; c++) {
    const k = hashes[c] >>> shift;
    const bit = 1 << (k & 31);
    if (seen[k >>> 5] & bit) {
      shared[k >>> 5] |= bit;
      any = true;
    } else seen[k >>> 5] |= bit;
  }
  if (!any) return false;
  // The values with a shared prefix; among them, the hashes that occur twice (a sort finds them).
  const candidates: number[] = [];
  for (let c = 0; c < n; c++) {
    const k = hashes[c] >>> shift;
    if (shared[k >>> 5] & (1 << (k & 31))) candidates.push(c);
  }
  const sorted = new Int32Array(candidates.length);
  for (let i = 0; i < sorted.length; i++) sorted[i] = hashes[candidates[i]];
  sorted.sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]);
  // Values with equal hashes, compared byte by byte.
  const groups = new Map<number, number[]>();
  for (const c of candidates) {
    const h = hashes[c];
    if (!repeated.has(h)) continue;
    const group = groups.get(h);
    if (group === undefined) {
      groups.set(h, [c]);
      continue;
    }
    for (const other of group) if (same(other, c)) return true;
    group.push(c);
  }
  return false;
}
